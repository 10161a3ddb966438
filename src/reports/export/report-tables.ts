import { AGREEMENT_KIND_LABELS_ZH } from '@wagetrack/shared';
import {
  OWNERSHIP_LABELS_ZH,
  type OwnershipType,
  SECTOR_LABELS_ZH,
} from '../../enterprises/domain/ownership';
import { STAGE_LABELS_ZH } from '../../negotiations/labels-zh';
import type { AgreementKind, Stage } from '../../negotiations/workflow';
import {
  AGREEMENT_SCOPE_COLUMNS_ZH,
  ALL_UNITS_ZH,
  BASE_LABELS_ZH,
  DEFAULT_TARGET_SOURCE_ZH,
  GROUP_BY_LABELS_ZH,
  groupLabelZh,
  RATE_COLUMNS_ZH,
  scopeLabelZh,
  STATUS_LABELS_ZH,
  TARGET_GAP_COLUMNS_ZH,
  TARGET_SOURCE_COLUMN_ZH,
  TOTAL_LABEL_ZH,
  UNION_FOUNDING_COLUMNS_ZH,
  UNIT_PARAMETER_ZH,
  yesNoZh,
} from '../labels-zh';
import type { GroupBy, TargetGapItem } from '../rates';
import type {
  AgreementsResult,
  ReportRateRow,
  ReportUnionRow,
  ReportUnit,
  SigningRatesResult,
  TargetSource,
  TargetGapsDownload,
  TrendResult,
  UnionFoundingResult,
} from '../reports.service';
import type { ReportColumn, ReportTable, StreamedTable } from '../../common/tables/table';

/** Names for the `instructor` grouping: user id → display name. */
export type InstructorNames = ReadonlyMap<number, string>;

function groupLabel(groupBy: GroupBy, group: string, names: InstructorNames): string {
  if (groupBy === 'instructor' && /^\d+$/.test(group)) return names.get(Number(group)) ?? `#${group}`;
  return groupLabelZh(groupBy, group);
}

/** The title row's 单位 entry: the unit the report covers, with its code. */
function unitParameter(unit: ReportUnit | null): [string, string] {
  return [UNIT_PARAMETER_ZH, unit ? `${unit.name}（${unit.code}）` : ALL_UNITS_ZH];
}

/** A row's group as people read it: a child unit's name (groupBy=orgUnit), else the group's label. */
function rowLabel(
  groupBy: GroupBy,
  row: { group: string; groupName?: string },
  names: InstructorNames,
): string {
  if (row.group === 'total') return groupLabelZh(groupBy, row.group);
  return row.groupName ?? groupLabel(groupBy, row.group, names);
}

/** 目标来源: the unit that set a row's target; 默认目标 for the deployment default. */
function targetSourceLabel(source: TargetSource | undefined): string | null {
  if (source === undefined) return null;
  return source === null ? DEFAULT_TARGET_SOURCE_ZH : source.name;
}

const kind = (agreementKind: string) =>
  AGREEMENT_KIND_LABELS_ZH[agreementKind as AgreementKind] ?? agreementKind;

export function signingRatesTable(result: SigningRatesResult, names: InstructorNames): ReportTable {
  const withTargets = result.rows.some((row) => row.target !== undefined);
  const columns: ReportColumn[] = [
    { key: 'group', header: RATE_COLUMNS_ZH.group },
    { key: 'enterprises', header: RATE_COLUMNS_ZH.enterprises, format: 'integer' },
    { key: 'covered', header: RATE_COLUMNS_ZH.covered, format: 'integer' },
    { key: 'rate', header: RATE_COLUMNS_ZH.rate, format: 'percent' },
    { key: 'employees', header: RATE_COLUMNS_ZH.employees, format: 'integer' },
    { key: 'employeesCovered', header: RATE_COLUMNS_ZH.employeesCovered, format: 'integer' },
    { key: 'employeeRate', header: RATE_COLUMNS_ZH.employeeRate, format: 'percent' },
    ...(withTargets
      ? ([
          { key: 'target', header: RATE_COLUMNS_ZH.target, format: 'percent' },
          { key: 'meetsTarget', header: RATE_COLUMNS_ZH.meetsTarget },
          { key: 'shortBy', header: RATE_COLUMNS_ZH.shortBy, format: 'integer' },
          { key: 'targetSource', header: TARGET_SOURCE_COLUMN_ZH },
        ] as ReportColumn[])
      : []),
  ];
  const rows = [...result.rows, result.total].map((row: ReportRateRow) => ({
    group: rowLabel(result.groupBy, row, names),
    enterprises: row.enterprises,
    covered: row.covered,
    rate: row.rate,
    employees: row.employees,
    employeesCovered: row.employeesCovered,
    employeeRate: row.employeeRate,
    target: row.target ?? null,
    meetsTarget: row.meetsTarget === undefined ? null : yesNoZh(row.meetsTarget),
    shortBy: row.shortBy ?? null,
    targetSource: targetSourceLabel(row.targetSource),
  }));
  return {
    title: '集体合同签订率',
    parameters: [
      unitParameter(result.orgUnit),
      ['截至日期', result.asOf],
      ['合同类型', kind(result.agreementKind)],
      ['统计范围', BASE_LABELS_ZH[result.base as keyof typeof BASE_LABELS_ZH]],
      ['计入合同', STATUS_LABELS_ZH[result.status as keyof typeof STATUS_LABELS_ZH]],
      ['分组', GROUP_BY_LABELS_ZH[result.groupBy]],
    ],
    columns,
    rows,
  };
}

