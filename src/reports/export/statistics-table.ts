/**
 * The statistics table (集体合同签订情况统计表) as offices lay it out: units as row blocks (one
 * row per signing form, 单独签订 / 区域性 / 行业性, and the unit's 小计), the agreement kinds
 * as column groups under a merged header (合计, then each kind) with the same five figures
 * under each. `.xlsx` with the two header rows merged; `.csv` with the two headers joined.
 */
import ExcelJS from 'exceljs';
import { AGREEMENT_KIND_LABELS_ZH, SIGNING_FORM_LABELS_ZH } from '@wagetrack/shared';
import type { ReportTable } from '../../common/tables/table';
import { AGREEMENT_KINDS, SCOPES } from '../../negotiations/workflow/negotiation.types';
import {
  type StatisticsKind,
  type StatisticsLevel,
  type StatisticsReport,
  type StatisticsRow,
  TOTAL_GROUP,
} from '../rates';
import { TOTAL_LABEL_ZH, UNIT_PARAMETER_ZH } from '../labels-zh';
import type { StatisticsResult } from '../reports.service';

export const STATISTICS_TITLE_ZH = '集体合同签订情况统计表';

/** The five figures under each kind, in column order. */
const FIGURES: { key: keyof Omit<StatisticsRow, 'agreementKind' | 'level'>; header: string }[] = [
  { key: 'agreements', header: '有效合同（份）' },
  { key: 'signedInPeriod', header: '本期签订（份）' },
  { key: 'enterprisesCovered', header: '覆盖企业（家）' },
  { key: 'employeesCovered', header: '覆盖职工（人）' },
  { key: 'nonPublicEnterprisesCovered', header: '其中非公企业（家）' },
];

const KIND_GROUPS: StatisticsKind[] = [TOTAL_GROUP, ...AGREEMENT_KINDS];
const LEVEL_ROWS: StatisticsLevel[] = [...SCOPES, TOTAL_GROUP];

function kindLabel(kind: StatisticsKind): string {
  return kind === TOTAL_GROUP ? '合计' : AGREEMENT_KIND_LABELS_ZH[kind];
}

function levelLabel(level: StatisticsLevel): string {
  return level === TOTAL_GROUP ? '小计' : SIGNING_FORM_LABELS_ZH[level];
}

/** The row of a table for a kind (or all) and a level (or all). */
function rowOf(table: StatisticsReport, kind: StatisticsKind, level: StatisticsLevel): StatisticsRow {
  if (kind === TOTAL_GROUP && level === TOTAL_GROUP) return table.total;
  const rows =
    kind === TOTAL_GROUP ? table.levelTotals : level === TOTAL_GROUP ? table.kindTotals : table.rows;
  return rows.find((row) => row.agreementKind === kind && row.level === level) as StatisticsRow;
}

/** The unit blocks, top to bottom: each child unit when grouped, then the asked unit's own table. */
function blocks(result: StatisticsResult): { name: string; table: StatisticsReport }[] {
  const unitName = result.orgUnit?.name ?? '全部单位';
  const children = (result.units ?? []).map((unit) => ({ name: unit.groupName, table: unit }));
  const own = { name: children.length > 0 ? `${TOTAL_LABEL_ZH}（${unitName}）` : unitName, table: result };
  return [...children, own];
}

function parameterLine(result: StatisticsResult): string {
  const unit = result.orgUnit ? `${result.orgUnit.name}（${result.orgUnit.code}）` : '全部单位';
  return `${UNIT_PARAMETER_ZH}：${unit}    统计期间：${result.from} 至 ${result.to}    有效合同、覆盖企业为截至 ${result.to} 的情况`;
}

