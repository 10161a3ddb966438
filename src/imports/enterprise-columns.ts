import { OWNERSHIP_LABELS_ZH, OWNERSHIP_TYPES, type OwnershipType } from '../enterprises/domain/ownership';
import { cleanCode } from '../common/text/plain-text';
import type { CellValue, HeaderRule } from './spreadsheet';

/** The roster's columns: Chinese headers as county offices write them, and the API's field names. */
export const ENTERPRISE_COLUMNS = [
  { field: 'name', zh: '企业名称', aliases: ['企业名称', '单位名称', 'name'] },
  { field: 'creditCode', zh: '统一社会信用代码', aliases: ['统一社会信用代码', '信用代码', 'creditCode'] },
  { field: 'ownershipType', zh: '所有制类型', aliases: ['所有制类型', '所有制', 'ownershipType'] },
  {
    field: 'township',
    zh: '乡镇/街道',
    aliases: ['乡镇/街道', '乡镇(街道)', '乡镇（街道）', '乡镇', '街道', 'township'],
  },
  /** The township unit's statistical division code: wins over the township's name when both are given. */
  { field: 'orgUnitCode', zh: '区划代码', aliases: ['区划代码', '统计用区划代码', 'orgUnitCode'] },
  { field: 'community', zh: '村/社区', aliases: ['村/社区', '村(社区)', '社区', 'community'] },
  { field: 'industry', zh: '行业门类', aliases: ['行业门类', '行业', 'industry'] },
  { field: 'employeeCount', zh: '职工人数', aliases: ['职工人数', '职工数', 'employeeCount'] },
  { field: 'unionFoundedOn', zh: '建会日期', aliases: ['建会日期', 'unionFoundedOn'] },
  {
    field: 'instructor',
    zh: '指导员账号',
    aliases: ['指导员账号', '指导员', 'instructor', 'instructorUsername'],
  },
  { field: 'registeredOn', zh: '成立日期', aliases: ['成立日期', 'registeredOn'] },
  { field: 'closedOn', zh: '注销日期', aliases: ['注销日期', 'closedOn'] },
  // Last, after the columns of the first rosters, so that those keep their places in an export.
  {
    field: 'memberCount',
    zh: '会员人数',
    aliases: ['会员人数', '会员数', '工会会员人数', 'memberCount'],
  },
  {
    field: 'workersCongressOn',
    zh: '职代会建立日期',
    aliases: ['职代会建立日期', '职代会建立时间', '建立职代会日期', 'workersCongressOn'],
  },
] as const;

export type EnterpriseColumn = (typeof ENTERPRISE_COLUMNS)[number]['field'];

export const DATE_FIELDS: readonly EnterpriseColumn[] = [
  'unionFoundedOn',
  'registeredOn',
  'closedOn',
  'workersCongressOn',
];

/** The whole-number columns: a number cell, or digits typed as text. */
export const COUNT_FIELDS: readonly EnterpriseColumn[] = ['employeeCount', 'memberCount'];

/** Which column of the file holds which field (by position); unknown headers are ignored. */
export function mapHeaders(headers: string[]): Map<EnterpriseColumn, number> {
  const mapping = new Map<EnterpriseColumn, number>();
  headers.forEach((header, index) => {
    const column = ENTERPRISE_COLUMNS.find((c) =>
      (c.aliases as readonly string[]).includes(header.replace(/\s+/g, '')),
    );
    if (column && !mapping.has(column.field)) mapping.set(column.field, index);
  });
  return mapping;
}

/** A header row names at least the key (the credit code) and the enterprise's name. */
export function isEnterpriseHeader(cells: CellValue[]): boolean {
  const mapping = mapHeaders(cells.map((cell) => (cell === null ? '' : String(cell).trim())));
  return mapping.has('creditCode') && mapping.has('name');
}

/** The roster's header row, for readSpreadsheet. */
export const ROSTER_HEADER: HeaderRule = {
  matches: isEnterpriseHeader,
  required: ['企业名称', '统一社会信用代码'],
  known: ENTERPRISE_COLUMNS.map((c) => c.zh),
};

const OWNERSHIP_SYNONYMS: Record<string, OwnershipType> = {
  国有独资公司: 'state_owned',
  国有: 'state_owned',
  国有控股: 'state_controlled',
  集体: 'collective',
  集体控股企业: 'collective',
  私营: 'private',
  民营企业: 'private',
  个体工商户: 'private',
  港澳台: 'hk_macao_taiwan',
  港澳台投资企业: 'hk_macao_taiwan',
  外资企业: 'foreign',
  外商独资企业: 'foreign',
  中外合资企业: 'foreign',
};

/** A code, its Chinese label (docs/domain.md, Ownership) or a common synonym; anything else as given. */
export function ownershipTypeOf(value: string): string {
  if ((OWNERSHIP_TYPES as readonly string[]).includes(value)) return value;
  const byLabel = (Object.entries(OWNERSHIP_LABELS_ZH) as [OwnershipType, string][]).find(
    ([, label]) => label === value,
  );
  return byLabel?.[0] ?? OWNERSHIP_SYNONYMS[value] ?? value;
}

/**
 * `YYYY-MM-DD`, `YYYY/M/D`, `YYYY.M.D`, `YYYY年M月D日` (full-width digits too) or a date cell;
 * anything else as given (and then refused).
 */
export function dateOf(value: CellValue): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 10); // exceljs reads date cells as UTC midnight
  const text = cleanCode(String(value));
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (!match) return text;
  return `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
}

export function textOf(value: CellValue): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

/** A code, letter or username as typed on a Chinese keyboard: full-width to half-width, invisible characters removed. */
export function codeTextOf(value: CellValue): string {
  return cleanCode(textOf(value));
}

/** A number cell, or digits in a text cell (full-width `３０` and `１，２００` too); anything else as given (and then refused). */
export function countOf(value: CellValue): unknown {
  if (typeof value === 'number') return value;
  const text = cleanCode(String(value)).replace(/,/g, '');
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}
