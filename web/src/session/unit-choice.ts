import type { OrgUnit } from '../api/org-units';
import type { Role } from '../api/types';

/** The unit picker's rules, apart from the store (current-unit.ts) so that they test without a browser. */

export interface StoredChoice {
  userId: number;
  unit: OrgUnit;
}

/** The unit stored for this user, if any (another user's choice is not theirs). */
export function restoreChoice(raw: string | null, userId: number | null): OrgUnit | null {
  if (raw === null || userId === null) return null;
  try {
    const stored = JSON.parse(raw) as StoredChoice | null;
    return stored?.userId === userId && typeof stored.unit.id === 'number' ? stored.unit : null;
  } catch {
    return null;
  }
}

/**
 * Whether someone governs more than one unit, and so is offered the picker: admins and
 * supervisors without a unit (the whole deployment), or whose unit has children.
 */
export function governsSeveralUnits(role: Role, ownUnit: OrgUnit | null, hasChildren: boolean): boolean {
  if (role === 'instructor') return false;
  return ownUnit === null || (ownUnit.level !== 'township' && hasChildren);
}
