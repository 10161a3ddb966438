import ExcelJS from 'exceljs';
import { Writable } from 'node:stream';
import { ReportColumn, ReportTable, StreamedTable, titleLine } from './table';

/** One sheet: the title row (merged across the columns), the header row, the data (writeXlsx, in memory). */
export async function toXlsx(table: ReportTable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  await writeXlsx(out, { ...table, rows: oneChunk(table.rows) });
  return Buffer.concat(chunks);
}

async function* oneChunk(rows: ReportTable['rows']): AsyncGenerator<ReportTable['rows']> {
  yield rows;
}

/**
 * The sheet written into `out` as the rows come (exceljs's streaming writer):
 * each row is committed once added, so memory holds a chunk, not the workbook.
 */
export async function writeXlsx(out: Writable, table: StreamedTable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  workbook.creator = 'wagetrack';
  const sheet = workbook.addWorksheet(table.title.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  // Columns first: the streamed cells take their number format from their column as they are made.
  sheet.columns = table.columns.map((column) => {
    const numFmt = numFmtOf(column);
    return { width: columnWidth(column), ...(numFmt ? { style: { numFmt } } : {}) };
  });
  const title = sheet.addRow([titleLine(table)]);
  title.font = { bold: true, size: 12 };
  sheet.mergeCells(1, 1, 1, Math.max(table.columns.length, 1));
  title.commit();
  const header = sheet.addRow(table.columns.map((column) => column.header));
  header.font = { bold: true };
  header.commit();
  for await (const rows of table.rows) {
    if (out.destroyed) throw new Error('the download was closed before its end');
    for (const row of rows) sheet.addRow(table.columns.map((column) => row[column.key] ?? null)).commit();
  }
  sheet.commit();
  await workbook.commit();
}

function columnWidth(column: ReportColumn): number {
  return Math.max(10, column.header.length * 2 + 4);
}

function numFmtOf(column: ReportColumn): string | undefined {
  if (column.format === 'percent') return '0.0%';
  if (column.format === 'integer') return '0';
  return undefined;
}
