// `npm run bench:agreements`: what the report aggregates (issue 17) cost the write path that signs.
// Historical agreements (POST /api/v1/agreements/historical: an agreement row, the enterprise it
// lists counted anew) through the API on MariaDB, by two builds of the app in the same run: the
// build measured (APP_ENTRY, default dist/src/main.js) and the build before the aggregates
// (BEFORE_ENTRY), each on a database of its own with the same enterprises. Rounds alternate
// (before, measured, before, measured…) so that a machine whose speed drifts weighs on both;
// printed per round and in all: agreements/s, p50 and p99 latency, and measured/before.
//
// The build before, e.g. main before issue 17's aggregates:
//   git worktree add /tmp/before db1c644 && ln -s /work/main/node_modules /tmp/before/node_modules \
//     && (cd /tmp/before && npm run build:shared && npm run build:server)
//   BEFORE_ENTRY=/tmp/before/dist/src/main.js npm run bench:agreements
// Without BEFORE_ENTRY only the measured build runs.
//
// Environment (all optional):
//   BENCH_DATABASE_URL  default mariadb://root@127.0.0.1:3306/wagetrack_bench_agreements; the
//                       builds use it with suffixes _a (before) and _b (measured), dropped and
//                       recreated every run (the name must contain "bench")
//   N                   enterprises per database (each agreement lists a new one), default 40000
//   ROUNDS              rounds per build, default 3
//   DURATION            seconds per round, default 10
//   CONNECTIONS         concurrent clients, default 16
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { creditCode } from './credit-code.mjs';
import {
  api,
  benchDatabase,
  daysAgo,
  freePort,
  percentile,
  runCli,
  startApp,
  stopApp,
} from './support/app.mjs';

const root = new URL('..', import.meta.url).pathname;
const N = Number(process.env.N ?? 40_000);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const DURATION = Number(process.env.DURATION ?? 10);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 16);
const baseUrl = process.env.BENCH_DATABASE_URL ?? 'mariadb://root@127.0.0.1:3306/wagetrack_bench_agreements';

const log = (message) => console.error(`[bench:agreements] ${message}`);

/** The enterprises, by multi-row INSERT, spread over the root unit's township names, registered over 1990–2019. */
async function insertEnterprises(pool, unitId) {
  const CHUNK = 5000;
  for (let start = 0; start < N; start += CHUNK) {
    const rows = [];
    for (let n = start; n < Math.min(N, start + CHUNK); n++) {
      const registered = new Date(Date.UTC(1990 + (n % 30), n % 12, 1 + (n % 28))).toISOString().slice(0, 10);
      rows.push([
        `基准签约企业${n}有限公司`,
        creditCode(n),
        ['private', 'foreign', 'state_owned', 'collective'][n % 4],
        `镇${n % 40}`,
        unitId,
        'CDEFG'[n % 5],
        20 + (n % 980),
        n % 3 === 0 ? null : registered,
        registered,
        1,
      ]);
    }
    await pool.query(
      'INSERT INTO enterprises (name, credit_code, ownership_type, township, org_unit_id, industry, employee_count, union_founded_on, registered_on, version) VALUES ?',
      [rows],
    );
  }
}

/** One build: its database filled, the app started, signed in. */
async function prepare(entry, suffix) {
  const database = await benchDatabase(`${baseUrl}_${suffix}`);
  const port = await freePort();
  const password = `bench-${randomBytes(9).toString('base64url')}`;
  // SCHEDULER on: the report aggregates' fold runs beside the writes, as in production (it is part
  // of what a write costs); the timers and reminder schedules run too.
  const app = await startApp({
    entry,
    databaseUrl: database.url,
    port,
    adminPassword: password,
    env: { SCHEDULER: 'on' },
  });
  const pool = mysql.createPool({ ...database.connection, database: database.name, connectionLimit: 2 });
  const [[unit]] = await pool.query('SELECT id FROM org_units ORDER BY id LIMIT 1');
  await insertEnterprises(pool, unit.id);
  const [ids] = await pool.query('SELECT id FROM enterprises ORDER BY id');
  // Written past the app: the build's own aggregates rebuilt, if it has them.
  const rebuilt = runCli(join(entry, '..', 'cli', 'main.js'), ['reports:rebuild'], database.url);
  const base = `http://127.0.0.1:${port}`;
  const { accessToken } = await api(
    base,
    null,
    'POST',
    '/api/v1/auth/login',
    { username: 'admin', password },
    200,
  );
  return {
    entry,
    app,
    pool,
    base,
    token: accessToken,
    ids: ids.map((row) => row.id),
    next: 0,
    rebuilt,
    all: [],
  };
}

/** DURATION seconds of CONNECTIONS clients, each agreement for the next enterprise. */
async function round(build) {
  const latencies = [];
  const stopAt = performance.now() + DURATION * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < stopAt) {
        const index = build.next++;
        if (index >= build.ids.length) throw new Error(`out of enterprises after ${index}: raise N`);
        const signedOn = daysAgo(30 + (index % 700));
        const started = performance.now();
        await api(
          build.base,
          build.token,
          'POST',
          '/api/v1/agreements/historical',
          {
            agreementKind: 'wage',
            scope: 'enterprise',
            enterpriseIds: [build.ids[index]],
            signedOn,
            effectiveOn: signedOn,
            expiresOn: daysAgo(30 + (index % 700) - 1095),
            coveredEmployees: 100,
          },
          201,
        );
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  build.all.push(...latencies);
  return {
    perSecond: latencies.length / DURATION,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

async function main() {
  const builds = [];
  if (process.env.BEFORE_ENTRY)
    builds.push({ label: 'before', ...(await prepare(process.env.BEFORE_ENTRY, 'a')) });
  builds.push({
    label: 'measured',
    ...(await prepare(process.env.APP_ENTRY ?? join(root, 'dist/src/main.js'), 'b')),
  });
  for (const build of builds) log(`${build.label} (${build.entry}): ${build.rebuilt}`);
  try {
    const totals = new Map(builds.map((build) => [build.label, 0]));
    for (let r = 1; r <= ROUNDS; r++) {
      const line = [];
      for (const build of builds) {
        const result = await round(build);
        totals.set(build.label, totals.get(build.label) + result.perSecond);
        line.push(
          `${build.label} ${result.perSecond.toFixed(0)}/s (p50 ${result.p50.toFixed(0)} ms, p99 ${result.p99.toFixed(0)} ms)`,
        );
      }
      log(`round ${r}: ${line.join(' · ')}`);
    }
    console.log(
      `historical agreements through the API, ${CONNECTIONS} clients, ${ROUNDS} × ${DURATION} s per build, ${N} enterprises each:`,
    );
    for (const build of builds) {
      build.all.sort((a, b) => a - b);
      console.log(
        `  ${build.label}: ${(totals.get(build.label) / ROUNDS).toFixed(1)} agreements/s, p50 ${percentile(build.all, 50).toFixed(0)} ms, p99 ${percentile(build.all, 99).toFixed(0)} ms`,
      );
    }
    if (builds.length === 2)
      console.log(
        `  measured/before: ${((100 * totals.get('measured')) / totals.get('before')).toFixed(1)} %`,
      );
  } finally {
    for (const build of builds) {
      await stopApp(build.app);
      await build.pool.end();
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
