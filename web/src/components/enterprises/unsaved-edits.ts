import type { Enterprise, EnterpriseInput } from '../../api/enterprises';

/** A field the user changed in a save that was refused because someone else saved first. */
export interface UnsavedEdit {
  field: keyof EnterpriseInput;
  /** What the user typed. */
  mine: unknown;
  /** What the enterprise holds now. */
  current: unknown;
}

/**
 * The user's refused changes that the enterprise, as now stored, does not already hold: what they
 * would lose by simply taking the current record (the same value saved by the other person is no loss).
 */
export function unsavedEdits(mine: Partial<EnterpriseInput>, current: Enterprise): UnsavedEdit[] {
  return (Object.entries(mine) as [keyof EnterpriseInput, unknown][])
    .filter(([field, value]) => (current[field] ?? null) !== (value ?? null))
    .map(([field, value]) => ({ field, mine: value, current: current[field] ?? null }));
}
