import ExcelJS from 'exceljs';
import { ReportTable, titleLine } from './table';

/** One sheet: the title row (merged across the columns), the header row, the data. */
export async function toXlsx(table: ReportTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'wagetrack';
  const sheet = workbook.addWorksheet(table.title.slice(0, 31));
  const width = Math.max(table.columns.length, 1);

  sheet.addRow([titleLine(table)]);
  sheet.mergeCells(1, 1, 1, width);
  sheet.getRow(1).font = { bold: true, size: 12 };

  const header = sheet.addRow(table.columns.map((column) => column.header));
  header.font = { bold: true };
  for (const row of table.rows) sheet.addRow(table.columns.map((column) => row[column.key] ?? null));

  table.columns.forEach((column, index) => {
    const sheetColumn = sheet.getColumn(index + 1);
    sheetColumn.width = Math.max(10, column.header.length * 2 + 4);
    if (column.format === 'percent') sheetColumn.numFmt = '0.0%';
    if (column.format === 'integer') sheetColumn.numFmt = '0';
  });
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
