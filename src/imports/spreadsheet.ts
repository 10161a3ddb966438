import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import PizZip from 'pizzip';
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

/**
 * A file the import cannot read. `message` in the API's words; `messageZh` (in the body) in
 * Chinese for the office that sent it: what is wrong and what to do.
 */
export class UnreadableFileError extends AppError {
  constructor(message: string, messageZh: string) {
    super(422, 'IMPORT.UNREADABLE_FILE', message, [{ field: 'file', message }], { messageZh });
  }
}

/** How an import recognises its header row, and the columns to name when no row is one. */
export interface HeaderRule {
  matches: (cells: CellValue[]) => boolean;
  /** The Chinese headers a header row must have. */
  required: readonly string[];
  /** Every Chinese header the import knows, for the message. */
  known: readonly string[];
}

interface TaggedRow extends SheetRow {
  /** 0-based position of the worksheet in the workbook (0 for a CSV file). */
  sheet: number;
}

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]); // a zip container
const HEADER_SEARCH_ROWS = 10;

/** Files offices send by mistake, by their first bytes, to say what a file is instead. */
const OTHER_FORMATS: { magic: number[]; en: string; zh: string }[] = [
  { magic: [0x89, 0x50, 0x4e, 0x47], en: 'a PNG image', zh: 'PNG 图片' },
  { magic: [0xff, 0xd8, 0xff], en: 'a JPEG image', zh: 'JPEG 图片' },
  { magic: [0x25, 0x50, 0x44, 0x46], en: 'a PDF document', zh: 'PDF 文档' },
  {
    magic: [0xd0, 0xcf, 0x11, 0xe0],
    en: 'an Excel 97–2003 .xls workbook or another old Office file',
    zh: 'Excel 97-2003 格式（.xls）或其他旧版 Office 文件',
  },
];

function otherFormat(content: Buffer): { en: string; zh: string } | undefined {
  return OTHER_FORMATS.find(({ magic }) => content.subarray(0, magic.length).equals(Buffer.from(magic)));
}

const SAVE_AS_ZH = '请在 Excel 或 WPS 中打开，另存为 .xlsx 或 .csv 后再导入';

/**
 * Reads an .xlsx workbook, or a .csv file in UTF-8 (with or without BOM) or GBK (what Excel
 * writes on Chinese Windows). The header row is looked for in the first rows of each sheet in
 * turn (a title row above it is allowed, and the roster may be on any sheet); the rows below
 * it on that sheet are the data. Blank rows are skipped.
 */
export async function readSpreadsheet(content: Buffer, filename: string, header: HeaderRule): Promise<Sheet> {
  if (content.length === 0)
    throw new UnreadableFileError('the file is empty', '文件是空的，请选择填好内容的文件');
  const isXlsx = content.subarray(0, 4).equals(XLSX_MAGIC);
  if (/\.xlsx$/i.test(filename) && !isXlsx) {
    const other = otherFormat(content);
    throw new UnreadableFileError(
      `${filename} is not an .xlsx workbook${other ? ` (it is ${other.en})` : ''}`,
      `“${filename}”不是 Excel 工作簿（.xlsx）${other ? `，而是${other.zh}` : ''}：${SAVE_AS_ZH}`,
    );
  }
  const iterator = (isXlsx ? xlsxRows(content) : csvRows(content, filename))[Symbol.asyncIterator]();
  let searching = { sheet: -1, rows: 0 };
  let found: TaggedRow | undefined;
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    const row = next.value;
    if (row.sheet !== searching.sheet) searching = { sheet: row.sheet, rows: 0 };
    if (searching.rows >= HEADER_SEARCH_ROWS) continue; // the rest of a sheet without a header
    searching.rows += 1;
    if (header.matches(row.cells)) {
      found = row;
      break;
    }
  }
  if (!found) throw noHeaderRow(header, isXlsx);
  return {
    headerRow: found.row,
    headers: found.cells.map((cell) => (cell === null ? '' : String(cell).trim())),
    rows: dataRows(iterator, found.sheet),
  };
}

