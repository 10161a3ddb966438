/**
 * SQL conditions on an agreement row (`agreements` under the alias given), shared by every
 * query that asks whether an agreement counts on a day: the reports, the campaigns' eligibility.
 * `at` names the date's parameter. Written once so that "running" means one thing everywhere.
 */

/**
 * Signed by the day and not yet expired, terminated or set aside on it (docs/domain.md, Signing
 * rate: what the reports count by default, status `signed`).
 */
export function agreementRunningSql(alias: string, at: string): string {
  return (
    `(${alias}.signed_on <= :${at} AND ${alias}.expires_on > :${at}` +
    ` AND (${alias}.terminated_on IS NULL OR ${alias}.terminated_on > :${at})` +
    ` AND (${alias}.set_aside_on IS NULL OR ${alias}.set_aside_on > :${at}))`
  );
}

/** Taken effect by the day (status `in_force` adds this to running). */
export function agreementInEffectSql(alias: string, at: string): string {
  return `(${alias}.effective_on IS NOT NULL AND ${alias}.effective_on <= :${at})`;
}
