import { type ListedUnit, planUnitList, type StoredUnit } from './unit-list';

const everything = { governs: () => true, mayAddRoot: true };

function listed(
  row: number,
  code: string,
  name: string,
  level: ListedUnit['level'],
  parentCode: string | null,
) {
  return { row, code, name, level, parentCode };
}

const PROVINCE = listed(2, '510000000000', '四川省', 'province', null);
const CITY = listed(3, '510100000000', '成都市', 'city', '510000000000');
const COUNTY = listed(4, '510104000000', '锦江区', 'county', '510100000000');

describe(planUnitList.name, () => {
  it('creates parents before children whatever the order of the rows', () => {
    const plan = planUnitList([COUNTY, CITY, PROVINCE], new Map(), everything);
    expect(plan.create.map((unit) => unit.name)).toEqual(['四川省', '成都市', '锦江区']);
    expect(plan.errors).toEqual([]);
  });

  it('leaves a stored unit of the same name unchanged, corrects another name, adds under a stored parent', () => {
    const stored = new Map<string, StoredUnit>([
      ['510000000000', { id: 1, code: '510000000000', name: '四川省', level: 'province', parentId: null }],
      ['510100000000', { id: 2, code: '510100000000', name: '成都', level: 'city', parentId: 1 }],
    ]);
    const plan = planUnitList([PROVINCE, CITY, COUNTY], stored, everything);
    expect(plan).toEqual({
      create: [COUNTY],
      rename: [{ row: 3, id: 2, code: '510100000000', from: '成都', to: '成都市' }],
      unchanged: 1,
      errors: [],
    });
  });

  it('refuses a stored unit listed under another parent or at another level', () => {
    const stored = new Map<string, StoredUnit>([
      ['510000000000', { id: 1, code: '510000000000', name: '四川省', level: 'province', parentId: null }],
      ['510100000000', { id: 2, code: '510100000000', name: '成都市', level: 'city', parentId: null }],
    ]);
    const plan = planUnitList([PROVINCE, CITY], stored, everything);
    expect(plan.errors).toEqual([expect.objectContaining({ row: 3, column: 'parentCode' })]);
    const asCounty = planUnitList(
      [{ ...CITY, level: 'county' }],
      new Map([...stored].slice(0, 1)),
      everything,
    );
    expect(asCounty.errors).toEqual([expect.objectContaining({ row: 3, column: 'level' })]);
  });

  it('refuses a child of a refused row, naming that row, and a second row of the same code', () => {
    const plan = planUnitList(
      [
        PROVINCE,
        listed(3, '520100000000', '贵阳市', 'city', '510000000000'),
        listed(4, '520102000000', '南明区', 'county', '520100000000'),
        { ...PROVINCE, row: 5 },
      ],
      new Map(),
      everything,
    );
    expect(plan.create).toEqual([PROVINCE]);
    expect(plan.errors.map((error) => [error.row, error.column, error.messageZh])).toEqual([
      [3, 'code', expect.stringContaining('51')],
      [4, 'parentCode', expect.stringContaining('第 3 行')],
      [5, 'code', expect.stringContaining('第 2 行')],
    ]);
  });

  it('refuses children of rows refused before the plan, and unknown parents', () => {
    const plan = planUnitList([CITY, COUNTY], new Map(), everything, new Map([['510000000000', 2]]));
    expect(plan.errors.map((error) => [error.row, error.messageZh])).toEqual([
      [3, expect.stringContaining('第 2 行')],
      [4, expect.stringContaining('第 3 行')],
    ]);
    expect(planUnitList([CITY], new Map(), everything).errors[0].messageZh).toContain('既不在系统中');
  });

  it('keeps an importer with a unit inside it: no new root, nothing under or of a unit they do not govern', () => {
    const stored = new Map<string, StoredUnit>([
      ['510000000000', { id: 1, code: '510000000000', name: '四川省', level: 'province', parentId: null }],
      ['510100000000', { id: 2, code: '510100000000', name: '成都', level: 'city', parentId: 1 }],
    ]);
    const cityAdmin = { governs: (id: number) => id === 2, mayAddRoot: false };
    const plan = planUnitList(
      [
        PROVINCE,
        CITY,
        COUNTY,
        listed(5, '510300000000', '自贡市', 'city', '510000000000'),
        listed(6, '520000000000', '贵州省', 'province', null),
      ],
      stored,
      cityAdmin,
    );
    expect(plan.create).toEqual([COUNTY]);
    expect(plan.rename).toHaveLength(1);
    expect(plan.errors.map((error) => [error.row, error.column])).toEqual([
      [2, 'code'],
      [5, 'parentCode'],
      [6, 'parentCode'],
    ]);
  });
});
