// `npm run bench:transitions`: workflow transitions per second through the HTTP API on
// MariaDB, against an anchor measured in the same run: the SQL of one transition's
// transaction issued by a bare mysql2 script. Both use 16 concurrent clients over the same
// negotiations. The two alternate (app, anchor, app, anchor…) so that a machine whose speed
// drifts during the run weighs on both alike. Goal: app ≥ 40 % of the anchor (issue 4).
//
// Environment (all optional):
//   BENCH_DATABASE_URL  default mariadb://root@127.0.0.1:3306/wagetrack_bench (dropped and
//                       recreated at the start of every run; its name must contain "bench")
//   N                   negotiations (and enterprises), default 2000
//   ROUNDS              app + anchor rounds, default 3
//   DURATION            seconds of each measured phase, default 10
//   WARMUP              seconds of unmeasured load before the first phase of each, default 3
//   CONNECTIONS         concurrent clients, default 16
//   APP_NODE_ARGS       extra node flags for the app, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
//   APP_ENTRY           the app's entry point, default dist/src/main.js (to compare two builds)
//   WORKERS             the app's worker processes (passed on to it), default 1
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import autocannon from 'autocannon';
import mysql from 'mysql2/promise';
import { creditCode } from './credit-code.mjs';

const root = new URL('..', import.meta.url).pathname;
const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'mariadb://root@127.0.0.1:3306/wagetrack_bench';
const N = Number(process.env.N ?? 2000);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const DURATION = Number(process.env.DURATION ?? 10);
const WARMUP = Number(process.env.WARMUP ?? 3);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 16);
const BUSINESS_TZ = 'Asia/Shanghai'; // the app's default TZ_BUSINESS

const log = (message) => console.error(`[bench] ${message}`);

// ---------------------------------------------------------------------------------------
// Helpers

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** A business date `days` before today in the business time zone (YYYY-MM-DD). */
function daysAgo(days) {
  const today = new Date().toLocaleDateString('en-CA', { timeZone: BUSINESS_TZ });
  const [y, m, d] = today.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d - days)).toISOString().slice(0, 10);
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
function cpuSeconds(pid) {
  if (!pid) return NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return NaN;
  }
}

/** CPU seconds of a process and its children (the workers when the app runs with WORKERS > 1). */
function treeCpuSeconds(pid) {
  let total = cpuSeconds(pid);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      if (ppid === pid) total += cpuSeconds(Number(entry));
    } catch {
      /* gone */
    }
  }
  return total;
}

function findPid(names) {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (names.includes(readFileSync(`/proc/${entry}/comm`, 'utf8').trim())) return Number(entry);
    } catch {
      /* gone */
    }
  }
  return null;
}

/** Runs `work` on `items` with at most `limit` at a time. */
async function inParallel(items, limit, work) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index], index);
      }
    }),
  );
  return results;
}

// ---------------------------------------------------------------------------------------
// Database

const url = new URL(databaseUrl);
const dbName = url.pathname.slice(1);
if (!/bench/.test(dbName)) {
  console.error(`bench: refusing to drop database "${dbName}": its name must contain "bench"`);
  process.exit(2);
}
const connectionOptions = {
  host: url.hostname,
  port: Number(url.port || 3306),
  user: decodeURIComponent(url.username),
  password: decodeURIComponent(url.password),
  timezone: 'Z', // as the app's TypeORM options
  dateStrings: true,
};

async function recreateDatabase() {
  const admin = await mysql.createConnection(connectionOptions);
  await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
  await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const [[server]] = await admin.query('SELECT VERSION() AS version, @@innodb_buffer_pool_size AS pool');
  await admin.end();
  return server;
}

// ---------------------------------------------------------------------------------------
// The app

