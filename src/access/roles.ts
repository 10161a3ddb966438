/** The roles a user holds (docs/domain.md): each user has exactly one. */
export const ROLES = ['admin', 'supervisor', 'instructor'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return (ROLES as readonly unknown[]).includes(value);
}

/**
 * Whether a role runs the system (admins and supervisors), and so may read the client addresses
 * in the audit trail: they say where colleagues work from.
 */
export function readsClientAddresses(role: Role): boolean {
  return role !== 'instructor';
}
