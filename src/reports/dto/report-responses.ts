import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  OWNERSHIP_TYPES,
  type OwnershipType,
  SECTORS,
  type Sector,
} from '../../enterprises/domain/ownership';
import {
  AGREEMENT_KINDS,
  type AgreementKind,
  OPEN_STAGES,
  SCOPES,
  type Scope,
  type Stage,
} from '../../negotiations/workflow';
import {
  BASES,
  type Base,
  COVERAGE_STATUSES,
  type CoverageStatus,
  GROUP_BYS,
  type GroupBy,
  TOTAL_GROUP,
} from '../rates';
import { ORG_UNIT_LEVELS, type OrgUnitLevel } from '../../org-units/domain/org-unit-code';

/**
 * The reports' JSON answers as the OpenAPI document describes them (docs/contract.md, Reports), so
 * that the web's generated types cover them. Documentation only: ReportsService builds the answers
 * from the pure core (`rates/`), and the reports e2e test checks each answer against these shapes.
 */

const RATE = 'a fraction 0–1; null for an empty group';
const GROUP =
  'the group: a sector, an ownership type, a township, an industry letter, an instructor id (`none`: no instructor), or a child unit id (groupBy=orgUnit; `none`: the enterprises sitting directly in the unit); `total` on the total row';
const GROUP_NAME =
  "groupBy=orgUnit: the child unit's name (本级直属 on the `none` row); absent for other groupings";

/** The unit a report covers (docs/contract.md, Federation hierarchy). */
export class ReportOrgUnitResponse {
  @ApiProperty() id!: number;
  @ApiProperty({ example: '510104000000', description: '统计用区划代码, 12 digits' }) code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ORG_UNIT_LEVELS }) level!: OrgUnitLevel;
}

/** The unit that set a target. */
export class TargetSourceResponse {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
}

const ORG_UNIT = {
  type: ReportOrgUnitResponse,
  nullable: true,
  description:
    "the unit the report covers: orgUnitId, else the caller's unit; null for the whole deployment when it has several roots",
};
const TARGET_SOURCE =
  "with target: the unit that set it (the report's unit or its nearest ancestor that sets one); null = the deployment default (REPORT_TARGETS)";

export class SigningRateRowResponse {
  @ApiProperty({ description: GROUP, example: 'non_public' }) group!: string;
  @ApiProperty({ description: '应签: enterprises in the base' }) enterprises!: number;
  @ApiProperty({ description: '已签: those of them covered' }) covered!: number;
  @ApiProperty({ type: Number, nullable: true, description: `covered / enterprises, ${RATE}` })
  rate!: number | null;
  @ApiProperty({ description: 'headcount of the enterprises in the base' }) employees!: number;
  @ApiProperty() employeesCovered!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: '职工覆盖率: employeesCovered / employees, a fraction 0–1; null when the headcount is 0',
  })
  employeeRate!: number | null;
  @ApiPropertyOptional({ description: 'the target rate; only on the rows of sectors that have one' })
  target?: number;
  @ApiPropertyOptional({ description: 'with target: whether the rate meets it (shortBy is 0)' })
  meetsTarget?: boolean;
  @ApiPropertyOptional({
    description: 'with target: how many more covered enterprises the group needs to meet it (0 if met)',
  })
  shortBy?: number;
  @ApiPropertyOptional({ description: GROUP_NAME }) groupName?: string;
  @ApiPropertyOptional({ type: TargetSourceResponse, nullable: true, description: TARGET_SOURCE })
  targetSource?: TargetSourceResponse | null;
}

export class SigningRatesResponse {
  @ApiProperty({ format: 'date' }) asOf!: string;
  @ApiProperty(ORG_UNIT) orgUnit!: ReportOrgUnitResponse | null;
  @ApiProperty({ enum: AGREEMENT_KINDS }) agreementKind!: AgreementKind;
  @ApiProperty({ enum: BASES }) base!: Base;
  @ApiProperty({ enum: GROUP_BYS }) groupBy!: GroupBy;
  @ApiProperty({ enum: COVERAGE_STATUSES }) status!: CoverageStatus;
  @ApiProperty({ type: [SigningRateRowResponse] }) rows!: SigningRateRowResponse[];
  @ApiProperty({ type: SigningRateRowResponse, description: 'all enterprises of the base; no target' })
  total!: SigningRateRowResponse;
}