async function startApp(port, adminPassword) {
  const nodeArgs = (process.env.APP_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(
    process.execPath,
    [...nodeArgs, process.env.APP_ENTRY ?? join(root, 'dist/src/main.js')],
    {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        JWT_SECRET: randomBytes(30).toString('base64url').slice(0, 40),
        BOOTSTRAP_ADMIN_PASSWORD: adminPassword,
        LOG_LEVEL: 'warn',
        // On: the report aggregates' fold runs beside the writes, as in production (it is part of
        // what a write costs); the timers and reminder schedules run too.
        SCHEDULER: 'on',
        HOST: '127.0.0.1',
        PORT: String(port),
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  let exited = null;
  child.once('exit', (code, signal) => (exited = { code, signal }));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited) throw new Error(`the app exited during start-up (${JSON.stringify(exited)})`);
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error('the app did not answer GET /health 200 within 120 s');
    }
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      if (res.status === 200) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return child;
}

async function stopApp(child) {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exit = new Promise((r) => child.once('exit', (code) => r(code)));
  child.kill('SIGTERM');
  return exit;
}

async function api(base, token, method, path, body, expected) {
  const res = await fetch(base + path, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status !== expected)
    throw new Error(`${method} ${path} → ${res.status} (expected ${expected}): ${text}`);
  return JSON.parse(text);
}

// ---------------------------------------------------------------------------------------
// The event stream. Every negotiation stays in `invitation`: OFFER_SENT at even versions,
// OFFER_REFUSED (which returns it to "no offer pending") at odd ones, all dated D.

const D = daysAgo(3);
const eventAt = (version) =>
  version % 2 === 0
    ? { type: 'OFFER_SENT', occurredOn: D, sentBy: 'union', receivedOn: D }
    : { type: 'OFFER_REFUSED', occurredOn: D, reason: '企业方书面拒绝协商（基准测试）' };

/**
 * autocannon against POST /negotiations/:id/events. autocannon resets a connection's context
 * after every request, so negotiations are leased from one FIFO queue instead: a request
 * takes the negotiation at the head, the response (its body's `version`) puts it back at the
 * tail. A negotiation is thus held by at most one in-flight request (the in-flight sets are
 * disjoint, so a 409 would be a bench bug) and every negotiation advances in turn.
 */
async function loadApp(state, seconds, measured) {
  const { base, token, ids, versions, idle } = state;
  const stats = { ok: 0, byStatus: {}, samples: [], badVersion: 0, latencies: [] };
  const instance = autocannon({
    url: base,
    connections: CONNECTIONS,
    pipelining: 1,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        setupRequest(request, context) {
          const index = idle.shift();
          if (index === undefined) throw new Error('no idle negotiation (N is below CONNECTIONS?)');
          context.index = index;
          context.started = performance.now();
          const version = versions[index];
          context.expected = version + 1;
          return {
            ...request,
            path: `/api/v1/negotiations/${ids[index]}/events`,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ ...eventAt(version), expectedVersion: version }),
          };
        },
        onResponse(status, body, context) {
          const index = context.index;
          stats.latencies.push(performance.now() - context.started);
          if (status === 200) {
            const version = JSON.parse(body).version;
            if (version !== context.expected) stats.badVersion++;
            versions[index] = version;
            stats.ok++;
          } else {
            stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
            if (stats.samples.length < 5) stats.samples.push(`${status} ${String(body).slice(0, 300)}`);
            const current = /"currentVersion":(\d+)/.exec(String(body));
            if (current) versions[index] = Number(current[1]);
          }
          idle.push(index);
        },
      },
    ],
  });
  const started = performance.now();
  const result = await instance;
  const seconds_ = (performance.now() - started) / 1000;
  await settle(state);
  if (!measured) return null;
  return { result, stats, seconds: seconds_ };
}

/**
 * When autocannon stops, up to CONNECTIONS requests are still in flight (the app finishes and
 * commits them, the bench never reads the answer) and their negotiations are out of the
 * queue. Wait for the app to go quiet, take those negotiations' versions from the database
 * (each must be the tracked version or one more) and queue them again.
 */
