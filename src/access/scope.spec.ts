import type { Role } from './roles';
import {
  coversInScope,
  governsUnit,
  inScope,
  scopeCondition,
  scopeOf,
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

describe(governsUnit.name, () => {
  it('lets a user without a unit govern every unit, one with a unit only its subtree', () => {
    expect(governsUnit(everywhere, 12)).toBe(true);
    expect(governsUnit(county, 11)).toBe(true);
    expect(governsUnit(county, 12)).toBe(false);
  });
});