export class TargetGapNegotiationResponse {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: OPEN_STAGES }) stage!: Stage;
}

export class TargetGapItemResponse {
  @ApiProperty() enterpriseId!: number;
  @ApiProperty() name!: string;
  @ApiProperty() creditCode!: string;
  @ApiProperty({ enum: OWNERSHIP_TYPES }) ownershipType!: OwnershipType;
  @ApiProperty() township!: string;
  @ApiProperty() employeeCount!: number;
  @ApiProperty({ type: Number, nullable: true }) instructorId!: number | null;
  @ApiPropertyOptional({
    type: TargetGapNegotiationResponse,
    description: 'the newest open negotiation of the kind; absent when there is none',
  })
  openNegotiation?: TargetGapNegotiationResponse;
}

export class TargetGapsResponse {
  @ApiProperty({ format: 'date' }) asOf!: string;
  @ApiProperty(ORG_UNIT) orgUnit!: ReportOrgUnitResponse | null;
  @ApiProperty({ enum: SECTORS }) sector!: Sector;
  @ApiProperty({ enum: AGREEMENT_KINDS }) agreementKind!: AgreementKind;
  @ApiProperty({ enum: BASES }) base!: Base;
  @ApiProperty({ enum: COVERAGE_STATUSES }) status!: CoverageStatus;
  @ApiProperty({ type: Number, nullable: true, description: 'null when the sector has no target' })
  target!: number | null;
  @ApiProperty({ type: TargetSourceResponse, nullable: true, description: TARGET_SOURCE })
  targetSource!: TargetSourceResponse | null;
  @ApiProperty({ description: "as on the sector's signing-rate row; 0 without a target" }) shortBy!: number;
  @ApiProperty({
    description:
      "how many enterprises of the sector's base are uncovered: the whole list, of which items is one page",
  })
  total!: number;
  @ApiProperty({
    type: [TargetGapItemResponse],
    description:
      "the page (page, pageSize) of the sector's base's uncovered enterprises, largest first, ties by id; the .csv/.xlsx downloads hold them all",
  })
  items!: TargetGapItemResponse[];
}

export class UnionFoundingRowResponse {
  @ApiProperty({ description: GROUP, example: 'non_public' }) group!: string;
  @ApiProperty({ description: 'open enterprises' }) enterprises!: number;
  @ApiProperty({ description: 'those with a union founded on or before asOf' }) unionised!: number;
  @ApiProperty({ type: Number, nullable: true, description: `unionised / enterprises, ${RATE}` })
  rate!: number | null;
  @ApiPropertyOptional({ description: GROUP_NAME }) groupName?: string;
}

export class UnionFoundingResponse {
  @ApiProperty({ format: 'date' }) asOf!: string;
  @ApiProperty(ORG_UNIT) orgUnit!: ReportOrgUnitResponse | null;
  @ApiProperty({ enum: GROUP_BYS }) groupBy!: GroupBy;
  @ApiProperty({ type: [UnionFoundingRowResponse] }) rows!: UnionFoundingRowResponse[];
  @ApiProperty({ type: UnionFoundingRowResponse }) total!: UnionFoundingRowResponse;
}

export class AgreementsRowResponse {
  @ApiProperty({ enum: [...SCOPES, TOTAL_GROUP], description: '`total` on the total row' })
  scope!: Scope | typeof TOTAL_GROUP;
  @ApiProperty({ description: 'agreements of the kind in force on asOf' }) agreements!: number;
  @ApiProperty({ description: 'distinct open enterprises they list' }) enterprisesCovered!: number;
  @ApiProperty({ description: "sum of the agreements' covered employees" }) employeesCovered!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'mean wage increase (%) of the agreements that record one, 2 decimals; null if none',
  })
  avgWageIncreasePct!: number | null;
}

