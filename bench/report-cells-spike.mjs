// A design experiment for issue 17 (maintained report aggregates), not a benchmark of the
// product: on the data `npm run bench:report` generates (BENCH_REPORT_DATABASE_URL), it builds
// one candidate layout of the aggregates beside the app's tables and times its reads against the
// direct SQL of the same report, comparing every answer. Results: docs/benchmarks.md,
// "Maintained aggregates (issue 17)", "Experiment: year and month cells with the month's steps".
//
// The layout:
//   spk_steps  one row per enterprise and day on which its counts step (src/reports/rates/
//              coverage-steps.ts), with its units (province … township) and grouping values;
//   spk_cells  per cell (a unit at the province, city or county level × one grouping: all,
//              ownership type, industry, township, instructor, or the child unit on the way down;
//              a township unit: all only) the steps summed by year (bucket yyyy00) and by month
//              (bucket yyyymm).
// A report on day D: the cell's years before D's year, its months of D's year before D's month,
// and the steps of D's month up to D in the scope (spk_steps by day).
//
//   BENCH_REPORT_DATABASE_URL=mariadb://root@127.0.0.1:3306/wagetrack_bench_report_i17 \
//     node bench/report-cells-spike.mjs            # REBUILD=0 reuses the tables; DATES=n (6)
import { performance } from 'node:perf_hooks';
import { mulberry32 } from './random.mjs';
import { benchConnection, directSigningRates, normal, timed } from './report-cells-spike-support.mjs';

const { coverageSteps, STEP_MEASURES } = await import('../dist/src/reports/rates/coverage-steps.js');

const db = await benchConnection({ multipleStatements: true });
const log = (...xs) => console.error('[spike]', ...xs);
const M = STEP_MEASURES.length;
const COLS = STEP_MEASURES.flatMap((_, i) => [`e${i}`, `p${i}`]);
const BASE = STEP_MEASURES.indexOf('unionised');
const COVERED = STEP_MEASURES.indexOf('covered:wage:signed:unionised');

// ---------------------------------------------------------------------------------------
// Units: every unit's ancestors by level.
const [unitRows] = await db.query('SELECT id, level, path FROM org_units');
const units = new Map(unitRows.map((u) => [u.id, u]));
const LEVELS = ['province', 'city', 'county', 'township'];
function ancestors(unitId) {
  const out = { province: null, city: null, county: null, township: null };
  const u = units.get(unitId);
  if (!u) return out;
  for (const id of u.path.split('/').filter(Boolean).map(Number)) out[units.get(id).level] = id;
  return out;
}

