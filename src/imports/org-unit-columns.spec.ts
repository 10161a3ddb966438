import { mapUnitListHeaders, readUnitRow, UNIT_LIST_HEADER } from './org-unit-columns';

const HEADERS = ['区划代码', '名称', '上级区划代码', '层级'];
const columns = mapUnitListHeaders(HEADERS);
const read = (cells: (string | number | null)[]) => readUnitRow({ row: 7, cells }, HEADERS, columns);

describe(readUnitRow.name, () => {
  it('pads codes (number cells and full-width digits too) and infers the level from the code', () => {
    expect(read([510104, ' 锦江区 ', '５１０１００', null])).toEqual({
      unit: { row: 7, code: '510104000000', name: '锦江区', level: 'county', parentCode: '510100000000' },
    });
    expect(read(['510000', '四川省', null, null])).toMatchObject({
      unit: { level: 'province', parentCode: null },
    });
  });

  it.each([
    ['省', 'province'],
    ['市', 'city'],
    ['区', 'county'],
    ['街道', 'township'],
    ['township', 'township'],
  ])('reads 层级 %s as %s', (word, level) => {
    expect(read(['510104001', '春熙路街道', '510104', word])).toMatchObject({ unit: { level } });
  });

  it('names every bad cell by its column', () => {
    const result = read(['51A', '', '12', '村']);
    expect('errors' in result && result.errors.map((error) => [error.column, error.value])).toEqual([
      ['区划代码', '51A'],
      ['名称', null],
      ['上级区划代码', '12'],
      ['层级', '村'],
    ]);
  });

  it('asks for 层级 when the code names no level, and gives back the code of a refused row', () => {
    const result = read(['510104001001', '某村', '510104001', null]);
    expect(result).toEqual({
      code: '510104001001',
      errors: [expect.objectContaining({ column: '区划代码', messageZh: expect.stringContaining('层级') })],
    });
  });
});

describe('UNIT_LIST_HEADER', () => {
  it('needs the code, the name and the parent’s code', () => {
    expect(UNIT_LIST_HEADER.matches(['区划代码', '名称', '上级区划代码'])).toBe(true);
    expect(UNIT_LIST_HEADER.matches(['区划代码', '名称'])).toBe(false);
  });
});