export class AgreementsReportResponse {
  @ApiProperty({ format: 'date' }) asOf!: string;
  @ApiProperty(ORG_UNIT) orgUnit!: ReportOrgUnitResponse | null;
  @ApiProperty({ enum: AGREEMENT_KINDS }) agreementKind!: AgreementKind;
  @ApiProperty({ type: [AgreementsRowResponse], description: 'always the three scopes' })
  rows!: AgreementsRowResponse[];
  @ApiProperty({
    type: AgreementsRowResponse,
    description: 'sums; an enterprise listed under two scopes counts once in enterprisesCovered',
  })
  total!: AgreementsRowResponse;
}

export class TrendPointResponse {
  @ApiProperty({ example: '2026-06' }) month!: string;
  @ApiProperty({
    format: 'date',
    description: "the day the point is measured on: the month's last day, or today for the current month",
  })
  asOf!: string;
  @ApiProperty({ description: 'the current month, measured on today (it has not ended)' }) partial!: boolean;
  @ApiProperty({ type: Number, nullable: true, description: `covered / enterprises, ${RATE}` })
  rate!: number | null;
  @ApiProperty() covered!: number;
  @ApiProperty() enterprises!: number;
}

export class TrendSeriesResponse {
  @ApiProperty({ description: GROUP, example: 'non_public' }) group!: string;
  @ApiPropertyOptional({ description: GROUP_NAME }) groupName?: string;
  @ApiProperty({ type: [TrendPointResponse], description: 'one point per month' })
  points!: TrendPointResponse[];
}

export class TrendResponse {
  @ApiProperty({ example: '2026-01' }) from!: string;
  @ApiProperty({ example: '2026-12' }) to!: string;
  @ApiProperty(ORG_UNIT) orgUnit!: ReportOrgUnitResponse | null;
  @ApiProperty({ enum: AGREEMENT_KINDS }) agreementKind!: AgreementKind;
  @ApiProperty({ enum: BASES }) base!: Base;
  @ApiProperty({ enum: COVERAGE_STATUSES }) status!: CoverageStatus;
  @ApiProperty({ enum: GROUP_BYS }) groupBy!: GroupBy;
  @ApiProperty({ type: [String], description: 'the months from `from` to `to` that have begun' })
  months!: string[];
  @ApiProperty({ type: [TrendSeriesResponse], description: 'one series per group' })
  series!: TrendSeriesResponse[];
  @ApiProperty({ type: [TrendPointResponse], description: 'the total row of each month' })
  total!: TrendPointResponse[];
}

const STATISTICS_KIND = [...AGREEMENT_KINDS, TOTAL_GROUP];
const STATISTICS_LEVEL = [...SCOPES, TOTAL_GROUP];

/** One line of the statistics table (docs/domain.md, Statistics table). */
export class StatisticsRowResponse {
  @ApiProperty({ enum: STATISTICS_KIND, description: '`total`: over every kind' })
  agreementKind!: AgreementKind | typeof TOTAL_GROUP;
  @ApiProperty({
    enum: STATISTICS_LEVEL,
    description: 'enterprise 单独签订, regional 区域性, industry 行业性; `total`: over every level',
  })
  level!: Scope | typeof TOTAL_GROUP;
  @ApiProperty({ description: 'agreements in force at to that list an enterprise of the unit' })
  agreements!: number;
  @ApiProperty({ description: 'agreements signed within the period (not set aside by to)' })
  signedInPeriod!: number;
  @ApiProperty({ description: 'open enterprises of the unit listed by the agreements in force, each once' })
  enterprisesCovered!: number;
  @ApiProperty({ description: 'their headcount, each enterprise once' }) employeesCovered!: number;
  @ApiProperty({ description: 'of enterprisesCovered, the non-public ones' })
  nonPublicEnterprisesCovered!: number;
}

export class StatisticsUnitResponse {
  @ApiProperty({ description: 'the child unit id; `none`: the enterprises directly in the unit' })
  group!: string;
  @ApiProperty() groupName!: string;
  @ApiProperty({ type: [StatisticsRowResponse] }) rows!: StatisticsRowResponse[];
  @ApiProperty({ type: [StatisticsRowResponse] }) kindTotals!: StatisticsRowResponse[];
  @ApiProperty({ type: [StatisticsRowResponse] }) levelTotals!: StatisticsRowResponse[];
  @ApiProperty({ type: StatisticsRowResponse }) total!: StatisticsRowResponse;
}

