import { describe, expect, it } from 'vitest';
import enterprises from '../../i18n/zh-CN/enterprises';
import { changeLines, fieldLabel, fieldValue, type ValueWords } from './enterprise-values';

/** The Chinese words, looked up the way vue-i18n does (`enterprises.a.b`). */
function lookUp(key: string): string | undefined {
  const [area, ...path] = key.split('.');
  if (area !== 'enterprises') return undefined;
  let node: unknown = enterprises;
  for (const part of path) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string' ? node : undefined;
}

const words: ValueWords = {
  t: (key) => lookUp(key) ?? key,
  te: (key) => lookUp(key) !== undefined,
  date: (iso) => `date(${iso})`,
  number: (value) => value.toLocaleString('zh-CN'),
  instructor: (id) => (id === 4 ? '王指导' : `#${id}`),
  empty: '（空）',
};

describe('fieldValue', () => {
  it.each([
    ['ownershipType', 'state_controlled', '国有控股企业'],
    ['sector', 'non_public', '非公企业'],
    ['industry', 'C', 'C 制造业'],
    ['employeeCount', 12345, '12,345'],
    ['memberCount', 10240, '10,240'],
    ['memberCount', 0, '0'],
    ['memberCount', null, '（空）'],
    ['workersCongressOn', '2022-03-15', 'date(2022-03-15)'],
    ['unionFoundedOn', '2019-04-28', 'date(2019-04-28)'],
    ['closedOn', null, '（空）'],
    ['community', '', '（空）'],
    ['instructorId', 4, '王指导'],
    ['instructorId', null, '（空）'],
    ['name', '金山水泥有限公司', '金山水泥有限公司'],
    ['ownershipType', 'unheard_of', 'unheard_of'],
  ])('words %s = %j as %s', (field, value, expected) => {
    expect(fieldValue(field, value, words)).toBe(expected);
  });
});

describe('fieldLabel', () => {
  it('names a field in Chinese, and an unknown one as it is', () => {
    expect(fieldLabel('employeeCount', words)).toBe('职工人数');
    expect(fieldLabel('instructorId', words)).toBe('指导员');
    expect(fieldLabel('memberCount', words)).toBe('会员人数');
    expect(fieldLabel('workersCongressOn', words)).toBe('职代会建立日期');
    expect(fieldLabel('somethingNew', words)).toBe('somethingNew');
  });
});

describe('changeLines', () => {
  it('lists an update’s changes in the form’s order', () => {
    const lines = changeLines({
      action: 'enterprise.update',
      changes: {
        instructorId: { from: 4, to: null },
        workersCongressOn: { from: null, to: '2022-03-15' },
        employeeCount: { from: 100, to: 120 },
        memberCount: { from: 80, to: 96 },
        name: { from: '甲', to: '乙' },
      },
    });
    expect(lines.map((line) => line.field)).toEqual([
      'name',
      'employeeCount',
      'memberCount',
      'workersCongressOn',
      'instructorId',
    ]);
  });

  it('lists only the fields a creation (by hand or by import) filled in', () => {
    const lines = changeLines({
      action: 'enterprise.import.create',
      changes: {
        name: { from: null, to: '甲' },
        community: { from: null, to: null },
        closedOn: { from: null, to: null },
        employeeCount: { from: null, to: 0 },
      },
    });
    expect(lines.map((line) => line.field)).toEqual(['name', 'employeeCount']);
  });

  it('has nothing to list for a row without changes', () => {
    expect(changeLines({ action: 'enterprise.update' })).toEqual([]);
  });
});
