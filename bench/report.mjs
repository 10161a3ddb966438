// `npm run bench:report`: the signing-rate report (GET /api/v1/reports/signing-rates, grouped
// by sector and by township, one asOf) on a large county, through the built app over HTTP,
// against an anchor in the same run: one hand-written SQL statement per grouping computing the
// same four numbers per group, run with mysql2 / better-sqlite3 directly. Both must give equal
// numbers for every group. Goals (issue 5): MariaDB 1,000,000 enterprises ≤ 2× the hand SQL
// and ≤ 1.5 s; SQLite 100,000 enterprises ≤ 1 s.
//
// Per database:
//   1. schema by the app's own migrations (dist/src/cli/migrate.js run); data from
//      bench/report-data.mjs in multi-row INSERTs (MariaDB: generated once into
//      `wagetrack_bench_report` and reused while the generator's parameters are the same;
//      SQLite: a new temp file each run), then ANALYZE;
//   2. the app (node dist/src/main.js, LOG_LEVEL=warn, SCHEDULER=off) on it, admin login;
//   3. per grouping: one unmeasured call of each, then RUNS rounds of app then anchor; medians.
//
//   sqlite-import: the same county on a new SQLite file, but brought in as an office would:
//      the roster and the agreements as CSV files through the import API of the running app
//      (bench/report-import.mjs), and no ANALYZE by the benchmark: the planner statistics are
//      whatever the app keeps by itself (issue 14 item 19). Measured there besides: the gap
//      list (target-gaps, non_public) and the 12-month trend up to AS_OF, the two slowest
//      reports before the app kept its statistics.
//
// Environment (all optional):
//   DATABASES                  mariadb,sqlite,sqlite-import (default all three)
//   BENCH_REPORT_DATABASE_URL  default mariadb://root@127.0.0.1:3306/wagetrack_bench_report
//   MARIADB_ENTERPRISES        default 1000000
//   SQLITE_ENTERPRISES         default 100000
//   IMPORT_ENTERPRISES         default 5000 (sqlite-import; its agreements import one by one)
//   AS_OF                      default 2026-06-30
//   RUNS                       measured rounds per grouping, default 5
//   REGENERATE=1               drop and regenerate the MariaDB data even if it matches
//   APP_ENTRY                  the app's entry point, default dist/src/main.js
//   APP_LOG_LEVEL              the app's LOG_LEVEL, default warn
//   PREPARE_SQL, CLEANUP_SQL   statements separated by ";" run on each database before the app
//                              starts and after the measurements (e.g. candidate indexes:
//                              CREATE INDEX … / DROP INDEX …); the indexes line shows the result
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import { COLUMNS, rows } from './report-data.mjs';
import { importCounty } from './report-import.mjs';

const root = new URL('..', import.meta.url).pathname;
const DATABASES = (process.env.DATABASES ?? 'mariadb,sqlite,sqlite-import').split(',').filter(Boolean);
const mariadbUrl =
  process.env.BENCH_REPORT_DATABASE_URL ?? 'mariadb://root@127.0.0.1:3306/wagetrack_bench_report';
const SIZES = {
  mariadb: Number(process.env.MARIADB_ENTERPRISES ?? 1_000_000),
  sqlite: Number(process.env.SQLITE_ENTERPRISES ?? 100_000),
  'sqlite-import': Number(process.env.IMPORT_ENTERPRISES ?? 5_000),
};
const AS_OF = process.env.AS_OF ?? '2026-06-30';
const RUNS = Number(process.env.RUNS ?? 5);
const GOALS = { mariadb: 1500, sqlite: 1000, 'sqlite-import': 1000 };
const GENERATOR = { version: 2, seed: 20261125, until: '2026-11-24' };
const GROUPINGS = ['sector', 'township'];
/** The other reports measured on imported data: the gap list and the 12-month trend up to AS_OF. */
const trendTo = AS_OF.slice(0, 7);
const trendFrom = (() => {
  const [y, m] = trendTo.split('-').map(Number);
  const index = y * 12 + m - 1 - 11;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
})();
const EXTRA_REPORTS = [
  ['target-gaps (non_public)', `/api/v1/reports/target-gaps?asOf=${AS_OF}&sector=non_public`],
  [
    `trend ${trendFrom}…${trendTo} (sector)`,
    `/api/v1/reports/trend?from=${trendFrom}&to=${trendTo}&groupBy=sector`,
  ],
];
const log = (message) => console.error(`[bench:report] ${message}`);

