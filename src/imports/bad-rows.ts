import ExcelJS from 'exceljs';
import type { ImportRowError } from './import-result';
import type { SheetRow } from './spreadsheet';

const DATE_FORMAT = 'yyyy-mm-dd';

/** The rows that were refused, as they were, with a column saying why: fix them, import again. */
export async function badRowsWorkbook(
  sheet: { headers: string[]; rows: SheetRow[] },
  errors: ImportRowError[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet('错误行');
  worksheet.addRow([...sheet.headers, '错误说明']).font = { bold: true };
  const byRow = new Map<number, string[]>();
  for (const error of errors) {
    byRow.set(error.row, [...(byRow.get(error.row) ?? []), `${error.column}：${error.messageZh}`]);
  }
  for (const row of sheet.rows.filter((r) => byRow.has(r.row))) {
    const added = worksheet.addRow([
      ...sheet.headers.map((_header, i) => row.cells[i] ?? null),
      byRow.get(row.row)!.join('；'),
    ]);
    // A date cell stays a date cell, shown as the roster writes dates (exceljs would pick mm-dd-yy);
    // a date typed as text is written back as the same text.
    row.cells.forEach((cell, i) => {
      if (cell instanceof Date) added.getCell(i + 1).numFmt = DATE_FORMAT;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
