import type { Actor } from './actor';

/**
 * The part of the registry an actor may see and act on. This file is the one place that decides
 * access scope (docs/architecture.md, Access): services and repositories take `scopeOf(actor)`
 * to restrict their queries (`scopeCondition`) and to judge single records (`inScope`,
 * `coversInScope`), and none of them looks at the role or the unit to do so.
 *
 * An instructor is limited to their portfolio, the enterprises assigned to them. An admin or
 * supervisor with an organisation unit is limited to the enterprises of that unit's subtree
 * (docs/domain.md, Federation hierarchy); without one, or with the only root unit, to nothing.
 */
export interface AccessScope {
  /** Only the enterprises assigned to this instructor. */
  readonly instructorId?: number;
  /** Only the enterprises whose unit is one of these (a subtree of the hierarchy). */
  readonly orgUnitIds?: readonly number[];
}

/** The whole registry: for the system's own work (timers, the scheduler, the CLI). */
export const UNRESTRICTED: AccessScope = Object.freeze({});

/** The actor's scope: an instructor's portfolio; the subtree an admin or supervisor governs. */
export function scopeOf(actor: Pick<Actor, 'id' | 'role' | 'governedUnitIds'>): AccessScope {
  if (actor.role === 'instructor') return { instructorId: actor.id };
  return actor.governedUnitIds === null ? UNRESTRICTED : { orgUnitIds: actor.governedUnitIds };
}

/**
 * A scope narrowed to one unit's subtree (`unitIds`: that subtree's ids; null: the whole
 * deployment), e.g. a report of one county asked by a city supervisor. The caller checks that the
 * unit is in scope first (`governsUnit`); the narrowed scope is then the subtree's.
 */
export function withinUnits(scope: AccessScope, unitIds: readonly number[] | null): AccessScope {
  return unitIds === null ? scope : { ...scope, orgUnitIds: unitIds };
}

/** Whether the actor governs a unit: it lies in their subtree (everyone's, with no unit). */
export function governsUnit(actor: Pick<Actor, 'governedUnitIds'>, unitId: number): boolean {
  return actor.governedUnitIds === null || actor.governedUnitIds.includes(unitId);
}

/** What a record must show to be judged: its enterprise's assignment and unit. */
export interface ScopedEnterprise {
  instructorId: number | null;
  orgUnitId: number | null;
}

/**
 * Whether an enterprise is in scope. Outside it an enterprise is "not found" (docs/contract.md,
 * Errors), whether it exists or not, so answers do not tell which enterprises exist.
 */
export function inScope(scope: AccessScope, enterprise: ScopedEnterprise): boolean {
  if (scope.instructorId !== undefined && enterprise.instructorId !== scope.instructorId) return false;
  if (scope.orgUnitIds !== undefined) {
    return enterprise.orgUnitId !== null && scope.orgUnitIds.includes(enterprise.orgUnitId);
  }
  return true;
}

/**
 * Whether a record covering enterprises (a negotiation) is in scope: always for an unrestricted
 * scope, else when at least one enterprise it covers is.
 */
export function coversInScope(scope: AccessScope, covered: readonly ScopedEnterprise[]): boolean {
  return isUnrestricted(scope) || covered.some((enterprise) => inScope(scope, enterprise));
}

export function isUnrestricted(scope: AccessScope): boolean {
  return scope.instructorId === undefined && scope.orgUnitIds === undefined;
}

/**
 * The SQL condition that keeps the rows of `enterprises` (under `alias`) in scope, with its
 * parameters (named `scope…`, apart from any filter's); null when the scope is unrestricted.
 */
export function scopeCondition(
  scope: AccessScope,
  alias: string,
): { sql: string; params: Record<string, unknown> } | null {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (scope.instructorId !== undefined) {
    parts.push(`${alias}.instructor_id = :scopeInstructorId`);
    params.scopeInstructorId = scope.instructorId;
  }
  if (scope.orgUnitIds !== undefined) {
    if (scope.orgUnitIds.length === 0) {
      parts.push('1 = 0');
    } else {
      parts.push(`${alias}.org_unit_id IN (:...scopeOrgUnitIds)`);
      params.scopeOrgUnitIds = scope.orgUnitIds;
    }
  }
  if (parts.length === 0) return null;
  return { sql: parts.length === 1 ? parts[0] : `(${parts.join(' AND ')})`, params };
}
