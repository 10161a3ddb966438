import { describe, expect, it } from 'vitest';
import type { OrgUnit } from '../api/org-units';
import { governsSeveralUnits, restoreChoice } from './unit-choice';

const city: OrgUnit = {
  id: 2,
  code: '360700000000',
  name: '江川市',
  level: 'city',
  parentId: null,
  path: [{ id: 2, code: '360700000000', name: '江川市', level: 'city' }],
};
const county: OrgUnit = {
  id: 5,
  code: '360731000000',
  name: '云岭县',
  level: 'county',
  parentId: 2,
  path: [...city.path, { id: 5, code: '360731000000', name: '云岭县', level: 'county' }],
};
const township: OrgUnit = { ...county, id: 9, level: 'township', code: '360731100000', name: '金山镇' };

describe('restoreChoice', () => {
  const stored = JSON.stringify({ userId: 7, unit: county });

  it("gives back the unit this user chose in this tab's session", () => {
    expect(restoreChoice(stored, 7)).toEqual(county);
  });

  it("never hands one user's choice to another, nor to nobody", () => {
    expect(restoreChoice(stored, 8)).toBeNull();
    expect(restoreChoice(stored, null)).toBeNull();
  });

  it('treats nothing stored, or something unreadable, as no choice', () => {
    expect(restoreChoice(null, 7)).toBeNull();
    expect(restoreChoice('{not json', 7)).toBeNull();
    expect(restoreChoice(JSON.stringify({ userId: 7 }), 7)).toBeNull();
    expect(restoreChoice('null', 7)).toBeNull();
  });
});

describe('governsSeveralUnits', () => {
  it('offers the picker to admins and supervisors without a unit (the whole deployment)', () => {
    expect(governsSeveralUnits('admin', null, false)).toBe(true);
    expect(governsSeveralUnits('supervisor', null, false)).toBe(true);
  });

  it('offers it to those whose unit has children, not to those whose unit has none', () => {
    expect(governsSeveralUnits('supervisor', city, true)).toBe(true);
    expect(governsSeveralUnits('admin', county, true)).toBe(true);
    expect(governsSeveralUnits('supervisor', county, false)).toBe(false);
    expect(governsSeveralUnits('admin', township, true)).toBe(false);
  });

  it('never offers it to instructors, who keep their portfolio', () => {
    expect(governsSeveralUnits('instructor', null, true)).toBe(false);
    expect(governsSeveralUnits('instructor', city, true)).toBe(false);
  });
});
