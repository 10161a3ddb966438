import { cleanCode, cleanText, plainTextProblem } from '../common/text/plain-text';
import {
  LEVEL_LABELS_ZH,
  levelOfCode,
  normalizeCode,
  ORG_UNIT_LEVELS,
  type OrgUnitLevel,
} from '../org-units/domain/org-unit-code';
import type { ListColumn, ListedUnit } from '../org-units/domain/unit-list';
import { textOf } from './enterprise-columns';
import { type ImportRowError, rowError } from './import-result';
import type { CellValue, HeaderRule, SheetRow } from './spreadsheet';

/** A list of units' columns: the headers offices write (统计用区划代码 tables) and the API's names. */
export const UNIT_LIST_COLUMNS = [
  { field: 'code', zh: '区划代码', aliases: ['区划代码', '统计用区划代码', '代码', 'code'] },
  { field: 'name', zh: '名称', aliases: ['名称', '单位名称', '区划名称', 'name'] },
  { field: 'parentCode', zh: '上级区划代码', aliases: ['上级区划代码', '上级代码', 'parentCode'] },
  { field: 'level', zh: '层级', aliases: ['层级', '级别', 'level'] },
] as const satisfies readonly { field: ListColumn; zh: string; aliases: readonly string[] }[];

/** Which column of the file holds which field (by position); unknown headers are ignored. */
export function mapUnitListHeaders(headers: string[]): Map<ListColumn, number> {
  const mapping = new Map<ListColumn, number>();
  headers.forEach((header, index) => {
    const column = UNIT_LIST_COLUMNS.find((c) =>
      (c.aliases as readonly string[]).includes(header.replace(/\s+/g, '')),
    );
    if (column && !mapping.has(column.field)) mapping.set(column.field, index);
  });
  return mapping;
}

/** The header row of a list of units, for readSpreadsheet: the code, the name and the parent's code. */
export const UNIT_LIST_HEADER: HeaderRule = {
  matches: (cells: CellValue[]) => {
    const mapping = mapUnitListHeaders(cells.map((cell) => (cell === null ? '' : String(cell).trim())));
    return mapping.has('code') && mapping.has('name') && mapping.has('parentCode');
  },
  required: ['区划代码', '名称', '上级区划代码'],
  known: UNIT_LIST_COLUMNS.map((c) => c.zh),
};

/** What offices write in 层级 (and the API's level names). */
const LEVEL_WORDS: Record<string, OrgUnitLevel> = {
  ...Object.fromEntries(ORG_UNIT_LEVELS.map((level) => [level, level])),
  ...Object.fromEntries(ORG_UNIT_LEVELS.map((level) => [LEVEL_LABELS_ZH[level], level])),
  省级: 'province',
  自治区: 'province',
  直辖市: 'province',
  地级市: 'city',
  地级: 'city',
  市级: 'city',
  州: 'city',
  盟: 'city',
  县级: 'county',
  区: 'county',
  县级市: 'county',
  旗: 'county',
  乡: 'township',
  镇: 'township',
  街道: 'township',
  乡级: 'township',
  '乡镇（街道）': 'township',
  '乡镇(街道)': 'township',
  '乡镇/街道': 'township',
};

/** The header of a field's column as the file writes it (or its Chinese name when missing). */
export function unitListHeader(
  headers: string[],
  columns: Map<ListColumn, number>,
  field: ListColumn,
): string {
  return columns.has(field)
    ? headers[columns.get(field)!]
    : (UNIT_LIST_COLUMNS.find((c) => c.field === field)?.zh ?? field);
}

/**
 * One row read into a unit, or the errors of its cells (all of them, by column). `code` is
 * also given back for a row that is refused, so the rows under it can name it.
 */
export function readUnitRow(
  sheetRow: SheetRow,
  headers: string[],
  columns: Map<ListColumn, number>,
): { unit: ListedUnit } | { code: string | null; errors: ImportRowError[] } {
  const cell = (field: ListColumn): CellValue => {
    const position = columns.get(field);
    return position === undefined ? null : (sheetRow.cells[position] ?? null);
  };
  const errors: ImportRowError[] = [];
  const refuse = (field: ListColumn, value: unknown, en: string, zh: string) =>
    errors.push(rowError(sheetRow.row, unitListHeader(headers, columns, field), value, en, zh));

  const codeCell = cell('code');
  const codeText = codeCell === null ? '' : cleanCode(textOf(codeCell));
  const code = normalizeCode(codeText);
  if (code === null) {
    refuse(
      'code',
      codeText || null,
      'must be a statistical division code of 6, 9 or 12 digits',
      codeText ? '区划代码须为 6、9 或 12 位数字' : '区划代码不能为空',
    );
  }

  const nameCell = cell('name');
  const name = nameCell === null ? '' : cleanText(textOf(nameCell));
  const forbidden = name ? plainTextProblem(name) : null;
  if (!name) refuse('name', null, 'must not be empty', '名称不能为空');
  else if (forbidden) refuse('name', name, forbidden.en, forbidden.zh);
  else if (name.length > 100) refuse('name', name, 'must be at most 100 characters', '名称不能超过 100 个字');

  const parentCell = cell('parentCode');
  const parentText = parentCell === null ? '' : cleanCode(textOf(parentCell));
  const parentCode = parentText === '' ? null : normalizeCode(parentText);
  if (parentText !== '' && parentCode === null) {
    refuse(
      'parentCode',
      parentText,
      'must be empty (a root) or a code of 6, 9 or 12 digits',
      '上级区划代码须为 6、9 或 12 位数字；顶级单位留空',
    );
  }

  const levelCell = cell('level');
  const levelText = levelCell === null ? '' : cleanText(textOf(levelCell));
  let level: OrgUnitLevel | null = null;
  if (levelText !== '') {
    level = LEVEL_WORDS[levelText] ?? null;
    if (level === null) {
      refuse(
        'level',
        levelText,
        `must be one of ${ORG_UNIT_LEVELS.join(', ')} (or 省, 市, 县, 乡镇)`,
        `层级应为以下之一：${ORG_UNIT_LEVELS.map((l) => LEVEL_LABELS_ZH[l]).join('、')}（也可留空，按区划代码判断）`,
      );
    }
  } else if (code !== null) {
    level = levelOfCode(code);
    if (level === null) {
      refuse(
        'code',
        code,
        'the level cannot be told from this code: fill in 层级',
        '无法从区划代码判断层级（如村级代码）：请填写“层级”列',
      );
    }
  }

  if (errors.length > 0 || code === null || level === null) return { code, errors };
  return { unit: { row: sheetRow.row, code, name, level, parentCode } };
}
