// `npm run bench:mail`: N instructor digests built and delivered to a local SMTP sink by the
// built app (issue 6, goal ≥ 200 deliveries/s), against an anchor in the same run: nodemailer
// alone, same pooled transport settings, sending the same N messages to the same sink.
//
// Per database (a new SQLite file; MariaDB `wagetrack_bench_mail`, dropped and recreated):
//   1. migrations by the app's own CLI (dist/src/cli/migrate.js run);
//   2. N instructors, each with one unionised enterprise and no agreement (so each digest
//      has one "uncovered" item), inserted with multi-row INSERTs;
//   3. app: bench/mail-app.mjs boots the app's module graph from dist/ and runs what
//      `reminders:run` runs, timing each phase: build (planDigests + planSummaries: queries
//      and templates), enqueue (outbox rows), deliver (ReminderSender.deliverDue);
//   4. anchor: bench/mail-anchor.mjs, nodemailer alone, the N messages read from the outbox;
//   5. CLI check: outbox emptied, then `node dist/src/cli/main.js reminders:run` end to end
//      (boot + build + deliver), wall time.
// The sink (smtp-server, in this process) counts messages; every phase must deliver N.
//
// Environment (all optional):
//   N                   instructors / digests, default 10000
//   DATABASES           sqlite,mariadb (default both)
//   BENCH_MAIL_DATABASE_URL  default mariadb://root@127.0.0.1:3306/wagetrack_bench_mail
//   ANCHOR_INFLIGHT     sendMail calls in flight in the anchor, default 10
//   APP_NODE_ARGS       extra node flags for the app child, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
//   APP_DIST            another build for step 3 instead of ./dist (a patched copy, to compare)
//   SKIP_CLI=1          skip step 5
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import { SMTPServer } from 'smtp-server';
import { creditCode } from './credit-code.mjs';

const root = new URL('..', import.meta.url).pathname;
const N = Number(process.env.N ?? 10_000);
const DATABASES = (process.env.DATABASES ?? 'sqlite,mariadb').split(',').filter(Boolean);
const mariadbUrl =
  process.env.BENCH_MAIL_DATABASE_URL ?? 'mariadb://root@127.0.0.1:3306/wagetrack_bench_mail';
const FROM = '工资集体协商提醒 <no-reply@wagetrack.local>'; // the app's default MAIL_FROM
const log = (message) => console.error(`[bench:mail] ${message}`);

// ---------------------------------------------------------------------------------------
// The sink: accepts everything, keeps nothing, counts messages and bytes.

const sink = { messages: 0, bytes: 0 };
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, _session, callback) {
    let bytes = 0;
    stream.on('data', (chunk) => (bytes += chunk.length));
    stream.on('end', () => {
      sink.messages++;
      sink.bytes += bytes;
      callback();
    });
  },
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const SMTP_URL = `smtp://127.0.0.1:${server.server.address().port}`;

// ---------------------------------------------------------------------------------------
// Helpers

function cpuSeconds(pid) {
  if (!pid) return NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
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
const dbPid = findPid(['mariadbd', 'mysqld']);

/** Runs node with args; resolves with stdout, wall ms, and the exit code (must be 0). */
function run(args, env, { nodeArgs = [] } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...nodeArgs, ...args], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'warn', SCHEDULER: 'off', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.once('exit', (code) => {
      const stdout = Buffer.concat(chunks).toString();
      if (code !== 0) reject(new Error(`${args.join(' ')} exited ${code}: ${stdout.slice(-2000)}`));
      else resolve({ stdout, ms: performance.now() - started });
    });
  });
}

const lastJson = (stdout) => JSON.parse(stdout.trim().split('\n').at(-1));

// ---------------------------------------------------------------------------------------
// Databases: both expose exec(sql, params), all(sql, params), close().

