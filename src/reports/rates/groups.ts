/**
 * How enterprises are grouped and in which order groups are listed (docs/domain.md, Signing rate:
 * "a sector, a type, a township, an industry, an instructor's portfolio").
 */
import { OWNERSHIP_TYPES, SECTORS } from '../../enterprises/domain/ownership';
import { DIRECT_GROUP } from './roll-up';
import type { GroupBy } from './types';

/** Group key of enterprises without an instructor. */
export const NO_INSTRUCTOR = 'none';

/**
 * Groups that always appear, even empty: every sector (in SECTORS order) and every ownership
 * type (in OWNERSHIP_TYPES order), so a report upward always has the same lines. Townships,
 * industries and instructors are open-ended: only those of open enterprises appear.
 */
export function fixedGroups(groupBy: GroupBy): readonly string[] | null {
  if (groupBy === 'sector') return SECTORS;
  if (groupBy === 'ownershipType') return OWNERSHIP_TYPES;
  return null;
}

/**
 * The groups of a report, in order. Fixed groupings list all their groups in declared order;
 * townships and industries list those present, sorted by Unicode code point (deterministic on
 * every ICU build, and the order of SQLite's BINARY and MySQL's utf8mb4_bin collations);
 * instructors list those present by numeric id, `none` last; child units as the roll-up lists
 * them (by code, rates/roll-up.ts), `none` (enterprises directly in the unit) last.
 */
export function listGroups(groupBy: GroupBy, presentKeys: Iterable<string>): string[] {
  const fixed = fixedGroups(groupBy);
  if (fixed !== null) return [...fixed];
  const unique = [...new Set(presentKeys)];
  if (groupBy === 'orgUnit') return unique.sort(directLast);
  return unique.sort(groupBy === 'instructor' ? compareInstructorKeys : compareCodePoints);
}

/** Code-point order (not UTF-16 code units, which differ for characters beyond U+FFFF). */
export function compareCodePoints(a: string, b: string): number {
  const left = Array.from(a);
  const right = Array.from(b);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const diff = (left[i].codePointAt(0) ?? 0) - (right[i].codePointAt(0) ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  return Math.sign(left.length - right.length);
}

function compareInstructorKeys(a: string, b: string): number {
  if (a === NO_INSTRUCTOR || b === NO_INSTRUCTOR)
    return Number(a === NO_INSTRUCTOR) - Number(b === NO_INSTRUCTOR);
  return Number(a) - Number(b);
}

function directLast(a: string, b: string): number {
  return Number(a === DIRECT_GROUP) - Number(b === DIRECT_GROUP);
}