export class StatisticsResponse {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty(ORG_UNIT) orgUnit!: ReportOrgUnitResponse | null;
  @ApiProperty({ type: [StatisticsRowResponse], description: 'every kind × level' })
  rows!: StatisticsRowResponse[];
  @ApiProperty({ type: [StatisticsRowResponse], description: 'per kind over its levels (level: total)' })
  kindTotals!: StatisticsRowResponse[];
  @ApiProperty({
    type: [StatisticsRowResponse],
    description: 'per level over the kinds (agreementKind: total)',
  })
  levelTotals!: StatisticsRowResponse[];
  @ApiProperty({ type: StatisticsRowResponse, description: 'over everything; an enterprise counted once' })
  total!: StatisticsRowResponse;
  @ApiPropertyOptional({
    type: [StatisticsUnitResponse],
    description: 'groupBy=orgUnit: the table of each child unit, counted apart',
  })
  units?: StatisticsUnitResponse[];
}

export class RateCountResponse {
  @ApiProperty() numerator!: number;
  @ApiProperty() denominator!: number;
}

export class AreaAgreementsResponse {
  @ApiProperty() agreements!: number;
  @ApiProperty() enterprisesCovered!: number;
}

export class WorkSummaryCountsResponse {
  @ApiProperty() unionsFounded!: number;
  @ApiProperty() unionsFoundedNonPublic!: number;
  @ApiProperty() membersAdded!: number;
  @ApiProperty({ type: RateCountResponse }) unionisationNonPublic!: RateCountResponse;
  @ApiProperty({ type: RateCountResponse }) signingState!: RateCountResponse;
  @ApiProperty({ type: RateCountResponse }) signingNonPublic!: RateCountResponse;
  @ApiProperty({ type: RateCountResponse }) workersCongressNonPublic!: RateCountResponse;
  @ApiProperty({ type: AreaAgreementsResponse }) regional!: AreaAgreementsResponse;
  @ApiProperty({ type: AreaAgreementsResponse }) industry!: AreaAgreementsResponse;
}

export class WorkSummaryTargetsResponse {
  @ApiProperty() unionisationNonPublic!: number;
  @ApiProperty() signingState!: number;
  @ApiProperty() signingNonPublic!: number;
  @ApiProperty() workersCongressNonPublic!: number;
}

export class NonPublicRateResponse {
  @ApiProperty({ type: Number, nullable: true, description: RATE }) nonPublic!: number | null;
}

export class SigningRateFiguresResponse {
  @ApiProperty({ type: Number, nullable: true, description: RATE }) state!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: RATE }) nonPublic!: number | null;
}

export class WorkSummaryResponse {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty(ORG_UNIT) orgUnit!: ReportOrgUnitResponse | null;
  @ApiProperty({ description: 'open enterprises at to whose union was founded in the period' })
  unionsFounded!: number;
  @ApiProperty() unionsFoundedNonPublic!: number;
  @ApiProperty({ description: 'the member count increases recorded in the period' }) membersAdded!: number;
  @ApiProperty({ type: NonPublicRateResponse, description: '建会率 at to' })
  unionisationRate!: NonPublicRateResponse;
  @ApiProperty({ type: SigningRateFiguresResponse, description: 'wage agreements, base unionised, at to' })
  signingRate!: SigningRateFiguresResponse;
  @ApiProperty({
    type: NonPublicRateResponse,
    description: '职代会建制率 among unionised non-public enterprises',
  })
  workersCongressRate!: NonPublicRateResponse;
  @ApiProperty({ description: 'regional agreements (every kind) in force at to' })
  regionalAgreements!: number;
  @ApiProperty({ description: 'industry agreements (every kind) in force at to' })
  industryAgreements!: number;
  @ApiProperty({ type: WorkSummaryCountsResponse }) counts!: WorkSummaryCountsResponse;
  @ApiProperty({ type: WorkSummaryTargetsResponse }) targets!: WorkSummaryTargetsResponse;
  @ApiProperty({ description: 'the paragraph of the work report, in Chinese' }) text!: string;
}