// ---------------------------------------------------------------------------------------
// The anchor: one statement per grouping. Open on asOf, unionised by asOf (the default base),
// covered = listed by an agreement of the kind (own or regional), signed by asOf, not expired,
// terminated or set aside by asOf (docs/domain.md, Signing rate); the DISTINCT set counts an
// enterprise covered twice once. The shape of the covered set is the fastest of those tried on
// each database (see docs/benchmarks.md): on MariaDB `IN (…)`, which it runs as a semi-join
// that materialises the running agreements once and reads negotiation_enterprises in one
// pass; on SQLite a join (there the IN form took over a minute, as SQLite probes it per row).
// A correlated EXISTS per enterprise was 1.4–3× slower than the app on both.

const SECTOR_SQL = `CASE WHEN e.ownership_type IN ('state_owned', 'state_controlled') THEN 'state'
  WHEN e.ownership_type = 'collective' THEN 'collective'
  WHEN e.ownership_type IN ('private', 'hk_macao_taiwan', 'foreign') THEN 'non_public'
  ELSE 'other' END`;
const GROUP_SQL = { sector: SECTOR_SQL, township: 'e.township' };
const RUNNING = `a.agreement_kind = 'wage' AND a.signed_on <= ? AND a.expires_on > ?
      AND (a.terminated_on IS NULL OR a.terminated_on > ?)
      AND (a.set_aside_on IS NULL OR a.set_aside_on > ?)`;
const COVERED_SQL = {
  mariadb: `SELECT DISTINCT ne.enterprise_id FROM negotiation_enterprises ne
    WHERE ne.negotiation_id IN (SELECT a.negotiation_id FROM agreements a WHERE ${RUNNING})`,
  sqlite: `SELECT DISTINCT ne.enterprise_id FROM agreements a
    JOIN negotiation_enterprises ne ON ne.negotiation_id = a.negotiation_id WHERE ${RUNNING}`,
};

const handSql = (groupBy, db) => `
SELECT ${GROUP_SQL[groupBy]} AS grp, COUNT(*) AS enterprises, SUM(e.employee_count) AS employees,
  COUNT(cov.enterprise_id) AS covered,
  SUM(CASE WHEN cov.enterprise_id IS NULL THEN 0 ELSE e.employee_count END) AS employeesCovered
FROM enterprises e
LEFT JOIN (${COVERED_SQL[db]}) cov ON cov.enterprise_id = e.id
WHERE (e.registered_on IS NULL OR e.registered_on <= ?) AND (e.closed_on IS NULL OR e.closed_on > ?)
  AND e.union_founded_on IS NOT NULL AND e.union_founded_on <= ?
GROUP BY 1`;
const handParams = () => Array(7).fill(AS_OF);

// ---------------------------------------------------------------------------------------
// Helpers

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

function httpGet(url, headers) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function runNode(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.once('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${args.join(' ')} exited ${code}: ${out}`)),
    );
  });
}

