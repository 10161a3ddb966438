import type { ReportColumn, ReportTable, StreamedTable } from './table';
import { titleLine } from './table';

/** UTF-8 byte order mark: without it Excel opens a UTF-8 CSV as GBK and garbles Chinese. */
const BOM = '\uFEFF';

/** RFC 4180 CSV, CRLF line ends, UTF-8 with BOM; a title row, then the header row. */
export function toCsv(table: ReportTable): Buffer {
  return Buffer.from(csvHead(table) + csvLines(table.columns, table.rows), 'utf8');
}

/** The same CSV as toCsv, a chunk of rows at a time (UTF-8 buffers, to pipe into a response). */
export async function* csvChunks(table: StreamedTable): AsyncGenerator<Buffer> {
  yield Buffer.from(csvHead(table), 'utf8');
  for await (const rows of table.rows) yield Buffer.from(csvLines(table.columns, rows), 'utf8');
}

/** The BOM, the title row and the header row. */
function csvHead(table: Omit<ReportTable, 'rows'>): string {
  return BOM + csvLine([titleLine(table)]) + csvLine(table.columns.map((column) => column.header));
}

function csvLines(columns: readonly ReportColumn[], rows: ReportTable['rows']): string {
  return rows
    .map((row) => csvLine(columns.map((column) => formatCell(row[column.key], column.format))))
    .join('');
}

function csvLine(cells: readonly string[]): string {
  return cells.map(quote).join(',') + '\r\n';
}

function formatCell(value: string | number | null | undefined, format?: 'percent' | 'integer'): string {
  if (value === null || value === undefined) return '';
  if (format === 'percent' && typeof value === 'number') return `${(value * 100).toFixed(1)}%`;
  return String(value);
}

function quote(cell: string): string {
  // A leading = + - @ would make Excel evaluate the cell as a formula (CSV injection).
  const safe = /^[=+\-@]/.test(cell) && !/^-?\d/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
