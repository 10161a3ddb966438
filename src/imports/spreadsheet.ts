import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { AppError } from '../common/errors/app-error';

export type CellValue = string | number | boolean | Date | null;

export interface SheetRow {
  /** 1-based row number in the file, as a spreadsheet program shows it. */
  row: number;
  cells: CellValue[];
}

export interface Sheet {
  headerRow: number;
  headers: string[];
  /** The data rows after the header, read as they are used (a large workbook is never all in memory). */
  rows: AsyncIterable<SheetRow>;
}

export class UnreadableFileError extends AppError {
  constructor(message: string) {
    super(422, 'IMPORT.UNREADABLE_FILE', message, [{ field: 'file', message }]);
  }
}

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]); // a zip container
const HEADER_SEARCH_ROWS = 10;

/**
 * Reads the first sheet of an .xlsx file, or a .csv file in UTF-8 (with or without BOM) or
 * GBK (what Excel writes on Chinese Windows). `findHeader` says which of the first rows is
 * the header (a title row above it is allowed); blank rows are skipped.
 */
export async function readSpreadsheet(
  content: Buffer,
  filename: string,
  findHeader: (cells: CellValue[]) => boolean,
): Promise<Sheet> {
  if (content.length === 0) throw new UnreadableFileError('the file is empty');
  const isXlsx = content.subarray(0, 4).equals(XLSX_MAGIC);
  if (/\.xlsx$/i.test(filename) && !isXlsx)
    throw new UnreadableFileError(`${filename} is not an .xlsx workbook`);
  const iterator = (isXlsx ? xlsxRows(content) : csvRows(content, filename))[Symbol.asyncIterator]();
  const before: SheetRow[] = [];
  let header: SheetRow | undefined;
  while (!header && before.length < HEADER_SEARCH_ROWS) {
    const next = await iterator.next();
    if (next.done) break;
    if (findHeader(next.value.cells)) header = next.value;
    else before.push(next.value);
  }
  if (!header) {
    throw new UnreadableFileError(
      `no header row found in the first ${HEADER_SEARCH_ROWS} rows: name the columns (e.g. 企业名称, 统一社会信用代码, 所有制类型) in one row`,
    );
  }
  return {
    headerRow: header.row,
    headers: header.cells.map((cell) => (cell === null ? '' : String(cell).trim())),
    rows: dataRows(iterator),
  };
}

async function* dataRows(iterator: AsyncIterator<SheetRow>): AsyncGenerator<SheetRow> {
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    if (next.value.cells.some((cell) => cell !== null && String(cell).trim() !== '')) yield next.value;
  }
}

async function* xlsxRows(content: Buffer): AsyncGenerator<SheetRow> {
  let reader: ExcelJS.stream.xlsx.WorkbookReader;
  try {
    reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([content]), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'cache', // needed to tell a date cell from a number
    });
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        const values = (row as ExcelJS.Row).values as unknown[];
        yield { row: (row as ExcelJS.Row).number, cells: values.slice(1).map(cellValue) };
      }
      break; // the first sheet only
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new UnreadableFileError(`the workbook cannot be read: ${(error as Error).message}`);
  }
}

function cellValue(value: unknown): CellValue {
  if (value === undefined || value === null) return null;
  if (value instanceof Date || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value;
  if (typeof value === 'object') {
    const rich = value as { richText?: { text: string }[]; text?: string; result?: unknown };
    if (rich.richText) return rich.richText.map((part) => part.text).join('');
    if (rich.result !== undefined) return cellValue(rich.result); // a formula: its cached result
    if (typeof rich.text === 'string') return rich.text;
  }
  return String(value);
}

async function* csvRows(content: Buffer, filename: string): AsyncGenerator<SheetRow> {
  if (content.includes(0))
    throw new UnreadableFileError(`${filename} is neither an .xlsx workbook nor a text CSV file`);
  const text = decode(content);
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch (error) {
    throw new UnreadableFileError(`the CSV file cannot be read: ${(error as Error).message}`);
  }
  for (const [index, cells] of records.entries()) {
    yield { row: index + 1, cells: cells.map((cell) => (cell === '' ? null : cell)) };
  }
}

/** UTF-8 if the bytes are valid UTF-8 (a BOM is dropped by the parser), else GBK. */
function decode(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return new TextDecoder('gbk').decode(content);
  }
}
