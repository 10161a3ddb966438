import type { Role } from './roles';
import {
  coversInScope,
  governsUnit,
  inScope,
  scopeCondition,
  scopeOf,
  unitIdCondition,
  UNRESTRICTED,
  withinUnits,
} from './scope';

const everywhere = { governedUnitIds: null };
const county = { governedUnitIds: [4, 10, 11] };

describe(scopeOf.name, () => {
  it.each<[Role, object]>([
    ['admin', {}],
    ['supervisor', {}],
    ['instructor', { instructorId: 7 }],
  ])('gives the %s without a unit %j', (role, expected) => {
    expect(scopeOf({ id: 7, role, ...everywhere })).toEqual(expected);
  });

  it.each<Role>(['admin', 'supervisor'])('limits a %s with a unit to its subtree', (role) => {
    expect(scopeOf({ id: 7, role, ...county })).toEqual({ orgUnitIds: [4, 10, 11] });
  });

  it('keeps an instructor to their portfolio, whatever their unit', () => {
    expect(scopeOf({ id: 7, role: 'instructor', ...county })).toEqual({ instructorId: 7 });
  });
});

describe(inScope.name, () => {
  const instructor = scopeOf({ id: 7, role: 'instructor', ...everywhere });
  const supervisor = scopeOf({ id: 3, role: 'supervisor', ...everywhere });
  const countySupervisor = scopeOf({ id: 3, role: 'supervisor', ...county });

  it.each([
    ['their own enterprise', 7, true],
    ["another instructor's enterprise", 8, false],
    ['an unassigned enterprise', null, false],
  ])('lets an instructor see %s: %s', (_case, instructorId, expected) => {
    expect(inScope(instructor, { instructorId, orgUnitId: 10 })).toBe(expected);
  });

  it.each([7, 8, null])('lets a supervisor see an enterprise assigned to %s', (instructorId) => {
    expect(inScope(supervisor, { instructorId, orgUnitId: 99 })).toBe(true);
  });

  it.each([
    [10, true],
    [11, true],
    [12, false],
    [null, false],
  ])('lets a county supervisor see an enterprise of unit %s: %s', (orgUnitId, expected) => {
    expect(inScope(countySupervisor, { instructorId: 7, orgUnitId })).toBe(expected);
  });
});

describe(coversInScope.name, () => {
  const instructor = scopeOf({ id: 7, role: 'instructor', ...everywhere });
  const admin = scopeOf({ id: 1, role: 'admin', ...everywhere });
  const countyAdmin = scopeOf({ id: 1, role: 'admin', ...county });

  it('shows an instructor a record covering one of their enterprises among others', () => {
    expect(
      coversInScope(instructor, [
        { instructorId: 8, orgUnitId: 1 },
        { instructorId: 7, orgUnitId: 1 },
      ]),
    ).toBe(true);
  });

  it('hides from an instructor a record covering none of theirs', () => {
    expect(
      coversInScope(instructor, [
        { instructorId: 8, orgUnitId: 1 },
        { instructorId: null, orgUnitId: 1 },
      ]),
    ).toBe(false);
    expect(coversInScope(instructor, [])).toBe(false);
  });

  it('shows an admin without a unit every record, even one covering nothing', () => {
    expect(coversInScope(admin, [{ instructorId: 8, orgUnitId: 1 }])).toBe(true);
    expect(coversInScope(admin, [])).toBe(true);
  });

  it('shows a county admin only records covering an enterprise of the county', () => {
    expect(
      coversInScope(countyAdmin, [
        { instructorId: 8, orgUnitId: 12 },
        { instructorId: 8, orgUnitId: 11 },
      ]),
    ).toBe(true);
    expect(coversInScope(countyAdmin, [{ instructorId: 8, orgUnitId: 12 }])).toBe(false);
    expect(coversInScope(countyAdmin, [])).toBe(false);
  });
});

