import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { MAX_PAGE_SIZE } from '../../common/http/page';
import { IsBusinessDate } from '../../common/validation/decorators';
import { SECTORS, type Sector } from '../../enterprises/domain/ownership';
import { AGREEMENT_KINDS, type AgreementKind } from '../../negotiations/workflow';
import { BASES, type Base, COVERAGE_STATUSES, type CoverageStatus, GROUP_BYS, type GroupBy } from '../rates';

/** Every report is of one unit's subtree (docs/contract.md, Federation hierarchy). */
export class OrgUnitQuery {
  @ApiProperty({
    required: false,
    type: 'integer',
    description:
      "the unit the report covers (its subtree); default the caller's unit (the whole deployment without one). A unit outside the caller's scope is 404 ORG_UNIT.NOT_FOUND",
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'orgUnitId（单位）须为整数' })
  @Min(1, { message: 'orgUnitId（单位）须为正整数' })
  orgUnitId?: number;
}

export class AsOfQuery extends OrgUnitQuery {
  @ApiProperty({ required: false, format: 'date', description: 'the date the report is for; default today' })
  @IsOptional()
  @IsBusinessDate()
  asOf?: string;
}

export class CoverageQueryDto extends AsOfQuery {
  @ApiProperty({ required: false, enum: AGREEMENT_KINDS, default: 'wage' })
  @IsOptional()
  @IsIn(AGREEMENT_KINDS, { message: `agreementKind must be one of ${AGREEMENT_KINDS.join(', ')}` })
  agreementKind: AgreementKind = 'wage';

  @ApiProperty({
    required: false,
    enum: BASES,
    default: 'unionised',
    description: '应签: unionised or all open enterprises',
  })
  @IsOptional()
  @IsIn(BASES, { message: `base must be one of ${BASES.join(', ')}` })
  base: Base = 'unionised';

  @ApiProperty({
    required: false,
    enum: COVERAGE_STATUSES,
    default: 'signed',
    description: 'in_force: count only agreements that had taken effect by asOf',
  })
  @IsOptional()
  @IsIn(COVERAGE_STATUSES, { message: `status must be one of ${COVERAGE_STATUSES.join(', ')}` })
  status: CoverageStatus = 'signed';
}

export class SigningRatesQuery extends CoverageQueryDto {
  @ApiProperty({ required: false, enum: GROUP_BYS, default: 'sector' })
  @IsOptional()
  @IsIn(GROUP_BYS, { message: `groupBy must be one of ${GROUP_BYS.join(', ')}` })
  groupBy: GroupBy = 'sector';
}

export class TargetGapsQuery extends CoverageQueryDto {
  @ApiProperty({ required: false, enum: SECTORS, default: 'non_public' })
  @IsOptional()
  @IsIn(SECTORS, { message: `sector must be one of ${SECTORS.join(', ')}` })
  sector: Sector = 'non_public';

  @ApiProperty({
    required: false,
    minimum: 1,
    default: 1,
    description: 'the page of the list (items); the downloads hold every item',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page（页码）须为 1 或以上的整数' })
  @Min(1, { message: 'page（页码）须为 1 或以上的整数' })
  page: number = 1;

  @ApiProperty({ required: false, minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `pageSize（每页条数）须为 1 至 ${MAX_PAGE_SIZE} 的整数` })
  @Min(1, { message: `pageSize（每页条数）须为 1 至 ${MAX_PAGE_SIZE} 的整数` })
  @Max(MAX_PAGE_SIZE, { message: `pageSize（每页条数）须为 1 至 ${MAX_PAGE_SIZE} 的整数` })
  pageSize: number = 50;
}

export class UnionFoundingQuery extends AsOfQuery {
  @ApiProperty({ required: false, enum: GROUP_BYS, default: 'sector' })
  @IsOptional()
  @IsIn(GROUP_BYS, { message: `groupBy must be one of ${GROUP_BYS.join(', ')}` })
  groupBy: GroupBy = 'sector';
}

export class AgreementsReportQuery extends AsOfQuery {
  @ApiProperty({ required: false, enum: AGREEMENT_KINDS, default: 'wage' })
  @IsOptional()
  @IsIn(AGREEMENT_KINDS, { message: `agreementKind must be one of ${AGREEMENT_KINDS.join(', ')}` })
  agreementKind: AgreementKind = 'wage';
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class TrendQuery extends SigningRatesQuery {
  @ApiProperty({
    required: false,
    example: '2026-01',
    description: 'first month (YYYY-MM); default 11 months before to',
  })
  @IsOptional()
  @Matches(MONTH, { message: 'from must be a month written YYYY-MM' })
  from?: string;

  @ApiProperty({
    required: false,
    example: '2026-12',
    description: 'last month (YYYY-MM); default this month. Months after the current one are left out',
  })
  @IsOptional()
  @Matches(MONTH, { message: 'to must be a month written YYYY-MM' })
  to?: string;
}

/** A period of business days, `from` to `to` inclusive (the statistics table, the work summary). */
export class PeriodQuery extends OrgUnitQuery {
  @ApiProperty({
    required: false,
    format: 'date',
    description: "first day of the period; default 1 January of to's year (so 30 June gives the half-year)",
  })
  @IsOptional()
  @IsBusinessDate()
  from?: string;

  @ApiProperty({ required: false, format: 'date', description: 'last day of the period; default today' })
  @IsOptional()
  @IsBusinessDate()
  to?: string;
}

export class StatisticsQuery extends PeriodQuery {
  @ApiProperty({
    required: false,
    enum: ['orgUnit'],
    description:
      "orgUnit: the table of each child unit of the report's unit too (units as rows in the .xlsx)",
  })
  @IsOptional()
  @IsIn(['orgUnit'], { message: 'groupBy（分组方式）只能是 orgUnit（按下级单位）' })
  groupBy?: 'orgUnit';
}
