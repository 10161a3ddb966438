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
/** A SQL condition with its named parameters, to pass to a query builder's `andWhere`. */
export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

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

/**
 * The scope without its restriction to units, for a read the restriction would not narrow: a
 * report of a root that holds every enterprise of the deployment (ReportsService checks that
 * none lies outside). The answer is the same, and the database reads its report indexes in
 * order instead of filtering by thousands of unit ids (docs/benchmarks.md, "Federation
 * hierarchy"). An instructor's restriction stays.
 */
export function withoutUnits(scope: AccessScope): AccessScope {
  return scope.instructorId === undefined ? UNRESTRICTED : { instructorId: scope.instructorId };
}

/** Whether the actor governs a unit: it lies in their subtree (everyone's, with no unit). */
export function governsUnit(actor: Pick<Actor, 'governedUnitIds'>, unitId: number): boolean {
  return actor.governedUnitIds === null || actor.governedUnitIds.includes(unitId);
}

/** Whether the actor may add a root unit (a unit above every other): only one with no unit of their own. */
export function mayAddRootUnit(actor: Pick<Actor, 'orgUnitId'>): boolean {
  return actor.orgUnitId === null;
}

/**
 * Whether a record that belongs to a unit's subtree rather than to enterprises (an offer
 * campaign: its unit, null for the whole deployment) is in the actor's scope: the actor governs
 * that unit; a record of the whole deployment only for an actor who governs it all.
 */
export function unitRecordInScope(actor: Pick<Actor, 'governedUnitIds'>, unitId: number | null): boolean {
  if (actor.governedUnitIds === null) return true;
  return unitId !== null && actor.governedUnitIds.includes(unitId);
}

/**
 * The SQL condition that keeps the records whose unit (in `column`, null for the whole
 * deployment) the actor governs ({@link unitRecordInScope}); null when the actor governs all.
 */
