import { ReportTable, titleLine } from './table';

/** UTF-8 byte order mark: without it Excel opens a UTF-8 CSV as GBK and garbles Chinese. */
const BOM = '\uFEFF';

/** RFC 4180 CSV, CRLF line ends, UTF-8 with BOM; a title row, then the header row. */
export function toCsv(table: ReportTable): Buffer {
  const lines = [
    [titleLine(table)],
    table.columns.map((column) => column.header),
    ...table.rows.map((row) => table.columns.map((column) => formatCell(row[column.key], column.format))),
  ];
  return Buffer.from(BOM + lines.map((cells) => cells.map(quote).join(',')).join('\r\n') + '\r\n', 'utf8');
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