// ---------------------------------------------------------------------------------------
// Rebuild: steps computed in Node, cells summed by SQL.
async function rebuild() {
  const started = performance.now();
  await db.query(`DROP TABLE IF EXISTS spk_steps, spk_cells`);
  await db.query(`CREATE TABLE spk_steps (
    enterprise_id INT NOT NULL, day DATE NOT NULL,
    province_id INT NULL, city_id INT NULL, county_id INT NULL, township_id INT NULL,
    ownership_type VARCHAR(20) NOT NULL, industry VARCHAR(4) NULL, township VARCHAR(50) NULL,
    instructor VARCHAR(12) NOT NULL,
    ${COLS.map((c) => `${c} INT NOT NULL`).join(', ')},
    PRIMARY KEY (enterprise_id, day), KEY IDX_spk_steps_day (day)
  ) ENGINE=InnoDB`);
  await db.query(`CREATE TABLE spk_cells (
    unit_id INT NOT NULL, dim TINYINT NOT NULL, val VARCHAR(50) NOT NULL, bucket INT NOT NULL,
    ${COLS.map((c) => `${c} INT NOT NULL`).join(', ')},
    PRIMARY KEY (unit_id, dim, val, bucket)
  ) ENGINE=InnoDB`);
  const CHUNK = 20_000;
  let rows = 0;
  let enterprises = 0;
  const [[{ maxId }]] = await db.query('SELECT MAX(id) AS maxId FROM enterprises');
  for (let from = 1; from <= maxId; from += CHUNK) {
    const to = from + CHUNK - 1;
    const [es] = await db.query(
      `SELECT id, registered_on, closed_on, union_founded_on, employee_count, org_unit_id, ownership_type,
        industry, township, instructor_id FROM enterprises WHERE id BETWEEN ? AND ?`,
      [from, to],
    );
    const [as] = await db.query(
      `SELECT ne.enterprise_id, a.agreement_kind, a.signed_on, a.effective_on, a.expires_on, a.terminated_on, a.set_aside_on
        FROM negotiation_enterprises ne JOIN agreements a ON a.negotiation_id = ne.negotiation_id
        WHERE ne.enterprise_id BETWEEN ? AND ?`,
      [from, to],
    );
    const byEnterprise = new Map();
    for (const a of as) {
      const list = byEnterprise.get(a.enterprise_id) ?? [];
      list.push({
        agreementKind: a.agreement_kind,
        signedOn: a.signed_on,
        effectiveOn: a.effective_on,
        expiresOn: a.expires_on,
        terminatedOn: a.terminated_on,
        setAsideOn: a.set_aside_on,
      });
      byEnterprise.set(a.enterprise_id, list);
    }
    const values = [];
    for (const e of es) {
      enterprises += 1;
      const steps = coverageSteps(
        {
          registeredOn: e.registered_on,
          closedOn: e.closed_on,
          unionFoundedOn: e.union_founded_on,
          employeeCount: e.employee_count,
        },
        byEnterprise.get(e.id) ?? [],
      );
      const days = new Map();
      for (const step of steps) {
        const day = step.day === '0001-01-01' ? '1000-01-01' : step.day;
        const v = days.get(day) ?? new Array(2 * M).fill(0);
        const i = STEP_MEASURES.indexOf(step.measure);
        v[2 * i] += step.enterprises;
        v[2 * i + 1] += step.employees;
        days.set(day, v);
      }
      const up = ancestors(e.org_unit_id);
      for (const [day, v] of days) {
        if (v.every((x) => x === 0)) continue;
        values.push([
          e.id,
          day,
          up.province,
          up.city,
          up.county,
          up.township,
          e.ownership_type,
          e.industry,
          e.township,
          e.instructor_id === null ? 'none' : String(e.instructor_id),
          ...v,
        ]);
      }
    }
    for (let i = 0; i < values.length; i += 2000) {
      await db.query(
        `INSERT INTO spk_steps (enterprise_id, day, province_id, city_id, county_id, township_id, ownership_type,
          industry, township, instructor, ${COLS.join(', ')}) VALUES ?`,
        [values.slice(i, i + 2000)],
      );
    }
    rows += values.length;
  }
  const stepsS = (performance.now() - started) / 1000;
  log(
    `steps: ${enterprises} enterprises, ${rows} rows (${(rows / enterprises).toFixed(2)} each), ${stepsS.toFixed(0)} s`,
  );
  const sums = COLS.map((c) => `SUM(${c})`).join(', ');
  const DIMS = [
    [0, `''`],
    [1, 'ownership_type'],
    [2, `COALESCE(industry, '')`],
    [3, `COALESCE(township, '')`],
    [4, 'instructor'],
  ];
  const childOf = { province: 'city_id', city: 'county_id', county: 'township_id' };
  for (const level of ['province', 'city', 'county', 'township']) {
    const dims = level === 'township' ? [DIMS[0]] : [...DIMS, [5, `COALESCE(${childOf[level]}, 'none')`]];
    for (const [dim, expr] of dims) {
      for (const bucket of ['YEAR(day) * 100', 'YEAR(day) * 100 + MONTH(day)']) {
        await db.query(
          `INSERT INTO spk_cells (unit_id, dim, val, bucket, ${COLS.join(', ')})
           SELECT ${level}_id, ${dim}, ${expr}, ${bucket}, ${sums} FROM spk_steps
           WHERE ${level}_id IS NOT NULL GROUP BY 1, 2, 3, 4`,
        );
      }
    }
  }
  const [[{ n }]] = await db.query('SELECT COUNT(*) AS n FROM spk_cells');
  log(`cells: ${n} rows; rebuild ${((performance.now() - started) / 1000).toFixed(0)} s in all`);
}

if (process.env.REBUILD !== '0') await rebuild();