async function startApp(databaseUrl, extraEnv) {
  const port = await freePort();
  const adminPassword = `bench-${randomBytes(9).toString('base64url')}`;
  const child = spawn(process.execPath, [process.env.APP_ENTRY ?? join(root, 'dist/src/main.js')], {
    cwd: root,
    env: {
      ...process.env,
      ...extraEnv,
      DATABASE_URL: databaseUrl,
      BOOTSTRAP_ADMIN_PASSWORD: adminPassword,
      LOG_LEVEL: process.env.APP_LOG_LEVEL ?? 'warn',
      SCHEDULER: 'off',
      HOST: '127.0.0.1',
      PORT: String(port),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let exited = null;
  child.once('exit', (code, signal) => {
    exited = { code, signal };
    if (!stopping) log(`the app exited unexpectedly: ${JSON.stringify(exited)}`);
  });
  let stopping = false;
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (exited) throw new Error(`the app exited during start-up (${JSON.stringify(exited)})`);
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error('the app did not answer GET /health 200 within 300 s');
    }
    try {
      if ((await fetch(`${base}/health`)).status === 200) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: adminPassword }),
  });
  if (res.status !== 200) throw new Error(`login → ${res.status}: ${await res.text()}`);
  const { accessToken } = await res.json();
  const authorization = `Bearer ${accessToken}`;
  return {
    /** Any report path with its query: `{ ms, body }`. */
    async get(pathAndQuery) {
      const started = performance.now();
      const { status, text } = await httpGet(`${base}${pathAndQuery}`, { authorization });
      const ms = performance.now() - started;
      if (status !== 200) throw new Error(`${pathAndQuery} → ${status}: ${text.slice(0, 500)}`);
      return { ms, body: JSON.parse(text) };
    },
    /** A CSV file to an import route: its answer. */
    async upload(path, csv, name) {
      const form = new FormData();
      form.append('file', new Blob([csv], { type: 'text/csv' }), name);
      const answer = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { authorization },
        body: form,
      });
      if (answer.status !== 200)
        throw new Error(`${path} → ${answer.status}: ${(await answer.text()).slice(0, 500)}`);
      return answer.json();
    },
    async report(groupBy) {
      // A new connection per call (node:http, no agent): the synchronous SQLite anchor blocks
      // this process for a while, and a kept-alive socket the app has closed meanwhile would
      // be reused.
      const started = performance.now();
      const { status, text } = await httpGet(
        `${base}/api/v1/reports/signing-rates?asOf=${AS_OF}&groupBy=${groupBy}`,
        { authorization: `Bearer ${accessToken}` },
      ).catch((error) => {
        throw new Error(
          `signing-rates: ${error.message}; the app ${exited ? `exited ${JSON.stringify(exited)}` : 'is running'}`,
        );
      });
      const ms = performance.now() - started;
      if (status !== 200) throw new Error(`signing-rates → ${status}: ${text.slice(0, 500)}`);
      return { ms, body: JSON.parse(text) };
    },
    async stop() {
      stopping = true;
      if (exited) return exited.code;
      const exit = new Promise((r) => child.once('exit', (code) => r(code)));
      child.kill('SIGTERM');
      return exit;
    },
  };
}

// ---------------------------------------------------------------------------------------
// Databases. Each returns { label, url, env, hand(groupBy) → rows, close() }.

