// The second layout of the issue 17 design experiment (docs/benchmarks.md, "Experiment: year and
// month cells with the month's steps", "A second layout"): run after bench/report-cells-spike.mjs,
// which left the steps in `spk_steps`; this keys them by day (`spk_steps_d`) and builds, for the
// province only, dense running totals at each year's end plus month and ten-day deltas per
// grouping value, then times a date's read (one range per grain and the steps of at most ten
// days) against the direct SQL, comparing every answer. Not a benchmark of the product.
//
//   BENCH_REPORT_DATABASE_URL=mariadb://root@127.0.0.1:3306/wagetrack_bench_report_i17 \
//     node --max-old-space-size=6000 bench/report-cells-spike2.mjs   # REBUILD=0 reuses; DATES=n
import { performance } from 'node:perf_hooks';
import { mulberry32 } from './random.mjs';
import { benchConnection, directSigningRates, normal, timed } from './report-cells-spike-support.mjs';

const { STEP_MEASURES } = await import('../dist/src/reports/rates/coverage-steps.js');

const db = await benchConnection();
const log = (...xs) => console.error('[spike2]', ...xs);
const BASE = STEP_MEASURES.indexOf('unionised');
const COVERED = STEP_MEASURES.indexOf('covered:wage:signed:unionised');
// The four numbers the measured report reads (the first layout carried all 36).
const COLS = [`e${BASE}`, `p${BASE}`, `e${COVERED}`, `p${COVERED}`];
const FLOOR = 1990; // the first running total holds everything up to its year's end
const HORIZON = 2040; // the last year a running total is kept for
const DIMS = { all: 0, ownershipType: 1, industry: 2, township: 3, instructor: 4, orgUnit: 5 };

const [[province]] = await db.query(
  `SELECT id, path FROM org_units WHERE level = 'province' ORDER BY id LIMIT 1`,
);

const dekadOf = (day) => {
  const d = Number(day.slice(8, 10));
  return d <= 10 ? 1 : d <= 20 ? 2 : 3;
};
const dekadStart = (day) => `${day.slice(0, 8)}${['01', '11', '21'][dekadOf(day) - 1]}`;

