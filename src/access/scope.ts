import type { Actor } from './actor';

/**
 * The part of the registry an actor may see and act on. This file is the one place that decides
 * access scope (docs/architecture.md, Access): services and repositories take `scopeOf(actor)`
 * to restrict their queries (`scopeCondition`) and to judge single records (`inScope`,
 * `coversInScope`), and none of them looks at the role to do so.
 *
 * Today admins and supervisors are unrestricted (`{}`) and an instructor is limited to their
 * portfolio, the enterprises assigned to them. The federation hierarchy extends this type and
 * the four functions below, and nothing else: e.g. an `orgUnitIds` field (the subtree of an
 * admin's or supervisor's organisation unit) that `scopeOf` fills from the actor, `inScope`
 * checks against the enterprise's unit and `scopeCondition` turns into SQL.
 */
export interface AccessScope {
  /** Only the enterprises assigned to this instructor. */
  readonly instructorId?: number;
}

/** The actor's scope: an instructor's portfolio, everything for admins and supervisors. */
export function scopeOf(actor: Pick<Actor, 'id' | 'role'>): AccessScope {
  return actor.role === 'instructor' ? { instructorId: actor.id } : {};
}

/** What a record must show to be judged: its enterprise's assignment. */
export interface ScopedEnterprise {
  instructorId: number | null;
}

/**
 * Whether an enterprise is in scope. Outside it an enterprise is "not found" (docs/contract.md,
 * Errors), whether it exists or not, so answers do not tell which enterprises exist.
 */
export function inScope(scope: AccessScope, enterprise: ScopedEnterprise): boolean {
  return scope.instructorId === undefined || enterprise.instructorId === scope.instructorId;
}

/**
 * Whether a record covering enterprises (a negotiation) is in scope: always for an unrestricted
 * scope, else when at least one enterprise it covers is.
 */
export function coversInScope(scope: AccessScope, covered: readonly ScopedEnterprise[]): boolean {
  return scope.instructorId === undefined || covered.some((enterprise) => inScope(scope, enterprise));
}

/**
 * The SQL condition that keeps the rows of `enterprises` (under `alias`) in scope, with its
 * parameters (named `scope…`, apart from any filter's); null when the scope is unrestricted.
 */
export function scopeCondition(
  scope: AccessScope,
  alias: string,
): { sql: string; params: Record<string, unknown> } | null {
  if (scope.instructorId === undefined) return null;
  return {
    sql: `${alias}.instructor_id = :scopeInstructorId`,
    params: { scopeInstructorId: scope.instructorId },
  };
}
