import type { Role } from './roles';
import { coversInScope, inScope, scopeCondition, scopeOf } from './scope';

describe(scopeOf.name, () => {
  it.each<[Role, object]>([
    ['admin', {}],
    ['supervisor', {}],
    ['instructor', { instructorId: 7 }],
  ])('gives the %s %j', (role, expected) => {
    expect(scopeOf({ id: 7, role })).toEqual(expected);
  });
});

describe(inScope.name, () => {
  const instructor = scopeOf({ id: 7, role: 'instructor' });
  const supervisor = scopeOf({ id: 3, role: 'supervisor' });

  it.each([
    ['their own enterprise', 7, true],
    ["another instructor's enterprise", 8, false],
    ['an unassigned enterprise', null, false],
  ])('lets an instructor see %s: %s', (_case, instructorId, expected) => {
    expect(inScope(instructor, { instructorId })).toBe(expected);
  });

  it.each([7, 8, null])('lets a supervisor see an enterprise assigned to %s', (instructorId) => {
    expect(inScope(supervisor, { instructorId })).toBe(true);
  });
});

describe(coversInScope.name, () => {
  const instructor = scopeOf({ id: 7, role: 'instructor' });
  const admin = scopeOf({ id: 1, role: 'admin' });

  it('shows an instructor a record covering one of their enterprises among others', () => {
    expect(coversInScope(instructor, [{ instructorId: 8 }, { instructorId: 7 }])).toBe(true);
  });

  it('hides from an instructor a record covering none of theirs', () => {
    expect(coversInScope(instructor, [{ instructorId: 8 }, { instructorId: null }])).toBe(false);
    expect(coversInScope(instructor, [])).toBe(false);
  });

  it('shows an admin every record, even one covering nothing', () => {
    expect(coversInScope(admin, [{ instructorId: 8 }])).toBe(true);
    expect(coversInScope(admin, [])).toBe(true);
  });
});

describe(scopeCondition.name, () => {
  it('restricts an instructor to their enterprises, under the given alias', () => {
    expect(scopeCondition(scopeOf({ id: 7, role: 'instructor' }), 'se')).toEqual({
      sql: 'se.instructor_id = :scopeInstructorId',
      params: { scopeInstructorId: 7 },
    });
  });

  it('adds nothing for an unrestricted scope', () => {
    expect(scopeCondition(scopeOf({ id: 1, role: 'admin' }), 'e')).toBeNull();
  });
});
