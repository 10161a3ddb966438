import type { AuditChanges } from './audit-entry.entity';

/**
 * The fields whose values differ between two versions of a record, as `{field: {from, to}}`.
 * Only the listed fields are compared, so secrets (password hashes) never reach the trail.
 */
export function auditDiff<T extends object>(
  before: T,
  after: T,
  fields: readonly (keyof T & string)[],
): AuditChanges {
  const changes: AuditChanges = {};
  for (const field of fields) {
    const from = before[field] ?? null;
    const to = after[field] ?? null;
    if (!sameValue(from, to)) changes[field] = { from, to };
  }
  return changes;
}

/** A new record's listed fields, as changes from nothing. */
export function auditCreated<T extends object>(
  created: T,
  fields: readonly (keyof T & string)[],
): AuditChanges {
  const changes: AuditChanges = {};
  for (const field of fields) changes[field] = { from: null, to: created[field] ?? null };
  return changes;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return JSON.stringify(a) === JSON.stringify(b);
}