async function rebuild() {
  const started = performance.now();
  const [[has]] = await db.query(
    `SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'spk_steps_d'`,
  );
  if (Number(has.n) === 0) {
    await db.query(`CREATE TABLE spk_steps_d LIKE spk_steps`);
    await db.query(`ALTER TABLE spk_steps_d DROP PRIMARY KEY, ADD PRIMARY KEY (day, enterprise_id),
      DROP KEY IDX_spk_steps_day, ADD UNIQUE KEY UQ_spk_steps_enterprise (enterprise_id, day)`);
    await db.query(`INSERT INTO spk_steps_d SELECT * FROM spk_steps ORDER BY day, enterprise_id`);
  }
  await db.query(`DROP TABLE IF EXISTS spk2_run, spk2_delta`);
  await db.query(`CREATE TABLE spk2_run (unit_id INT NOT NULL, dim TINYINT NOT NULL, year SMALLINT NOT NULL,
    val VARCHAR(50) NOT NULL, ${COLS.map((c) => `${c} INT NOT NULL`).join(', ')},
    PRIMARY KEY (unit_id, dim, year, val)) ENGINE=InnoDB`);
  await db.query(`CREATE TABLE spk2_delta (unit_id INT NOT NULL, dim TINYINT NOT NULL, bucket INT NOT NULL,
    val VARCHAR(50) NOT NULL, ${COLS.map((c) => `${c} INT NOT NULL`).join(', ')},
    PRIMARY KEY (unit_id, dim, bucket, val)) ENGINE=InnoDB`);
  // One pass over the province's steps: per grouping value, the deltas by year, month (yyyymm)
  // and ten days (yyyymmD, D = 1, 2, 3; bucket kept apart from months by its seventh digit).
  const years = new Map();
  const deltas = new Map();
  const add = (map, key, v) => {
    const t = map.get(key);
    if (t) for (let i = 0; i < 4; i++) t[i] += v[i];
    else map.set(key, [...v]);
  };
  const stream = db.connection.query(
    `SELECT day, ownership_type, COALESCE(industry, '') AS industry, COALESCE(township, '') AS township,
      instructor, COALESCE(city_id, 'none') AS child, ${COLS.join(', ')} FROM spk_steps_d WHERE province_id = ?`,
    [province.id],
  );
  let n = 0;
  await new Promise((resolve, reject) => {
    stream
      .on('result', (r) => {
        n += 1;
        const v = COLS.map((c) => r[c]);
        const y = Math.max(Number(r.day.slice(0, 4)), FLOOR);
        const month = Number(r.day.slice(0, 4)) * 100 + Number(r.day.slice(5, 7));
        const dekad = month * 10 + dekadOf(r.day);
        const vals = [
          [0, ''],
          [1, r.ownership_type],
          [2, r.industry],
          [3, r.township],
          [4, r.instructor],
          [5, String(r.child)],
        ];
        for (const [dim, val] of vals) {
          add(years, `${dim}\t${val}\t${y}`, v);
          if (Number(r.day.slice(0, 4)) >= FLOOR) {
            add(deltas, `${dim}\t${val}\t${month}`, v);
            add(deltas, `${dim}\t${val}\t${dekad}`, v);
          }
        }
      })
      .on('end', resolve)
      .on('error', reject);
  });
  log(`read ${n} steps, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  // Running totals at each year's end, dense from FLOOR to HORIZON.
  const byVal = new Map();
  for (const [key, v] of years) {
    const [dim, val, y] = key.split('\t');
    const list = byVal.get(`${dim}\t${val}`) ?? new Map();
    list.set(Number(y), v);
    byVal.set(`${dim}\t${val}`, list);
  }
  const runRows = [];
  for (const [key, list] of byVal) {
    const [dim, val] = key.split('\t');
    const total = [0, 0, 0, 0];
    for (let y = FLOOR; y <= HORIZON; y++) {
      const v = list.get(y);
      if (v) for (let i = 0; i < 4; i++) total[i] += v[i];
      runRows.push([province.id, Number(dim), y, val, ...total]);
    }
  }
  const deltaRows = [...deltas].map(([key, v]) => {
    const [dim, val, bucket] = key.split('\t');
    return [province.id, Number(dim), Number(bucket), val, ...v];
  });
  for (const [table, rows, cols] of [
    ['spk2_run', runRows, 'unit_id, dim, year, val'],
    ['spk2_delta', deltaRows, 'unit_id, dim, bucket, val'],
  ]) {
    for (let i = 0; i < rows.length; i += 5000)
      await db.query(`INSERT INTO ${table} (${cols}, ${COLS.join(', ')}) VALUES ?`, [
        rows.slice(i, i + 5000),
      ]);
  }
  log(
    `running totals ${runRows.length} rows, deltas ${deltaRows.length} rows; ${((performance.now() - started) / 1000).toFixed(0)} s in all`,
  );
}

if (process.env.REBUILD !== '0') await rebuild();

const STEP_GROUP = {
  ownershipType: 'ownership_type',
  industry: `COALESCE(industry, '')`,
  township: `COALESCE(township, '')`,
  orgUnit: `COALESCE(city_id, 'none')`,
};
const HAND_GROUP = {
  ownershipType: 'e.ownership_type',
  industry: `COALESCE(e.industry, '')`,
  township: `COALESCE(e.township, '')`,
  orgUnit: `COALESCE(NULLIF(SUBSTRING_INDEX(SUBSTRING_INDEX(e_u.path, '/', 3), '/', -1), ''), 'none')`,
};

function cellRead(groupBy, asOf) {
  const y = Number(asOf.slice(0, 4));
  const m = Number(asOf.slice(5, 7));
  const k = dekadOf(asOf);
  const dim = DIMS[groupBy];
  const pick = COLS.join(', ');
  const sql = `SELECT grp, SUM(${COLS[0]}) AS enterprises, SUM(${COLS[1]}) AS employees, SUM(${COLS[2]}) AS covered,
      SUM(${COLS[3]}) AS employeesCovered FROM (
    SELECT val AS grp, ${pick} FROM spk2_run WHERE unit_id = ? AND dim = ? AND year = ?
    UNION ALL
    SELECT val, ${pick} FROM spk2_delta WHERE unit_id = ? AND dim = ? AND bucket BETWEEN ? AND ?
    UNION ALL
    SELECT val, ${pick} FROM spk2_delta WHERE unit_id = ? AND dim = ? AND bucket BETWEEN ? AND ?
    UNION ALL
    SELECT ${STEP_GROUP[groupBy]}, ${pick} FROM spk_steps_d WHERE day BETWEEN ? AND ? AND province_id = ?
  ) x GROUP BY grp`;
  const params = [
    province.id,
    dim,
    y - 1,
    province.id,
    dim,
    y * 100 + 1,
    y * 100 + m - 1, // months of the year before D's
    province.id,
    dim,
    (y * 100 + m) * 10 + 1,
    (y * 100 + m) * 10 + k - 1, // ten-day spans of the month before D's
    dekadStart(asOf),
    asOf,
    province.id,
  ];
  return [sql, params];
}

const handRead = (groupBy, asOf) => directSigningRates(HAND_GROUP[groupBy], province.path, asOf);

const random = mulberry32(Number(process.env.SEED ?? 17));
const dates = ['2026-06-30'];
for (let i = 1; i < Number(process.env.DATES ?? 8); i++) {
  const start = Date.parse(i % 2 ? '2023-11-24' : '2016-11-24');
  dates.push(new Date(start + random() * (Date.parse('2026-11-24') - start)).toISOString().slice(0, 10));
}
log('dates', dates.join(' '));
let differ = 0;
for (const groupBy of (process.env.GROUPBYS ?? Object.keys(STEP_GROUP).join(',')).split(',')) {
  const cell = [];
  const hand = [];
  for (const asOf of dates) {
    const a = await timed(db, ...cellRead(groupBy, asOf));
    const b = process.env.ANCHOR === '0' ? a : await timed(db, ...handRead(groupBy, asOf));
    if (normal(a.rows) !== normal(b.rows)) {
      differ += 1;
      log(`MISMATCH ${groupBy} ${asOf}`, normal(a.rows).slice(0, 200), normal(b.rows).slice(0, 200));
    }
    cell.push(a.ms);
    hand.push(b.ms);
  }
  const rest = (xs) => xs.slice(1).sort((x, y) => x - y);
  const p50 = (xs) => rest(xs)[Math.floor((xs.length - 1) / 2)];
  console.log(
    `province groupBy=${groupBy}: cells p50 ${p50(cell).toFixed(1)} ms (max ${Math.max(...rest(cell)).toFixed(1)}), direct SQL p50 ${p50(hand).toFixed(0)} ms, ratio ${(p50(hand) / p50(cell)).toFixed(0)}×`,
  );
}
console.log(differ === 0 ? 'answers equal in every round' : `DIFFER in ${differ} rounds`);
await db.end();
process.exit(differ === 0 ? 0 : 1);
