import ExcelJS from 'exceljs';
import type { ImportRowError } from './import-result';
import type { SheetRow } from './spreadsheet';

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
    worksheet.addRow([
      ...sheet.headers.map((_header, i) => row.cells[i] ?? null),
      byRow.get(row.row)!.join('；'),
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