async function loadRows(E, insert) {
  const started = performance.now();
  const counts = {};
  const buffers = Object.fromEntries(Object.keys(COLUMNS).map((t) => [t, []]));
  for (const [table, row] of rows({ enterprises: E, seed: GENERATOR.seed, until: GENERATOR.until })) {
    counts[table] = (counts[table] ?? 0) + 1;
    const buffer = buffers[table];
    buffer.push(row);
    if (buffer.length >= 2000) {
      buffers[table] = [];
      await insert(table, buffer);
    }
  }
  for (const [table, buffer] of Object.entries(buffers)) if (buffer.length) await insert(table, buffer);
  log(`  inserted ${JSON.stringify(counts)} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

async function openMariadb(E) {
  const url = new URL(mariadbUrl);
  const dbName = url.pathname.slice(1);
  if (!/bench/.test(dbName))
    throw new Error(`refusing to use database "${dbName}": its name must contain "bench"`);
  const options = {
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    timezone: 'Z',
    dateStrings: true,
  };
  const env = { JWT_SECRET: randomBytes(30).toString('base64url') };
  const wanted = JSON.stringify({ ...GENERATOR, enterprises: E });
  const admin = await mysql.createConnection(options);
  const [[server]] = await admin.query('SELECT VERSION() AS version, @@innodb_buffer_pool_size AS pool');
  let reuse = false;
  if (process.env.REGENERATE !== '1') {
    try {
      const [[meta]] = await admin.query(
        `SELECT v FROM \`${dbName}\`.bench_report_meta WHERE k = 'generator'`,
      );
      reuse = meta?.v === wanted;
    } catch {
      /* no such database or table yet */
    }
  }
  if (!reuse) {
    await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
    await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  }
  await admin.end();
  log('MariaDB: migrations');
  await runNode([join(root, 'dist/src/cli/migrate.js'), 'run'], { DATABASE_URL: mariadbUrl, ...env });
  const pool = mysql.createPool({ ...options, database: dbName, connectionLimit: 2 });
  if (reuse) {
    log(`MariaDB: reusing the data generated by an earlier run (${wanted})`);
  } else {
    log(`MariaDB: generating ${E} enterprises`);
    const conns = [await pool.getConnection(), await pool.getConnection()];
    for (const c of conns) await c.query('SET SESSION unique_checks = 0, foreign_key_checks = 0');
    // Two connections, so that MariaDB inserts while this process builds the next statement.
    const inflight = new Set();
    let turn = 0;
    const quote = (v) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v}'`);
    await loadRows(E, async (table, batch) => {
      const sql = `INSERT INTO ${table} (${COLUMNS[table].join(', ')}) VALUES ${batch.map((r) => `(${r.map(quote).join(',')})`).join(',')}`;
      while (inflight.size >= conns.length) await Promise.race(inflight);
      const p = conns[turn++ % conns.length].query(sql).finally(() => inflight.delete(p));
      inflight.add(p);
    });
    await Promise.all(inflight);
    for (const c of conns) c.release();
    const started = performance.now();
    for (const table of Object.keys(COLUMNS)) await pool.query(`ANALYZE TABLE ${table}`);
    log(`  ANALYZE TABLE in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    await pool.query('CREATE TABLE bench_report_meta (k VARCHAR(50) PRIMARY KEY, v TEXT)');
    await pool.query("INSERT INTO bench_report_meta (k, v) VALUES ('generator', ?)", [wanted]);
  }
  // The app creates its admin only in a database without users: start from none every run.
  await pool.query('DELETE FROM users');
  const listIndexes = async () =>
    (
      await pool.query(
        `SELECT table_name AS t, index_name AS i, GROUP_CONCAT(column_name ORDER BY seq_in_index) AS c, MAX(ignored) AS ignored
         FROM information_schema.statistics WHERE table_schema = ? AND table_name IN ('enterprises', 'negotiation_enterprises', 'agreements')
         GROUP BY table_name, index_name ORDER BY table_name, index_name`,
        [dbName],
      )
    )[0].map((x) => `${x.t}.${x.i}(${x.c})${x.ignored === 'YES' ? ' IGNORED' : ''}`);
  return {
    label: `MariaDB ${server.version} (buffer pool ${Math.round(server.pool / 2 ** 20)} MB)`,
    key: 'mariadb',
    url: mariadbUrl,
    env,
    listIndexes,
    hand: async (groupBy) => (await pool.query(handSql(groupBy, 'mariadb'), handParams()))[0],
    explainHand: async (groupBy) =>
      (await pool.query(`EXPLAIN ${handSql(groupBy, 'mariadb')}`, handParams()))[0],
    query: async (sql, params) => (await pool.query(sql, params))[0],
    close: () => pool.end(),
  };
}

async function openSqlite(E, { throughApi = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'wagetrack-bench-report-'));
  const file = join(dir, 'bench.sqlite');
  const url = `sqlite:${file}`;
  log('SQLite: migrations');
  await runNode([join(root, 'dist/src/cli/migrate.js'), 'run'], { DATABASE_URL: url });
  const db = new Database(file);
  if (throughApi)
    return sqliteBench(db, dir, url, 'sqlite-import', async (app) => {
      log(
        `SQLite: importing ${E} enterprises and their agreements through the API (no ANALYZE by the bench)`,
      );
      const today = new Date().toISOString().slice(0, 10);
      return importCounty(app, { enterprises: E, ...GENERATOR, today }, log);
    });
  log(`SQLite: generating ${E} enterprises`);
  db.pragma('foreign_keys = OFF');
  const statements = Object.fromEntries(
    Object.entries(COLUMNS).map(([t, cols]) => [
      t,
      db.prepare(`INSERT INTO ${t} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`),
    ]),
  );
  const insertMany = db.transaction((table, batch) => {
    for (const r of batch) statements[table].run(r);
  });
  await loadRows(E, async (table, batch) => insertMany(table, batch));
  db.exec('ANALYZE');
  db.pragma('foreign_keys = ON');
  return sqliteBench(db, dir, url, 'sqlite');
}

/** Queries on a SQLite bench database; `load(app)` fills it through the running app, if given. */
function sqliteBench(db, dir, url, key, load) {
  const listIndexes = async () =>
    db
      .prepare(
        "SELECT m.name AS t, il.name AS i, (SELECT group_concat(name) FROM pragma_index_info(il.name)) AS c FROM sqlite_master m, pragma_index_list(m.name) il WHERE m.type = 'table' AND m.name IN ('enterprises', 'negotiation_enterprises', 'agreements') ORDER BY 1, 2",
      )
      .all()
      .map((x) => `${x.t}.${x.i}(${x.c})`);
  return {
    label: `SQLite ${db.prepare('SELECT sqlite_version() AS v').get().v} (better-sqlite3, WAL)${load ? ', data through the import API' : ''}`,
    key,
    url,
    env: {},
    load,
    /** What the app wrote to sqlite_stat1 (nothing else writes it in an imported database). */
    statistics: () =>
      db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'").get().n
        ? db
            .prepare(
              'SELECT tbl, max(CAST(stat AS INTEGER)) AS n FROM sqlite_stat1 GROUP BY tbl ORDER BY tbl',
            )
            .all()
        : [],
    listIndexes,
    hand: async (groupBy) => db.prepare(handSql(groupBy, 'sqlite')).all(...handParams()),
    explainHand: async (groupBy) =>
      db.prepare(`EXPLAIN QUERY PLAN ${handSql(groupBy, 'sqlite')}`).all(...handParams()),
    query: async (sql, params = []) => {
      const statement = db.prepare(sql);
      return statement.reader ? statement.all(...params) : statement.run(...params);
    },
    close: async () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------
// Comparing numbers

const FIELDS = ['enterprises', 'covered', 'employees', 'employeesCovered'];

function byGroup(rowsIn) {
  const map = new Map();
  for (const row of rowsIn)
    map.set(String(row.grp ?? row.group), Object.fromEntries(FIELDS.map((f) => [f, Number(row[f] ?? 0)])));
  return map;
}

/** Differences between the app's rows and the anchor's, per group (a group absent on one side counts as zeros). */
function compare(appBody, handRows) {
  const app = byGroup(appBody.rows);
  const hand = byGroup(handRows);
  const zero = Object.fromEntries(FIELDS.map((f) => [f, 0]));
  const diffs = [];
  for (const group of new Set([...app.keys(), ...hand.keys()])) {
    const a = app.get(group) ?? zero;
    const h = hand.get(group) ?? zero;
    for (const f of FIELDS) if (a[f] !== h[f]) diffs.push(`${group}.${f}: app ${a[f]}, hand ${h[f]}`);
  }
  const total = Object.fromEntries(FIELDS.map((f) => [f, [...hand.values()].reduce((s, r) => s + r[f], 0)]));
  for (const f of FIELDS)
    if (Number(appBody.total[f]) !== total[f])
      diffs.push(`total.${f}: app ${appBody.total[f]}, hand ${total[f]}`);
  return { diffs, groups: app.size, total };
}

// ---------------------------------------------------------------------------------------
// The run

const statements = (text) =>
  (text ?? '')
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean);

async function benchOn(db) {
  for (const sql of statements(process.env.PREPARE_SQL)) {
    log(`${db.key}: ${sql}`);
    await db.query(sql);
  }
  db.indexes = await db.listIndexes();
  log(`${db.key}: starting the app`);
  const app = await startApp(db.url, db.env);
  const results = [];
  try {
    if (db.load) {
      db.imported = await db.load(app);
      db.stats = db.statistics();
      for (const [name, path] of EXTRA_REPORTS) {
        const ms = [];
        for (let i = 0; i <= RUNS; i++) ms.push((await app.get(path)).ms);
        log(`${db.key} ${name}: ${ms.map((x) => x.toFixed(0)).join(' ')} ms (the first unmeasured)`);
        db.extra = [...(db.extra ?? []), { name, firstMs: ms[0], ms: ms.slice(1) }];
      }
    }
    for (const groupBy of GROUPINGS) {
      // One unmeasured call of each (warms caches for both), then RUNS alternating rounds.
      const first = await app.report(groupBy);
      const firstHand = performance.now();
      await db.hand(groupBy);
      const coldHandMs = performance.now() - firstHand;
      const appMs = [];
      const handMs = [];
      let check = null;
      for (let i = 0; i < RUNS; i++) {
        const a = await app.report(groupBy);
        appMs.push(a.ms);
        const started = performance.now();
        const handRows = await db.hand(groupBy);
        handMs.push(performance.now() - started);
        const c = compare(a.body, handRows);
        if (!check || c.diffs.length) check = c;
      }
      log(
        `${db.key} ${groupBy}: app ${appMs.map((x) => x.toFixed(0)).join(' ')} ms; hand ${handMs.map((x) => x.toFixed(0)).join(' ')} ms`,
      );
      results.push({ groupBy, firstMs: first.ms, coldHandMs, appMs, handMs, check });
    }
  } finally {
    const code = await app.stop();
    if (code !== 0) log(`the app exited with ${code} on SIGTERM`);
    for (const sql of statements(process.env.CLEANUP_SQL)) {
      log(`${db.key}: ${sql}`);
      await db.query(sql);
    }
  }
  return results;
}

const loadAtStart = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const openers = {
  mariadb: openMariadb,
  sqlite: openSqlite,
  'sqlite-import': (E) => openSqlite(E, { throughApi: true }),
};
const lines = [
  `asOf ${AS_OF}, agreementKind wage, base unionised, status signed; ${RUNS} measured rounds per grouping (medians), after one unmeasured call of each`,
];
let failed = false;
for (const key of DATABASES) {
  if (!openers[key]) throw new Error(`unknown database "${key}" in DATABASES (mariadb, sqlite)`);
  const E = SIZES[key];
  const db = await openers[key](E);
  try {
    const results = await benchOn(db);
    // After the run: an imported database is filled by the running app.
    const [[counts]] = [
      await db.query(
        'SELECT (SELECT COUNT(*) FROM enterprises) AS e, (SELECT COUNT(*) FROM agreements) AS a, (SELECT COUNT(*) FROM agreements WHERE scope = ?) AS r, (SELECT COUNT(*) FROM negotiation_enterprises) AS l',
        ['regional'],
      ),
    ];
    lines.push(
      `${db.label}: ${Number(counts.e).toLocaleString('en')} enterprises, ${Number(counts.a).toLocaleString('en')} agreements (${Number(counts.r).toLocaleString('en')} regional), ${Number(counts.l).toLocaleString('en')} negotiation_enterprises rows`,
      `  indexes: ${db.indexes.join(' ')}`,
    );
    if (db.imported) {
      const { counts, timings, skipped } = db.imported;
      lines.push(
        `  imported through the API: ${counts.enterprises.toLocaleString('en')} enterprises in ${(timings.enterprises / 1000).toFixed(0)} s, ${counts.agreements.toLocaleString('en')} agreements in ${(timings.agreements / 1000).toFixed(0)} s (${skipped} of the generator's left out: signed before a member was registered)`,
        `  planner statistics the app wrote (sqlite_stat1, rows per table): ${db.stats.map((s) => `${s.tbl} ${s.n}`).join(', ') || 'NONE'}`,
      );
      for (const r of db.extra)
        lines.push(
          `  ${r.name.padEnd(30)} app ${median(r.ms).toFixed(0).padStart(6)} ms (first ${r.firstMs.toFixed(0)})`,
        );
    }
    for (const r of results) {
      const app = median(r.appMs);
      const hand = median(r.handMs);
      const ok = r.check.diffs.length === 0;
      const met = app <= GOALS[key] && (key !== 'mariadb' || app <= 2 * hand);
      if (!ok) failed = true;
      lines.push(
        `  groupBy=${r.groupBy.padEnd(8)} app ${app.toFixed(0).padStart(6)} ms (first ${r.firstMs.toFixed(0)}), hand SQL ${hand.toFixed(0).padStart(6)} ms (first ${r.coldHandMs.toFixed(0)}), app/hand ${(app / hand).toFixed(2)}×; ` +
          `numbers ${ok ? `equal in all ${r.check.groups} groups` : `DIFFER: ${r.check.diffs.slice(0, 5).join('; ')}`} (total ${r.check.total.covered}/${r.check.total.enterprises} covered); ` +
          `goal ${key === 'mariadb' ? '≤ 2× and ' : ''}≤ ${GOALS[key]} ms: ${met ? 'met' : 'NOT met'}`,
      );
    }
  } finally {
    await db.close();
  }
}
lines.push(
  `load average (1, 5, 15 min) at the start ${loadAtStart}, at the end ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} (2 vCPUs)`,
);
console.log(lines.join('\n'));
if (failed) process.exitCode = 1;
