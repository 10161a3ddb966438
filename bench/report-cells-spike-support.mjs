// What the two issue 17 layout experiments (report-cells-spike.mjs, report-cells-spike2.mjs)
// share: the connection, the direct SQL they are compared with, their answers put in one
// comparable form, and a timed query.
import mysql from 'mysql2/promise';

/**
 * Rows of (grp, enterprises, employees, covered, employeesCovered) as one string, groups summed
 * and sorted, groups with nothing left out: equal strings are equal answers.
 */
export function normal(rows) {
  const out = {};
  for (const r of rows) {
    const t = (out[String(r.grp)] ??= [0, 0, 0, 0]);
    t[0] += Number(r.enterprises);
    t[1] += Number(r.employees);
    t[2] += Number(r.covered);
    t[3] += Number(r.employeesCovered);
  }
  for (const key of Object.keys(out)) if (out[key].every((x) => x === 0)) delete out[key];
  return JSON.stringify(Object.entries(out).sort());
}

/** Runs a statement on a mysql2 connection and answers its rows and how long it took. */
export async function timed(db, sql, params) {
  const t = performance.now();
  const [rows] = await db.query(sql, params);
  return { ms: performance.now() - t, rows };
}

/** A connection to the bench database of BENCH_REPORT_DATABASE_URL (its name must say "bench"). */
export async function benchConnection(options = {}) {
  const url = new URL(process.env.BENCH_REPORT_DATABASE_URL ?? '');
  if (!/bench/.test(url.pathname)) throw new Error('BENCH_REPORT_DATABASE_URL must name a bench database');
  return mysql.createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: url.pathname.slice(1),
    dateStrings: true,
    timezone: 'Z',
    ...options,
  });
}

const RUNNING = `a.agreement_kind = 'wage' AND a.signed_on <= ? AND a.expires_on > ?
  AND (a.terminated_on IS NULL OR a.terminated_on > ?) AND (a.set_aside_on IS NULL OR a.set_aside_on > ?)`;

/**
 * The anchor: the signing rates of a unit's subtree on `asOf` (wage, unionised base, signed)
 * counted from the base tables, grouped by `grp` (an expression over `e` and its unit `e_u`).
 */
export function directSigningRates(grp, unitPath, asOf) {
  return [
    `SELECT ${grp} AS grp, COUNT(*) AS enterprises, SUM(e.employee_count) AS employees,
    COUNT(cov.enterprise_id) AS covered, SUM(CASE WHEN cov.enterprise_id IS NULL THEN 0 ELSE e.employee_count END) AS employeesCovered
  FROM enterprises e JOIN org_units e_u ON e_u.id = e.org_unit_id
  LEFT JOIN (SELECT DISTINCT ne.enterprise_id FROM negotiation_enterprises ne
    WHERE ne.negotiation_id IN (SELECT a.negotiation_id FROM agreements a WHERE ${RUNNING})) cov ON cov.enterprise_id = e.id
  WHERE (e.registered_on IS NULL OR e.registered_on <= ?) AND (e.closed_on IS NULL OR e.closed_on > ?)
    AND e.union_founded_on IS NOT NULL AND e.union_founded_on <= ? AND e_u.path LIKE ?
  GROUP BY 1`,
    [asOf, asOf, asOf, asOf, asOf, asOf, asOf, `${unitPath}%`],
  ];
}
