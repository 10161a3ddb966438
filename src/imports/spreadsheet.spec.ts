import ExcelJS from 'exceljs';
import PizZip from 'pizzip';
import { readSpreadsheet, type HeaderRule, type SheetRow } from './spreadsheet';

const HEADER: HeaderRule = {
  matches: (cells) => cells.includes('企业名称'),
  required: ['企业名称'],
  known: ['企业名称', '职工人数'],
};

async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('填表说明').addRows([['请按下表填写企业名册']]);
  book.addWorksheet('名册').addRows([
    ['企业名称', '职工人数', '建会日期'],
    ['金山纸厂', 120, new Date(Date.UTC(2019, 3, 28))],
    ['金山茶业', 45, new Date(Date.UTC(2021, 0, 5))],
  ]);
  for (const row of [2, 3]) book.getWorksheet('名册')!.getCell(row, 3).numFmt = 'yyyy-mm-dd';
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * The same parts in another order (a zip's order is free, and writers differ): `first` at the
 * start, `last` at the end.
 */
function reordered(content: Buffer, first: string[], last: string): Buffer {
  const source = new PizZip(content);
  const target = new PizZip();
  const names = Object.keys(source.files).filter((name) => !source.files[name].dir);
  const middle = names.filter((name) => !first.includes(name) && name !== last);
  for (const name of [...first, ...middle, last]) {
    target.file(name, source.file(name)!.asUint8Array());
  }
  return target.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function rowsOf(content: Buffer): Promise<SheetRow[]> {
  const sheet = await readSpreadsheet(content, '名册.xlsx', HEADER);
  const rows: SheetRow[] = [];
  for await (const row of sheet.rows) rows.push(row);
  return rows;
}

describe('readSpreadsheet (.xlsx)', () => {
  const rows = [
    { row: 2, cells: ['金山纸厂', 120, new Date(Date.UTC(2019, 3, 28))] },
    { row: 3, cells: ['金山茶业', 45, new Date(Date.UTC(2021, 0, 5))] },
  ];

  it('reads a workbook whose xl/workbook.xml comes after its worksheets in the zip, dates as dates, every time', async () => {
    // The relationships, shared strings and styles first: the worksheets are read as they come,
    // and exceljs's streaming reader loses the workbook part at the end at times (a race).
    const content = reordered(
      await workbook(),
      ['xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml'],
      'xl/workbook.xml',
    );
    expect(Object.keys(new PizZip(content).files).at(-1)).toBe('xl/workbook.xml');
    for (let read = 0; read < 20; read++) await expect(rowsOf(content)).resolves.toEqual(rows);
  });

  it('reads the workbook as exceljs writes it', async () => {
    await expect(rowsOf(await workbook())).resolves.toEqual(rows);
  });
});
