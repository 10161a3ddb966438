import type { Actor } from '../auth/actor';

/**
 * Whether an enterprise is in the actor's scope: admins and supervisors have every enterprise,
 * an instructor those assigned to them. Outside it an enterprise is "not found" (api.md, Errors),
 * whether it exists or not, so answers do not tell which enterprises exist.
 */
export function enterpriseInScope(
  actor: Pick<Actor, 'id' | 'role'>,
  enterprise: { instructorId: number | null },
): boolean {
  return actor.role !== 'instructor' || enterprise.instructorId === actor.id;
}