async function settle(state) {
  await new Promise((r) => setTimeout(r, 1000));
  const queued = new Set(state.idle);
  const leased = state.ids.map((_, i) => i).filter((i) => !queued.has(i));
  if (leased.length === 0) return;
  const [rows] = await state.pool.query('SELECT id, version FROM negotiations WHERE id IN (?)', [
    leased.map((i) => state.ids[i]),
  ]);
  const versionOf = new Map(rows.map((r) => [r.id, r.version]));
  for (const i of leased) {
    const version = versionOf.get(state.ids[i]);
    if (version !== state.versions[i] && version !== state.versions[i] + 1) {
      throw new Error(
        `negotiation ${state.ids[i]}: version ${version} in the database, bench tracked ${state.versions[i]}`,
      );
    }
    state.versions[i] = version;
    state.idle.push(i);
  }
}

// ---------------------------------------------------------------------------------------
// The anchor: one transition's transaction in raw SQL, at READ COMMITTED, 16 connections,
// each worker owning a fixed disjoint subset of the same negotiations. The statements are
// those the app issues for one event (migrations/1764000000002): the read of the negotiation
// with the enterprises it covers (NegotiationsRepository.findWithCoverage, before the
// transaction), then NegotiationWriter.commit's CAS update of the negotiation, insert event,
// delete + insert deadlines (the rows the app left after the same event, one multi-row INSERT
// as the app does) and insert of the audit row. (The app reads the agreement row only from
// signing on: none of these events does.)

async function anchorTemplates(pool) {
  const template = async (parity) => {
    const [[row]] = await pool.query(
      'SELECT id, snapshot, machine_version AS machineVersion FROM negotiations WHERE MOD(version, 2) = ? AND version > 0 LIMIT 1',
      [parity],
    );
    if (!row) throw new Error('no negotiation to copy from: did the load phase run?');
    const [deadlines] = await pool.query(
      'SELECT kind, due_on AS dueOn, action, event, rule FROM deadlines WHERE negotiation_id = ? ORDER BY id',
      [row.id],
    );
    return { snapshot: row.snapshot, machineVersion: row.machineVersion, deadlines };
  };
  // After OFFER_SENT (odd versions) the offer is pending; after OFFER_REFUSED (even) it is not.
  return { pending: await template(1), open: await template(0) };
}

/** NegotiationsRepository.findWithCoverage's statement. */
const LOAD_SQL =
  'SELECT n.*, e.id AS covered_id, e.name AS covered_name, e.instructor_id AS covered_instructor_id, e.employee_count AS covered_employee_count, e.registered_on AS covered_registered_on FROM negotiations n LEFT JOIN negotiation_enterprises ne ON ne.negotiation_id = n.id LEFT JOIN enterprises e ON e.id = ne.enterprise_id WHERE n.id = ? ORDER BY e.id';