export function unitRecordScopeCondition(
  actor: Pick<Actor, 'governedUnitIds'>,
  column: string,
): SqlCondition | null {
  if (actor.governedUnitIds === null) return null;
  return unitIdCondition(column, actor.governedUnitIds, 'scopeRecordUnit');
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
export function scopeCondition(scope: AccessScope, alias: string): SqlCondition | null {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (scope.instructorId !== undefined) {
    parts.push(`${alias}.instructor_id = :scopeInstructorId`);
    params.scopeInstructorId = scope.instructorId;
  }
  if (scope.orgUnitIds !== undefined) {
    const units = unitIdCondition(`${alias}.org_unit_id`, scope.orgUnitIds, 'scopeOrgUnit');
    parts.push(units.sql);
    Object.assign(params, units.params);
  }
  if (parts.length === 0) return null;
  return { sql: parts.length === 1 ? parts[0] : `(${parts.join(' AND ')})`, params };
}

/** What a user must show to be judged: their unit (null: the whole deployment). */
export interface ScopedUser {
  orgUnitId: number | null;
}

/**
 * Whether a user account is in the actor's scope: for an actor with a unit, the users of their
 * subtree (a user without a unit sits above every unit and is outside it); for one without, all.
 * Outside it a user is "not found", as an enterprise is.
 */
export function userInScope(actor: Pick<Actor, 'governedUnitIds'>, user: ScopedUser): boolean {
  if (actor.governedUnitIds === null) return true;
  return user.orgUnitId !== null && actor.governedUnitIds.includes(user.orgUnitId);
}

/**
 * The SQL condition that keeps the user ids in `idColumn` (a column holding a user's id:
 * `u.id`, a reminder's recipient, …) of users in the actor's scope ({@link userInScope}); null
 * when the actor sees every user.
 */
export function userScopeCondition(
  actor: Pick<Actor, 'governedUnitIds'>,
  idColumn: string,
): SqlCondition | null {
  if (actor.governedUnitIds === null) return null;
  if (actor.governedUnitIds.length === 0) return { sql: '1 = 0', params: {} };
  const units = unitIdCondition('scope_u.org_unit_id', actor.governedUnitIds, 'scopeUserUnit');
  return {
    sql: `${idColumn} IN (SELECT scope_u.id FROM users scope_u WHERE ${units.sql})`,
    params: units.params,
  };
}

/**
 * The SQL condition that keeps the audit rows (of `audit_entries` under `alias`) about what the
 * actor may see: enterprises and negotiations in their scope ({@link scopeCondition}), users,
 * their sign-ins and their reminders in it ({@link userScopeCondition}); rows about anything
 * else are outside a restricted scope. Null when the actor sees the whole trail.
 */
export function auditScopeCondition(
  actor: Pick<Actor, 'id' | 'role' | 'governedUnitIds'>,
  alias: string,
): SqlCondition | null {
  const enterprises = scopeCondition(scopeOf(actor), 'scope_e');
  const users = userScopeCondition(actor, 'scope_au.id');
  if (enterprises === null && users === null) return null;
  const enterpriseSql = enterprises?.sql ?? '1 = 1';
  const userSql = users?.sql ?? '1 = 1';
  const id = `${alias}.entity_id`;
  const type = `${alias}.entity_type`;
  const parts = [
    `(${type} = 'enterprise' AND ${id} IN (SELECT CAST(scope_e.id AS CHAR) FROM enterprises scope_e WHERE ${enterpriseSql}))`,
    `(${type} IN ('negotiation', 'agreement') AND ${id} IN (SELECT CAST(scope_ne.negotiation_id AS CHAR) FROM negotiation_enterprises scope_ne JOIN enterprises scope_e ON scope_e.id = scope_ne.enterprise_id WHERE ${enterpriseSql}))`,
    `(${type} = 'user' AND ${id} IN (SELECT CAST(scope_au.id AS CHAR) FROM users scope_au WHERE ${userSql}))`,
    `(${type} = 'auth' AND ${id} IN (SELECT scope_au.username FROM users scope_au WHERE ${userSql}))`,
    `(${type} = 'reminder' AND ${id} IN (SELECT CAST(scope_r.id AS CHAR) FROM reminders scope_r JOIN users scope_au ON scope_au.id = scope_r.recipient_id WHERE ${userSql}))`,
  ];
  return { sql: `(${parts.join(' OR ')})`, params: { ...enterprises?.params, ...users?.params } };
}

/** Runs of consecutive ids shorter than this stay in the IN list. */
const SHORTEST_RANGE = 3;

/**
 * `column` is one of `ids`, written as ranges of consecutive ids (`BETWEEN`) plus an IN list of
 * the rest. A subtree's units are mostly numbered in runs (a tree imported or added level by
 * level), and two comparisons per row cost far less than looking a value up in a list of
 * thousands: a province's report with its 3,000 unit ids is as fast as one with no condition
 * (docs/benchmarks.md, "Federation hierarchy"). No ids: a condition no row meets.
 */
export function unitIdCondition(column: string, ids: readonly number[], paramPrefix: string): SqlCondition {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  if (sorted.length === 0) return { sql: '1 = 0', params: {} };
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  const single: number[] = [];
  for (let start = 0; start < sorted.length;) {
    let end = start;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end] + 1) end++;
    if (end - start + 1 >= SHORTEST_RANGE) {
      const n = parts.length;
      parts.push(`${column} BETWEEN :${paramPrefix}From${n} AND :${paramPrefix}To${n}`);
      params[`${paramPrefix}From${n}`] = sorted[start];
      params[`${paramPrefix}To${n}`] = sorted[end];
    } else {
      single.push(...sorted.slice(start, end + 1));
    }
    start = end + 1;
  }
  if (single.length > 0) {
    parts.push(`${column} IN (:...${paramPrefix}Ids)`);
    params[`${paramPrefix}Ids`] = single;
  }
  return { sql: parts.length === 1 ? parts[0] : `(${parts.join(' OR ')})`, params };
}