/** The `.xlsx`: title, parameters, two merged header rows, a block of four rows per unit. */
export async function statisticsXlsx(result: StatisticsResult): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'wagetrack';
  const sheet = workbook.addWorksheet('签订情况统计表', {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 4 }],
  });
  const width = 2 + KIND_GROUPS.length * FIGURES.length;
  const centred: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };
  const border: Partial<ExcelJS.Borders> = {
    top: { style: 'thin' },
    left: { style: 'thin' },
    bottom: { style: 'thin' },
    right: { style: 'thin' },
  };

  sheet.mergeCells(1, 1, 1, width);
  Object.assign(sheet.getCell(1, 1), { value: STATISTICS_TITLE_ZH, alignment: centred });
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.mergeCells(2, 1, 2, width);
  sheet.getCell(2, 1).value = parameterLine(result);

  sheet.mergeCells(3, 1, 4, 1);
  sheet.getCell(3, 1).value = '单位';
  sheet.mergeCells(3, 2, 4, 2);
  sheet.getCell(3, 2).value = '签订形式';
  KIND_GROUPS.forEach((kind, group) => {
    const first = 3 + group * FIGURES.length;
    sheet.mergeCells(3, first, 3, first + FIGURES.length - 1);
    sheet.getCell(3, first).value = kindLabel(kind);
    FIGURES.forEach((figure, offset) => (sheet.getCell(4, first + offset).value = figure.header));
  });
  for (const row of [3, 4]) {
    for (let column = 1; column <= width; column++) {
      const cell = sheet.getCell(row, column);
      cell.font = { bold: true };
      cell.alignment = centred;
      cell.border = border;
    }
  }

  let row = 5;
  for (const block of blocks(result)) {
    sheet.mergeCells(row, 1, row + LEVEL_ROWS.length - 1, 1);
    sheet.getCell(row, 1).value = block.name;
    for (const level of LEVEL_ROWS) {
      sheet.getCell(row, 2).value = levelLabel(level);
      KIND_GROUPS.forEach((kind, group) => {
        const figures = rowOf(block.table, kind, level);
        FIGURES.forEach((figure, offset) => {
          const cell = sheet.getCell(row, 3 + group * FIGURES.length + offset);
          cell.value = figures[figure.key];
          cell.numFmt = '0';
        });
      });
      for (let column = 1; column <= width; column++) {
        const cell = sheet.getCell(row, column);
        cell.border = border;
        if (column <= 2) cell.alignment = centred;
        if (level === TOTAL_GROUP) cell.font = { bold: true };
      }
      row++;
    }
  }
  sheet.getColumn(1).width = 18;
  sheet.getColumn(2).width = 10;
  for (let column = 3; column <= width; column++) sheet.getColumn(column).width = 11;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The `.csv`: one header row joining the two (合计·有效合同（份）), then the same rows. */
export function statisticsTable(result: StatisticsResult): ReportTable {
  const columns: ReportTable['columns'] = [
    { key: 'unit', header: '单位' },
    { key: 'level', header: '签订形式' },
  ];
  for (const kind of KIND_GROUPS) {
    for (const figure of FIGURES) {
      columns.push({
        key: `${kind}.${figure.key}`,
        header: `${kindLabel(kind)}·${figure.header}`,
        format: 'integer',
      });
    }
  }
  const rows: ReportTable['rows'] = [];
  for (const block of blocks(result)) {
    for (const level of LEVEL_ROWS) {
      const row: ReportTable['rows'][number] = { unit: block.name, level: levelLabel(level) };
      for (const kind of KIND_GROUPS) {
        const figures = rowOf(block.table, kind, level);
        for (const figure of FIGURES) row[`${kind}.${figure.key}`] = figures[figure.key];
      }
      rows.push(row);
    }
  }
  return {
    title: STATISTICS_TITLE_ZH,
    parameters: [
      [UNIT_PARAMETER_ZH, result.orgUnit ? `${result.orgUnit.name}（${result.orgUnit.code}）` : '全部单位'],
      ['统计期间', `${result.from} 至 ${result.to}`],
    ],
    columns,
    rows,
  };
}