/** The gap list as a table: the answer's parameters in the title row, every item as it comes. */
export function targetGapsTable(download: TargetGapsDownload, names: InstructorNames): StreamedTable {
  const { result } = download;
  const columns: ReportColumn[] = (
    Object.keys(TARGET_GAP_COLUMNS_ZH) as (keyof typeof TARGET_GAP_COLUMNS_ZH)[]
  ).map((key) => ({
    key,
    header: TARGET_GAP_COLUMNS_ZH[key],
    ...(key === 'employeeCount' ? { format: 'integer' as const } : {}),
  }));
  return {
    title: '未签企业名单',
    parameters: [
      unitParameter(result.orgUnit),
      ['截至日期', result.asOf],
      ['所有制类别', SECTOR_LABELS_ZH[result.sector]],
      ['合同类型', kind(result.agreementKind)],
      ['统计范围', BASE_LABELS_ZH[result.base as keyof typeof BASE_LABELS_ZH]],
      ['计入合同', STATUS_LABELS_ZH[result.status as keyof typeof STATUS_LABELS_ZH]],
      ['目标', result.target === null ? '无' : `${(result.target * 100).toFixed(0)}%`],
      [
        TARGET_SOURCE_COLUMN_ZH,
        result.target === null ? '无' : (targetSourceLabel(result.targetSource) ?? '无'),
      ],
      ['差额(家)', String(result.shortBy)],
    ],
    columns,
    rows: (async function* () {
      for await (const items of download.items) yield items.map((item) => targetGapRow(item, names));
    })(),
  };
}

function targetGapRow(item: TargetGapItem, names: InstructorNames): ReportTable['rows'][number] {
  return {
    ...item,
    ownershipType: OWNERSHIP_LABELS_ZH[item.ownershipType as OwnershipType] ?? item.ownershipType,
    instructorId:
      item.instructorId === null ? null : (names.get(item.instructorId) ?? `#${item.instructorId}`),
    openNegotiation: item.openNegotiation
      ? `#${item.openNegotiation.id} ${STAGE_LABELS_ZH[item.openNegotiation.stage as Stage] ?? item.openNegotiation.stage}`
      : null,
  };
}

export function unionFoundingTable(result: UnionFoundingResult, names: InstructorNames): ReportTable {
  return {
    title: '建会率',
    parameters: [
      unitParameter(result.orgUnit),
      ['截至日期', result.asOf],
      ['分组', GROUP_BY_LABELS_ZH[result.groupBy]],
    ],
    columns: [
      { key: 'group', header: UNION_FOUNDING_COLUMNS_ZH.group },
      { key: 'enterprises', header: UNION_FOUNDING_COLUMNS_ZH.enterprises, format: 'integer' },
      { key: 'unionised', header: UNION_FOUNDING_COLUMNS_ZH.unionised, format: 'integer' },
      { key: 'rate', header: UNION_FOUNDING_COLUMNS_ZH.rate, format: 'percent' },
    ],
    rows: [...result.rows, result.total].map((row: ReportUnionRow) => ({
      group: rowLabel(result.groupBy, row, names),
      enterprises: row.enterprises,
      unionised: row.unionised,
      rate: row.rate,
    })),
  };
}

export function agreementsTable(result: AgreementsResult): ReportTable {
  return {
    title: '集体合同签订情况',
    parameters: [
      unitParameter(result.orgUnit),
      ['截至日期', result.asOf],
      ['合同类型', kind(result.agreementKind)],
    ],
    columns: [
      { key: 'scope', header: AGREEMENT_SCOPE_COLUMNS_ZH.scope },
      { key: 'agreements', header: AGREEMENT_SCOPE_COLUMNS_ZH.agreements, format: 'integer' },
      { key: 'enterprisesCovered', header: AGREEMENT_SCOPE_COLUMNS_ZH.enterprisesCovered, format: 'integer' },
      { key: 'employeesCovered', header: AGREEMENT_SCOPE_COLUMNS_ZH.employeesCovered, format: 'integer' },
      { key: 'avgWageIncreasePct', header: AGREEMENT_SCOPE_COLUMNS_ZH.avgWageIncreasePct },
    ],
    rows: [...result.rows, result.total].map((row) => ({ ...row, scope: scopeLabelZh(row.scope) })),
  };
}

/**
 * The trend as a wide table: one row per group, one column per month; the current month's
 * column says the day it is measured on (`2026-12（截至2026-12-03）`).
 */
export function trendTable(result: TrendResult, names: InstructorNames): ReportTable {
  const columns: ReportColumn[] = [
    { key: 'group', header: '分组' },
    ...result.total.map(({ month, asOf, partial }) => ({
      key: month,
      header: partial ? `${month}（截至${asOf}）` : month,
      format: 'percent' as const,
    })),
  ];
  const row = (group: string, points: { month: string; rate: number | null }[]) =>
    Object.fromEntries([['group', group], ...points.map((p) => [p.month, p.rate])]) as Record<
      string,
      string | number | null
    >;
  return {
    title: '签订率月度趋势',
    parameters: [
      unitParameter(result.orgUnit),
      ['起止月份', `${result.from} 至 ${result.to}`],
      ['合同类型', kind(result.agreementKind)],
      ['统计范围', BASE_LABELS_ZH[result.base as keyof typeof BASE_LABELS_ZH]],
      ['计入合同', STATUS_LABELS_ZH[result.status as keyof typeof STATUS_LABELS_ZH]],
      ['分组', GROUP_BY_LABELS_ZH[result.groupBy]],
    ],
    columns,
    rows: [
      ...result.series.map((series) => row(rowLabel(result.groupBy, series, names), series.points)),
      row(TOTAL_LABEL_ZH, result.total),
    ],
  };
}
