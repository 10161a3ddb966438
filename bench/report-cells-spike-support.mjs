// What the two issue 17 layout experiments (report-cells-spike.mjs, report-cells-spike2.mjs)
// share: their answers put in one comparable form, and a timed query.

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