function noHeaderRow(header: HeaderRule, isXlsx: boolean): UnreadableFileError {
  const where = isXlsx ? 'any sheet' : 'the file';
  const quoted = header.required.map((name) => `“${name}”`).join('');
  return new UnreadableFileError(
    `no header row found in the first ${HEADER_SEARCH_ROWS} rows of ${where}: one row must name at least ${header.required.join(', ')} (the columns: ${header.known.join(', ')})`,
    `${isXlsx ? '所有工作表' : '文件'}的前 ${HEADER_SEARCH_ROWS} 行中都没有表头行（写明${quoted}等列名的一行）。` +
      `请在数据上方用一行写明列名，可用的列名：${header.known.join('、')}`,
  );
}

/** The rows after the header on its sheet; the iterator is closed when they end. */
async function* dataRows(iterator: AsyncIterator<TaggedRow>, sheet: number): AsyncGenerator<SheetRow> {
  try {
    for (
      let next = await iterator.next();
      !next.done && next.value.sheet === sheet;
      next = await iterator.next()
    ) {
      const { row, cells } = next.value;
      if (cells.some((cell) => cell !== null && String(cell).trim() !== '')) yield { row, cells };
    }
  } finally {
    await iterator.return?.();
  }
}

async function* xlsxRows(content: Buffer): AsyncGenerator<TaggedRow> {
  try {
    if (streamable(content)) {
      yield* streamedXlsxRows(content);
    } else {
      yield* await loadedXlsxRows(content);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new UnreadableFileError(
      `the workbook cannot be read: ${(error as Error).message}`,
      `无法读取该 Excel 工作簿，文件可能已损坏或设有密码：${SAVE_AS_ZH}`,
    );
  }
}

/** The parts a worksheet is read with; exceljs streams a workbook well only when they come first. */
const PARTS_BEFORE_SHEETS = [
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/styles.xml',
  'xl/sharedStrings.xml',
];

/**
 * Whether exceljs's streaming reader reads this workbook right: the order of a zip's parts is
 * free, and when a worksheet comes before the parts it needs, the reader keeps it in a temporary
 * file and at times loses the parts at the end of the zip (the workbook's, say: the import then
 * failed, or took dates for numbers). Excel and WPS write them first; some writers (exceljs's
 * own, at times) do not. Such a workbook is read whole instead.
 */
function streamable(content: Buffer): boolean {
  const names = Object.keys(new PizZip(content).files);
  const firstSheet = names.findIndex((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
  return PARTS_BEFORE_SHEETS.every((part) => {
    const at = names.indexOf(part);
    return at !== -1 && (firstSheet === -1 || at < firstSheet);
  });
}

/** The rows as they are unzipped (a large workbook is never all in memory). */
async function* streamedXlsxRows(content: Buffer): AsyncGenerator<TaggedRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([content]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache', // needed to tell a date cell from a number
  });
  let sheet = 0;
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      const values = (row as ExcelJS.Row).values as unknown[];
      yield { sheet, row: (row as ExcelJS.Row).number, cells: values.slice(1).map(cellValue) };
    }
    sheet += 1;
  }
}

/** The rows of the whole workbook read at once, in the order the streaming reader gives them. */
async function loadedXlsxRows(content: Buffer): Promise<TaggedRow[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const rows: TaggedRow[] = [];
  workbook.worksheets.forEach((worksheet, sheet) => {
    worksheet.eachRow((row) => {
      const values = row.values as unknown[];
      rows.push({ sheet, row: row.number, cells: values.slice(1).map(cellValue) });
    });
  });
  return rows;
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

async function* csvRows(content: Buffer, filename: string): AsyncGenerator<TaggedRow> {
  if (content.includes(0)) {
    const other = otherFormat(content);
    throw new UnreadableFileError(
      `${filename} is neither an .xlsx workbook nor a text CSV file${other ? ` (it is ${other.en})` : ''}`,
      `“${filename}”既不是 Excel 工作簿（.xlsx）也不是 CSV 文本文件${other ? `，而是${other.zh}` : ''}：${SAVE_AS_ZH}`,
    );
  }
  const text = decode(content);
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch (error) {
    throw new UnreadableFileError(
      `the CSV file cannot be read: ${(error as Error).message}`,
      `CSV 文件格式有误（如引号不成对），无法读取：${SAVE_AS_ZH}`,
    );
  }
  for (const [index, cells] of records.entries()) {
    yield { sheet: 0, row: index + 1, cells: cells.map((cell) => (cell === '' ? null : cell)) };
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