async function openSqlite() {
  const dir = mkdtempSync(join(tmpdir(), 'wagetrack-bench-mail-'));
  const file = join(dir, 'bench.sqlite');
  return {
    name: 'SQLite',
    url: `sqlite:${file}`,
    env: {},
    async connect() {
      const db = new Database(file);
      return {
        exec: async (sql, params = []) => db.prepare(sql).run(...params),
        all: async (sql, params = []) => db.prepare(sql).all(...params),
        transaction: async (work) => {
          db.exec('BEGIN');
          await work();
          db.exec('COMMIT');
        },
        close: async () => db.close(),
      };
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function openMariadb() {
  const url = new URL(mariadbUrl);
  const dbName = url.pathname.slice(1);
  if (!/bench/.test(dbName))
    throw new Error(`refusing to drop database "${dbName}": its name must contain "bench"`);
  const options = {
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    timezone: 'Z',
    dateStrings: true,
  };
  const admin = await mysql.createConnection(options);
  await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
  await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  return {
    name: 'MariaDB',
    url: mariadbUrl,
    env: { JWT_SECRET: randomBytes(30).toString('base64url') },
    async connect() {
      const conn = await mysql.createConnection({ ...options, database: dbName });
      return {
        exec: async (sql, params = []) => conn.query(sql, params),
        all: async (sql, params = []) => (await conn.query(sql, params))[0],
        transaction: async (work) => {
          await conn.query('START TRANSACTION');
          await work();
          await conn.query('COMMIT');
        },
        close: () => conn.end(),
      };
    },
    cleanup: () => {},
  };
}

async function populate(db) {
  const CHUNK = 500;
  await db.transaction(async () => {
    for (let from = 0; from < N; from += CHUNK) {
      const rows = [];
      for (let i = from; i < Math.min(N, from + CHUNK); i++) rows.push(i);
      const num = (i) => String(i + 1).padStart(5, '0');
      await db.exec(
        `INSERT INTO users (id, username, display_name, email, role, language, digest_opt_out, active, password_hash, token_version) VALUES ${rows.map(() => "(?, ?, ?, ?, 'instructor', 'zh-CN', 0, 1, 'x', 0)").join(', ')}`,
        rows.flatMap((i) => [
          i + 1,
          `bench.i${num(i)}`,
          `基准指导员${num(i)}`,
          `instructor${num(i)}@bench.local`,
        ]),
      );
      await db.exec(
        `INSERT INTO enterprises (name, credit_code, ownership_type, township, industry, employee_count, union_founded_on, instructor_id) VALUES ${rows.map(() => "(?, ?, 'private', '金山镇', 'C', ?, '2020-01-01', ?)").join(', ')}`,
        rows.flatMap((i) => [`基准企业${num(i)}有限公司`, creditCode(i), 50 + (i % 500), i + 1]),
      );
    }
  });
}

// ---------------------------------------------------------------------------------------
// One database

async function benchOn(target) {
  log(`${target.name}: migrations`);
  const env = { DATABASE_URL: target.url, ...target.env };
  await run([join(root, 'dist/src/cli/migrate.js'), 'run'], env);
  const db = await target.connect();
  const seeded = performance.now();
  await populate(db);
  log(
    `${target.name}: ${N} instructors and enterprises inserted in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
  );

  // App: build, enqueue, deliver.
  log(`${target.name}: app (build, enqueue, deliver through ${SMTP_URL})`);
  sink.messages = 0;
  sink.bytes = 0;
  const nodeArgs = (process.env.APP_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const dbCpu0 = cpuSeconds(dbPid);
  const sinkCpu0 = process.cpuUsage();
  const appRun = await run([join(root, 'bench/mail-app.mjs')], { ...env, SMTP_URL }, { nodeArgs });
  const app = lastJson(appRun.stdout);
  const appSink = { ...sink, cpuMs: cpuMs(sinkCpu0), dbCpuMs: (cpuSeconds(dbPid) - dbCpu0) * 1000 };
  const [{ sent }] = await db.all("SELECT COUNT(*) AS sent FROM reminders WHERE status = 'sent'");
  if (app.plan.planned !== N || app.enqueue.queued !== N || app.deliver.report.sent !== N)
    throw new Error(
      `app: planned ${app.plan.planned}, queued ${app.enqueue.queued}, report ${JSON.stringify(app.deliver.report)}; expected ${N}`,
    );
  if (appSink.messages !== N || Number(sent) !== N)
    throw new Error(`app: the sink got ${appSink.messages} messages, ${sent} rows are sent; expected ${N}`);

  // Anchor: the same messages through nodemailer alone.
  const rows = await db.all(
    'SELECT recipient_email AS recipientEmail, subject, text_body AS textBody, html_body AS htmlBody, dedupe_key AS dedupeKey, slot_kind AS slotKind, slot_date AS slotDate FROM reminders ORDER BY id',
  );
  const file = join(tmpdir(), `wagetrack-bench-mail-${process.pid}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      rows.map((r) => ({
        from: FROM,
        to: r.recipientEmail,
        subject: r.subject,
        text: r.textBody,
        html: r.htmlBody,
        messageId: `<${r.dedupeKey}@wagetrack.reminders>`,
        headers: { 'X-Wagetrack-Slot': `${r.slotKind} ${String(r.slotDate).slice(0, 10)}` },
      })),
    ),
  );
  log(`${target.name}: anchor (nodemailer alone, ${N} messages)`);
  sink.messages = 0;
  sink.bytes = 0;
  const anchorSinkCpu0 = process.cpuUsage();
  const anchor = lastJson((await run([join(root, 'bench/mail-anchor.mjs'), file], { SMTP_URL })).stdout);
  const anchorSink = { ...sink, cpuMs: cpuMs(anchorSinkCpu0) };
  rmSync(file, { force: true });
  if (anchorSink.messages !== N) throw new Error(`anchor: the sink got ${anchorSink.messages} messages`);

  // CLI end to end, on the same data with the outbox emptied.
  let cli = null;
  if (process.env.SKIP_CLI !== '1') {
    await db.exec('DELETE FROM reminders');
    log(`${target.name}: CLI reminders:run end to end`);
    sink.messages = 0;
    const cliRun = await run([join(root, 'dist/src/cli/main.js'), 'reminders:run'], { ...env, SMTP_URL });
    const summary = cliRun.stdout.trim().split('\n').at(-1);
    if (sink.messages !== N) throw new Error(`CLI: the sink got ${sink.messages} messages (${summary})`);
    cli = { ms: cliRun.ms, summary };
  }
  await db.close();
  target.cleanup();
  return { app, appSink, anchor, anchorSink, cli };
}

function cpuMs(since) {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
}

// ---------------------------------------------------------------------------------------

const loadAtStart = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const results = [];
try {
  for (const name of DATABASES) {
    const target = name === 'sqlite' ? await openSqlite() : name === 'mariadb' ? await openMariadb() : null;
    if (!target) throw new Error(`unknown database "${name}" in DATABASES (sqlite, mariadb)`);
    results.push({ name: target.name, ...(await benchOn(target)) });
  }
} finally {
  server.close();
}

const rate = (count, ms) => (count / (ms / 1000)).toFixed(0);
const lines = [
  `N = ${N} digests (one "uncovered" item each); sink smtp-server on 127.0.0.1; ${process.env.ANCHOR_INFLIGHT ?? 10} sendMail in flight in the anchor`,
];
for (const r of results) {
  const { app, appSink, anchor, anchorSink, cli } = r;
  const buildMs = app.plan.ms + app.enqueue.ms;
  const appRate = N / (app.deliver.ms / 1000);
  const anchorRate = N / (anchor.ms / 1000);
  lines.push(
    `${r.name}: message size ${Math.round(appSink.bytes / N)} bytes; app boot ${app.boot.ms.toFixed(0)} ms`,
    `  app build:   ${rate(N, buildMs)} builds/s (${(buildMs / 1000).toFixed(2)} s = plan ${app.plan.ms.toFixed(0)} ms [CPU ${app.plan.cpuMs.toFixed(0)} ms] + enqueue ${app.enqueue.ms.toFixed(0)} ms [CPU ${app.enqueue.cpuMs.toFixed(0)} ms])`,
    `  app deliver: ${appRate.toFixed(0)} deliveries/s (${(app.deliver.ms / 1000).toFixed(2)} s; app CPU ${(app.deliver.cpuMs / N).toFixed(2)} ms/mail${dbPid && r.name === 'MariaDB' ? `, mariadbd CPU over the app run ${(appSink.dbCpuMs / N).toFixed(2)} ms/mail` : ''}, sink CPU ${(appSink.cpuMs / N).toFixed(2)} ms/mail)`,
    `  anchor:      ${anchorRate.toFixed(0)} deliveries/s (${(anchor.ms / 1000).toFixed(2)} s; client CPU ${(anchor.cpuMs / N).toFixed(2)} ms/mail, sink CPU ${(anchorSink.cpuMs / N).toFixed(2)} ms/mail)`,
    `  ratio app/anchor: ${((100 * appRate) / anchorRate).toFixed(1)} %; goal ≥ 200 deliveries/s: ${appRate >= 200 ? 'met' : 'NOT met'}`,
  );
  if (cli)
    lines.push(
      `  CLI reminders:run end to end (boot + build + deliver): ${(cli.ms / 1000).toFixed(1)} s → "${cli.summary}"`,
    );
}
lines.push(
  `load average (1, 5, 15 min) at the start ${loadAtStart}, at the end ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} (2 vCPUs)`,
);
console.log(lines.join('\n'));
