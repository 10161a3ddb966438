/**
 * Chinese labels of the exported report tables (`.csv`/`.xlsx` "with Chinese headers and the
 * parameters in a title row"); kept out of the pure core (`rates/`), which knows codes and keys
 * only. The words the screens share (kinds, signing forms, industries, ownership) are the shared
 * package's. Typed as Records over the row keys, so a new column without a
 * header does not compile.
 */
import {
  OWNERSHIP_LABELS_ZH,
  SECTOR_LABELS_ZH,
  type OwnershipType,
  type Sector,
} from '../enterprises/domain/ownership';
import { industryLabelZh, SIGNING_FORM_LABELS_ZH } from '@wagetrack/shared';
import type { Scope } from '../negotiations/workflow/negotiation.types';
import {
  type Base,
  type CoverageStatus,
  type GroupBy,
  NO_INSTRUCTOR,
  type RateRow,
  type ScopeRow,
  type TrendPoint,
  type UnionFoundingRow,
} from './rates';

export const TOTAL_LABEL_ZH = '合计';
export const NO_INSTRUCTOR_LABEL_ZH = '未分配指导员';
/** groupBy=orgUnit: the row of enterprises sitting directly in the report's unit, in none of its children. */
export const DIRECT_UNIT_LABEL_ZH = '本级直属';
/** groupBy=orgUnit over the whole deployment of several roots: enterprises in no unit. */
export const NO_UNIT_LABEL_ZH = '未归属单位';
/** The title row of every export names the unit it covers: `单位: 金山县（990101000000）`. */
export const UNIT_PARAMETER_ZH = '单位';
/** The unit of a report of the whole deployment of several roots. */
export const ALL_UNITS_ZH = '全部单位';
/** The column (and, for target gaps, the title entry) naming where a target came from. */
export const TARGET_SOURCE_COLUMN_ZH = '目标来源';
/** 目标来源 of a target no unit set: the deployment's default (REPORT_TARGETS). */
export const DEFAULT_TARGET_SOURCE_ZH = '默认目标';

/** Labels of the fixed group keys; townships and industries are their own labels. */
export const GROUP_LABELS_ZH: {
  sector: Record<Sector, string>;
  ownershipType: Record<OwnershipType, string>;
} = {
  sector: SECTOR_LABELS_ZH,
  ownershipType: OWNERSHIP_LABELS_ZH,
};

/**
 * The label of a row's group: the Chinese name of a sector or ownership type, 合计 for the
 * total, 未分配指导员 for `none`; other keys as they are (the HTTP layer names instructors).
 */
export function groupLabelZh(groupBy: GroupBy, group: string): string {
  if (group === 'total') return TOTAL_LABEL_ZH;
  if (groupBy === 'sector') return SECTOR_LABELS_ZH[group as Sector] ?? group;
  if (groupBy === 'ownershipType') return OWNERSHIP_LABELS_ZH[group as OwnershipType] ?? group;
  if (groupBy === 'instructor' && group === NO_INSTRUCTOR) return NO_INSTRUCTOR_LABEL_ZH;
  if (groupBy === 'industry') return industryLabelZh(group);
  return group;
}

export function yesNoZh(value: boolean): string {
  return value ? '是' : '否';
}

/** For the title row of an export. */
export const GROUP_BY_LABELS_ZH: Record<GroupBy, string> = {
  sector: '所有制类别',
  ownershipType: '所有制类型',
  township: '乡镇(街道)',
  industry: '行业门类',
  instructor: '指导员',
  orgUnit: '下级单位',
};

export const BASE_LABELS_ZH: Record<Base, string> = {
  unionised: '已建会企业',
  all: '全部在营企业',
};

export const STATUS_LABELS_ZH: Record<CoverageStatus, string> = {
  signed: '已签订且未到期',
  in_force: '已生效',
};

export function scopeLabelZh(scope: Scope | 'total'): string {
  return scope === 'total' ? TOTAL_LABEL_ZH : SIGNING_FORM_LABELS_ZH[scope];
}

export const RATE_COLUMNS_ZH: Record<keyof RateRow, string> = {
  group: '分组',
  enterprises: '应签企业数',
  covered: '已签企业数',
  rate: '签订率',
  employees: '职工人数',
  employeesCovered: '覆盖职工数',
  employeeRate: '职工覆盖率',
  target: '目标',
  meetsTarget: '是否达标',
  shortBy: '差额(家)',
};

/** Keyed by the fields of docs/contract.md's target-gaps items. */
export const TARGET_GAP_COLUMNS_ZH = {
  enterpriseId: '企业编号',
  name: '企业名称',
  creditCode: '统一社会信用代码',
  ownershipType: '所有制类型',
  township: '乡镇(街道)',
  employeeCount: '职工人数',
  instructorId: '指导员',
  openNegotiation: '进行中的协商',
} as const;

export const UNION_FOUNDING_COLUMNS_ZH: Record<keyof UnionFoundingRow, string> = {
  group: '分组',
  enterprises: '企业数',
  unionised: '已建会企业数',
  rate: '建会率',
};

export const AGREEMENT_SCOPE_COLUMNS_ZH: Record<keyof ScopeRow, string> = {
  scope: '签订形式',
  agreements: '合同份数',
  enterprisesCovered: '覆盖企业数',
  employeesCovered: '覆盖职工数',
  avgWageIncreasePct: '平均工资增幅(%)',
};

export const TREND_COLUMNS_ZH: Record<keyof TrendPoint | 'group', string> = {
  group: '分组',
  month: '月份',
  asOf: '统计日期',
  partial: '本月截至今日',
  rate: '签订率',
  covered: '已签企业数',
  enterprises: '应签企业数',
};
