import { ApiProperty } from '@nestjs/swagger';
import { ORG_UNIT_LEVELS, type OrgUnitLevel } from '../domain/org-unit-code';

/** A unit on another unit's path: enough for breadcrumbs. */
export class OrgUnitPathEntry {
  @ApiProperty() id!: number;
  @ApiProperty({ example: '510104000000' }) code!: string;
  @ApiProperty({ example: '锦江区' }) name!: string;
  @ApiProperty({ enum: ORG_UNIT_LEVELS }) level!: OrgUnitLevel;
}

/** An organisation unit (docs/contract.md, Federation hierarchy). */
export class OrgUnitResponse {
  @ApiProperty() id!: number;
  @ApiProperty({ example: '510104000000', description: '统计用区划代码, 12 digits; never changes' })
  code!: string;
  @ApiProperty({ example: '锦江区' }) name!: string;
  @ApiProperty({ enum: ORG_UNIT_LEVELS }) level!: OrgUnitLevel;
  @ApiProperty({ nullable: true, type: Number, description: 'null: a root unit' }) parentId!: number | null;
  @ApiProperty({
    type: [OrgUnitPathEntry],
    description:
      'the units from the root down to this one, itself last; ancestors outside the caller’s scope appear here only',
  })
  path!: OrgUnitPathEntry[];
}

export class OrgUnitPage {
  @ApiProperty({ type: [OrgUnitResponse] }) items!: OrgUnitResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

const FRACTION = { type: Number, minimum: 0, maximum: 1, required: false } as const;

/** Targets a unit sets itself, as fractions 0–1; a sector left out is inherited. */
export class OwnTargetsResponse {
  @ApiProperty({ ...FRACTION, description: '国有及国有控股企业' }) state?: number;
  @ApiProperty({ ...FRACTION, description: '非公企业' }) nonPublic?: number;
  @ApiProperty({ ...FRACTION, description: '集体企业' }) collective?: number;
  @ApiProperty({ ...FRACTION, description: '其他' }) other?: number;
}

/** The targets that apply: own, else the nearest ancestor's, else the deployment's (REPORT_TARGETS). */
export class EffectiveTargetsResponse {
  @ApiProperty({ ...FRACTION, description: 'present unless REPORT_TARGETS leaves the sector out' })
  state?: number;
  @ApiProperty({ ...FRACTION, description: 'present unless REPORT_TARGETS leaves the sector out' })
  nonPublic?: number;
  @ApiProperty(FRACTION) collective?: number;
  @ApiProperty(FRACTION) other?: number;
}

export class UnitRef {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
}

/** Per sector with an effective target: the unit that set it; null = the deployment's default. */
export class TargetSourcesResponse {
  @ApiProperty({ type: UnitRef, nullable: true, required: false }) state?: UnitRef | null;
  @ApiProperty({ type: UnitRef, nullable: true, required: false }) nonPublic?: UnitRef | null;
  @ApiProperty({ type: UnitRef, nullable: true, required: false }) collective?: UnitRef | null;
  @ApiProperty({ type: UnitRef, nullable: true, required: false }) other?: UnitRef | null;
}

export class OrgUnitTargetsResponse {
  @ApiProperty({ type: OwnTargetsResponse }) own!: OwnTargetsResponse;
  @ApiProperty({ type: EffectiveTargetsResponse }) effective!: EffectiveTargetsResponse;
  @ApiProperty({
    type: UnitRef,
    nullable: true,
    description: 'the nearest ancestor whose own target the unit inherits (for any sector); null when none',
  })
  inheritedFrom!: UnitRef | null;
  @ApiProperty({ type: TargetSourcesResponse }) sources!: TargetSourcesResponse;
}