describe(scopeCondition.name, () => {
  it('restricts an instructor to their enterprises, under the given alias', () => {
    expect(scopeCondition(scopeOf({ id: 7, role: 'instructor', ...everywhere }), 'se')).toEqual({
      sql: 'se.instructor_id = :scopeInstructorId',
      params: { scopeInstructorId: 7 },
    });
  });

  it('restricts a county supervisor to the units of the county', () => {
    expect(scopeCondition(scopeOf({ id: 3, role: 'supervisor', ...county }), 'e')).toEqual({
      sql: 'e.org_unit_id IN (:...scopeOrgUnitIds)',
      params: { scopeOrgUnitIds: [4, 10, 11] },
    });
  });

  it('joins both restrictions when a report narrows an instructor to a unit', () => {
    const scope = withinUnits(scopeOf({ id: 7, role: 'instructor', ...everywhere }), [10]);
    expect(scopeCondition(scope, 'e')).toEqual({
      sql: '(e.instructor_id = :scopeInstructorId AND e.org_unit_id IN (:...scopeOrgUnitIds))',
      params: { scopeInstructorId: 7, scopeOrgUnitIds: [10] },
    });
  });

  it('matches nothing for an empty subtree', () => {
    expect(scopeCondition({ orgUnitIds: [] }, 'e')?.sql).toBe('1 = 0');
  });

  it('adds nothing for an unrestricted scope', () => {
    expect(scopeCondition(scopeOf({ id: 1, role: 'admin', ...everywhere }), 'e')).toBeNull();
    expect(scopeCondition(UNRESTRICTED, 'e')).toBeNull();
  });
});

describe(unitIdCondition.name, () => {
  it('writes runs of consecutive ids as ranges and keeps the rest in an IN list', () => {
    expect(unitIdCondition('e.org_unit_id', [12, 3, 1, 2, 4, 9, 13, 14, 15, 7], 'u')).toEqual({
      sql: '(e.org_unit_id BETWEEN :uFrom0 AND :uTo0 OR e.org_unit_id BETWEEN :uFrom1 AND :uTo1 OR e.org_unit_id IN (:...uIds))',
      params: { uFrom0: 1, uTo0: 4, uFrom1: 12, uTo1: 15, uIds: [7, 9] },
    });
  });

  it('is one range for a subtree numbered in one run (a tree imported level by level)', () => {
    const ids = Array.from({ length: 3205 }, (_, i) => i + 1);
    expect(unitIdCondition('e.org_unit_id', ids, 'u')).toEqual({
      sql: 'e.org_unit_id BETWEEN :uFrom0 AND :uTo0',
      params: { uFrom0: 1, uTo0: 3205 },
    });
  });

  it('keeps exactly the given ids, whatever their order and repeats', () => {
    let seed = 17;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let round = 0; round < 200; round++) {
      const ids = Array.from({ length: Math.floor(random() * 40) }, () => 1 + Math.floor(random() * 60));
      const { params } = unitIdCondition('c', ids, 'u');
      const keeps = (id: number) =>
        ((params.uIds as number[] | undefined) ?? []).includes(id) ||
        Object.keys(params)
          .filter((key) => key.startsWith('uFrom'))
          .some(
            (key) => id >= (params[key] as number) && id <= (params[key.replace('From', 'To')] as number),
          );
      for (let id = 0; id <= 61; id++) expect([id, keeps(id)]).toEqual([id, ids.includes(id)]);
    }
  });

  it('matches nothing for no ids', () => {
    expect(unitIdCondition('c', [], 'u')).toEqual({ sql: '1 = 0', params: {} });
  });
});

describe(governsUnit.name, () => {
  it('lets a user without a unit govern every unit, one with a unit only its subtree', () => {
    expect(governsUnit(everywhere, 12)).toBe(true);
    expect(governsUnit(county, 11)).toBe(true);
    expect(governsUnit(county, 12)).toBe(false);
  });
});