async function loadAnchor(pool, state, templates, seconds, measured, actorId) {
  const { ids, anchorVersions } = state;
  const latencies = [];
  let tx = 0;
  let retried = 0;
  const stopAt = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, worker) => {
      const owned = [];
      for (let i = worker; i < ids.length; i += CONNECTIONS) owned.push(i);
      const conn = await pool.getConnection();
      await conn.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED');
      try {
        for (let k = 0; performance.now() < stopAt; k++) {
          const index = owned[k % owned.length];
          const id = ids[index];
          const version = anchorVersions[index];
          const offer = version % 2 === 0;
          const next = offer ? templates.pending : templates.open;
          const { type, occurredOn, ...payload } = eventAt(version);
          const changes = JSON.stringify({
            version: { from: version, to: version + 1 },
            stage: { from: 'invitation', to: 'invitation' },
            event: { from: null, to: { type, occurredOn, ...payload } },
          });
          const started = performance.now();
          const [loaded] = await conn.query(LOAD_SQL, [id]);
          if (loaded.length === 0) throw new Error(`anchor: negotiation ${id} not found`);
          for (let attempt = 1; ; attempt++) {
            try {
              await conn.query('START TRANSACTION');
              const [update] = await conn.query(
                'UPDATE negotiations SET snapshot = ?, stage = ?, state = ?, machine_version = ?, version = version + 1, updated_at = CURRENT_TIMESTAMP(6) WHERE id = ? AND version = ?',
                [next.snapshot, 'invitation', 'invitation', next.machineVersion, id, version],
              );
              if (update.affectedRows !== 1)
                throw new Error(`anchor: CAS on negotiation ${id} at ${version} missed`);
              await conn.query(
                'INSERT INTO negotiation_events (negotiation_id, seq, type, occurred_on, recorded_at, actor_id, from_stage, to_stage, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
                [
                  id,
                  version + 1,
                  type,
                  occurredOn,
                  new Date(),
                  actorId,
                  'invitation',
                  'invitation',
                  JSON.stringify(payload),
                ],
              );
              await conn.query('DELETE FROM deadlines WHERE negotiation_id = ?', [id]);
              if (next.deadlines.length > 0) {
                await conn.query(
                  `INSERT INTO deadlines (negotiation_id, kind, due_on, action, event, rule, failed_reason) VALUES ${next.deadlines.map(() => '(?, ?, ?, ?, ?, ?, NULL)').join(', ')}`,
                  next.deadlines.flatMap((d) => [id, d.kind, d.dueOn, d.action, d.event, d.rule]),
                );
              }
              await conn.query(
                'INSERT INTO audit_entries (at, actor_id, action, entity_type, entity_id, changes, ip) VALUES (?, ?, ?, ?, ?, ?, ?)',
                [new Date(), actorId, 'negotiation.event', 'negotiation', String(id), changes, '127.0.0.1'],
              );
              await conn.query('COMMIT');
              break;
            } catch (error) {
              await conn.query('ROLLBACK').catch(() => {});
              if (error.errno !== 1213 || attempt >= 4) throw error;
              retried++;
            }
          }
          const ms = performance.now() - started;
          anchorVersions[index] = version + 1;
          if (measured) {
            latencies.push(ms);
            tx++;
          }
        }
      } finally {
        conn.release();
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { tx, retried, latencies };
}

/** CPU seconds this process has used since `since` (a process.cpuUsage() reading). */
function cpuUsedSince(since) {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

/** Each negotiation's stored version, event count and last seq. */
async function storedVersions(pool) {
  const [rows] = await pool.query(
    'SELECT n.id, n.version, COUNT(e.id) AS events, COALESCE(MAX(e.seq), 0) AS maxSeq FROM negotiations n LEFT JOIN negotiation_events e ON e.negotiation_id = n.id GROUP BY n.id, n.version',
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** The app's next events continue from the versions the anchor left. */
async function syncVersions(state) {
  const byId = await storedVersions(state.pool);
  state.versions = state.ids.map((id) => byId.get(id).version);
}

// ---------------------------------------------------------------------------------------
// The run

async function main() {
  log(`database ${dbName}: dropping and recreating`);
  const server = await recreateDatabase();
  const port = await freePort();
  const adminPassword = `bench-${randomBytes(9).toString('base64url')}`;
  log(`starting the app on port ${port}`);
  const app = await startApp(port, adminPassword);
  const base = `http://127.0.0.1:${port}`;
  let appExit;
  try {
    const { accessToken: token } = await api(
      base,
      null,
      'POST',
      '/api/v1/auth/login',
      {
        username: 'admin',
        password: adminPassword,
      },
      200,
    );

    log(`creating ${N} enterprises and ${N} negotiations`);
    const seeded = performance.now();
    const indexes = Array.from({ length: N }, (_, i) => i);
    const enterpriseIds = await inParallel(indexes, CONNECTIONS, async (i) => {
      const enterprise = await api(
        base,
        token,
        'POST',
        '/api/v1/enterprises',
        {
          name: `基准企业${i}有限公司`,
          creditCode: creditCode(i),
          ownershipType: 'private',
          township: '金山镇',
          industry: 'C',
          employeeCount: 50 + (i % 500),
        },
        201,
      );
      return enterprise.id;
    });
    const negotiations = await inParallel(enterpriseIds, CONNECTIONS, (enterpriseId) =>
      api(
        base,
        token,
        'POST',
        '/api/v1/negotiations',
        {
          agreementKind: 'wage',
          scope: 'enterprise',
          enterpriseIds: [enterpriseId],
        },
        201,
      ),
    );
    log(`seeded in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);

    const pool = mysql.createPool({ ...connectionOptions, database: dbName, connectionLimit: CONNECTIONS });
    const state = {
      pool,
      base,
      token,
      ids: negotiations.map((n) => n.id),
      versions: negotiations.map((n) => n.version),
      idle: Array.from({ length: N }, (_, i) => i),
    };

    const appPid = app.pid;
    const dbPid = findPid(['mariadbd', 'mysqld']);
    const [[{ adminId }]] = await pool.query("SELECT id AS adminId FROM users WHERE username = 'admin'");
    const totals = {
      app: { events: 0, seconds: 0, latencies: [], cpu: { app: 0, db: 0, bench: 0 }, failed: 0, errors: 0 },
      anchor: { tx: 0, seconds: 0, latencies: [], cpu: { db: 0, bench: 0 }, retried: 0 },
      byStatus: {},
      samples: [],
      badVersion: 0,
      mismatched: 0,
      timeouts: 0,
    };
    const rounds = [];
    let templates;
    log(
      `${ROUNDS} rounds of app ${DURATION} s then anchor ${DURATION} s, ${CONNECTIONS} connections, event date ${D}`,
    );
    for (let round = 1; round <= ROUNDS; round++) {
      // The app, from the versions in the database (the anchor moved them on in the round before).
      if (round > 1) await syncVersions(state);
      if (round === 1 && WARMUP > 0) {
        log(`app: warm-up ${WARMUP} s`);
        await loadApp(state, WARMUP, false);
      }
      log(`round ${round}: app`);
      const cpu0 = { app: treeCpuSeconds(appPid), db: cpuSeconds(dbPid), bench: process.cpuUsage() };
      const appRun = await loadApp(state, DURATION, true);
      totals.app.cpu.app += treeCpuSeconds(appPid) - cpu0.app;
      totals.app.cpu.db += cpuSeconds(dbPid) - cpu0.db;
      totals.app.cpu.bench += cpuUsedSince(cpu0.bench);
      const { result, stats } = appRun;
      totals.app.events += stats.ok;
      totals.app.seconds += appRun.seconds;
      totals.app.latencies.push(...stats.latencies);
      totals.app.errors += result.errors;
      totals.timeouts += result.timeouts;
      totals.badVersion += stats.badVersion;
      for (const [status, count] of Object.entries(stats.byStatus)) {
        totals.byStatus[status] = (totals.byStatus[status] ?? 0) + count;
        totals.app.failed += count;
      }
      totals.samples.push(...stats.samples);

      // Correctness of what the app wrote: versions as the bench tracked them, events gap-free.
      const byId = await storedVersions(pool);
      totals.mismatched += state.ids.filter((id, i) => {
        const row = byId.get(id);
        return (
          !row ||
          row.version !== state.versions[i] ||
          Number(row.events) !== row.version ||
          Number(row.maxSeq) !== row.version
        );
      }).length;

      // The anchor, over the same rows, from where the app left them.
      state.anchorVersions = state.ids.map((id) => byId.get(id).version);
      templates ??= await anchorTemplates(pool);
      if (round === 1 && WARMUP > 0) {
        log(`anchor: warm-up ${WARMUP} s`);
        await loadAnchor(pool, state, templates, WARMUP, false, adminId);
      }
      log(`round ${round}: anchor`);
      const cpu1 = { db: cpuSeconds(dbPid), bench: process.cpuUsage() };
      const anchorStarted = performance.now();
      const anchor = await loadAnchor(pool, state, templates, DURATION, true, adminId);
      const anchorSeconds = (performance.now() - anchorStarted) / 1000;
      totals.anchor.cpu.db += cpuSeconds(dbPid) - cpu1.db;
      totals.anchor.cpu.bench += cpuUsedSince(cpu1.bench);
      totals.anchor.tx += anchor.tx;
      totals.anchor.seconds += anchorSeconds;
      totals.anchor.latencies.push(...anchor.latencies);
      totals.anchor.retried += anchor.retried;
      rounds.push({ app: stats.ok / appRun.seconds, anchor: anchor.tx / anchorSeconds });
    }
    await pool.end();

    // Report.
    const appRate = totals.app.events / totals.app.seconds;
    const anchorRate = totals.anchor.tx / totals.anchor.seconds;
    const sorted = (values) => [...values].sort((a, b) => a - b);
    const appLatencies = sorted(totals.app.latencies);
    const anchorLatencies = sorted(totals.anchor.latencies);
    const ms = (value) => `${value.toFixed(2)} ms`;
    const perEvent = (s, count) => ((s * 1000) / count).toFixed(2);
    const snapshotBytes = Buffer.byteLength(templates.pending.snapshot);
    const failed = totals.app.failed;
    const lines = [
      `MariaDB ${server.version}, buffer pool ${Math.round(server.pool / 2 ** 20)} MB; N = ${N} negotiations; ${CONNECTIONS} clients; app WORKERS=${process.env.WORKERS ?? 1}; ${ROUNDS} rounds of ${DURATION} s per side after ${WARMUP} s warm-up`,
      ...rounds.map(
        (r, i) =>
          `round ${i + 1}: app ${r.app.toFixed(0)} events/s, anchor ${r.anchor.toFixed(0)} tx/s, ratio ${((100 * r.app) / r.anchor).toFixed(1)} %`,
      ),
      `app    POST /negotiations/:id/events: ${appRate.toFixed(0)} events/s (${totals.app.events} × 200), p50 ${ms(percentile(appLatencies, 50))}, p99 ${ms(percentile(appLatencies, 99))}; non-200: ${failed}${failed ? ' ' + JSON.stringify(totals.byStatus) : ''}, errors ${totals.app.errors}, timeouts ${totals.timeouts}, wrong version in body ${totals.badVersion}`,
      `anchor raw mysql2 transaction:        ${anchorRate.toFixed(0)} tx/s (${totals.anchor.tx}), p50 ${ms(percentile(anchorLatencies, 50))}, p99 ${ms(percentile(anchorLatencies, 99))}; deadlock retries ${totals.anchor.retried}; snapshot ${snapshotBytes} bytes`,
      `ratio app/anchor: ${((100 * appRate) / anchorRate).toFixed(1)} % over all rounds (goal ≥ 40 %)`,
      `CPU ms per event: app ${perEvent(totals.app.cpu.app, totals.app.events)}, mariadbd ${perEvent(totals.app.cpu.db, totals.app.events)}, bench client ${perEvent(totals.app.cpu.bench, totals.app.events)}; per anchor tx: mariadbd ${perEvent(totals.anchor.cpu.db, totals.anchor.tx)}, bench client ${perEvent(totals.anchor.cpu.bench, totals.anchor.tx)}`,
      `check after each app phase: ${totals.mismatched} negotiation-rounds with a version or event log differing from the responses`,
    ];
    for (const sample of totals.samples.slice(0, 5)) lines.push(`  sample non-200: ${sample}`);
    console.log(lines.join('\n'));
    if (failed > 0 || totals.badVersion > 0 || totals.mismatched > 0 || totals.app.errors > 0)
      process.exitCode = 1;
  } finally {
    appExit = await stopApp(app);
    log(`app stopped with SIGTERM, exit code ${appExit}`);
  }
}

main().catch((error) => {
  console.error(`bench: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