// ---------------------------------------------------------------------------------------
// Reads.
const GROUPS = {
  ownershipType: { dim: 1, step: 'ownership_type', hand: 'e.ownership_type' },
  industry: { dim: 2, step: `COALESCE(industry, '')`, hand: `COALESCE(e.industry, '')` },
  township: { dim: 3, step: `COALESCE(township, '')`, hand: `COALESCE(e.township, '')` },
  orgUnit: { dim: 5 },
};
function cellSql(unit, groupBy) {
  const g = GROUPS[groupBy];
  const child = { province: 'city_id', city: 'county_id' }[unit.level];
  const stepGroup = groupBy === 'orgUnit' ? `COALESCE(${child}, 'none')` : g.step;
  const pick = `e${BASE}, p${BASE}, e${COVERED}, p${COVERED}`;
  return `SELECT grp, SUM(e${BASE}) AS enterprises, SUM(p${BASE}) AS employees, SUM(e${COVERED}) AS covered,
      SUM(p${COVERED}) AS employeesCovered FROM (
    SELECT val AS grp, ${pick} FROM spk_cells WHERE unit_id = ? AND dim = ${g.dim}
      AND ((bucket < ? AND bucket % 100 = 0) OR (bucket > ? AND bucket < ?))
    UNION ALL
    SELECT ${stepGroup}, ${pick} FROM spk_steps WHERE day BETWEEN ? AND ? AND ${unit.level}_id = ?
  ) x GROUP BY grp`;
}
function cellParams(unit, asOf) {
  const [y, m] = asOf.split('-').map(Number);
  return [unit.id, y * 100, y * 100, y * 100 + m, `${asOf.slice(0, 7)}-01`, asOf, unit.id];
}
/**
 * The direct SQL's grouping of the same report; orgUnit: the child unit on the way down (the
 * path's segment after the unit's own, 'none' for the unit's own enterprises).
 */
function handGroup(unit, groupBy) {
  if (groupBy !== 'orgUnit') return GROUPS[groupBy].hand;
  const depth = unit.path.split('/').length;
  return `COALESCE(NULLIF(SUBSTRING_INDEX(SUBSTRING_INDEX(e_u.path, '/', ${depth}), '/', -1), ''), 'none')`;
}

const random = mulberry32(Number(process.env.SEED ?? 17));
const dates = ['2026-06-30'];
const from = Date.parse('2016-11-24');
for (let i = 1; i < Number(process.env.DATES ?? 6); i++) {
  // half of the dates in the three years the generated agreements run
  const start = i % 2 ? Date.parse('2023-11-24') : from;
  dates.push(new Date(start + random() * (Date.parse('2026-11-24') - start)).toISOString().slice(0, 10));
}
log('dates', dates.join(' '));
const province = unitRows.find((u) => u.level === 'province');
const [[{ city }]] = await db.query(
  `SELECT city_id AS city FROM spk_steps WHERE city_id IS NOT NULL GROUP BY city_id ORDER BY COUNT(*) DESC LIMIT 1`,
);
log('scopes: province', province.id, 'city', city);
const scopes = [province, units.get(city)];
// What to read (a partial rebuild has the cells of the first levels and groupings only):
// PROVINCE_GROUPBYS and CITY_GROUPBYS, comma-separated (default: all four each).
const wanted = (name) => (process.env[name] ?? Object.keys(GROUPS).join(',')).split(',').filter(Boolean);
let differ = 0;
for (const unit of scopes) {
  for (const groupBy of wanted(`${unit.level.toUpperCase()}_GROUPBYS`)) {
    const cell = [];
    const hand = [];
    for (const asOf of dates) {
      const a = await timed(db, cellSql(unit, groupBy), cellParams(unit, asOf));
      const b = await timed(db, ...directSigningRates(handGroup(unit, groupBy), unit.path, asOf));
      if (normal(a.rows) !== normal(b.rows)) {
        differ += 1;
        log(
          `MISMATCH ${unit.level} ${groupBy} ${asOf}`,
          normal(a.rows).slice(0, 300),
          normal(b.rows).slice(0, 300),
        );
      }
      cell.push(a.ms);
      hand.push(b.ms);
    }
    const p50 = (xs) => [...xs.slice(1)].sort((x, y) => x - y)[Math.floor((xs.length - 1) / 2)];
    console.log(
      `${unit.level} ${unit.id} groupBy=${groupBy}: cells p50 ${p50(cell).toFixed(1)} ms (max ${Math.max(...cell.slice(1)).toFixed(1)}), direct SQL p50 ${p50(hand).toFixed(0)} ms, ratio ${(p50(hand) / p50(cell)).toFixed(0)}×`,
    );
  }
}
console.log(differ === 0 ? 'answers equal in every round' : `DIFFER in ${differ} rounds`);
await db.end();
process.exit(differ === 0 ? 0 : 1);
