// What a bench needs to run the built app against a database of its own: the database dropped
// and recreated, the app started and stopped, its API called, its CLI run.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import mysql from 'mysql2/promise';

const root = new URL('../..', import.meta.url).pathname;
const BUSINESS_TZ = 'Asia/Shanghai'; // the app's default TZ_BUSINESS

export const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** A business date `days` before today in the business time zone (YYYY-MM-DD); negative: after. */
export function daysAgo(days) {
  const today = new Date().toLocaleDateString('en-CA', { timeZone: BUSINESS_TZ });
  const [y, m, d] = today.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d - days)).toISOString().slice(0, 10);
}

/** The p-th percentile of ascending values. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * A MySQL/MariaDB database for a bench, dropped and recreated: refused unless its name contains
 * "bench". Returns its URL, name, mysql2 connection options (as the app's: UTC, dates as strings)
 * and the server's version and buffer pool size.
 */
export async function benchDatabase(databaseUrl) {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  if (!/bench/.test(name))
    throw new Error(`refusing to drop database "${name}": its name must contain "bench"`);
  const connection = {
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    timezone: 'Z',
    dateStrings: true,
  };
  const admin = await mysql.createConnection(connection);
  await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const [[server]] = await admin.query('SELECT VERSION() AS version, @@innodb_buffer_pool_size AS pool');
  await admin.end();
  return { url: databaseUrl, name, connection, server };
}

/** Starts a build of the app (its migrations run at start) and waits for GET /health 200. */
export async function startApp({ entry, databaseUrl, port, adminPassword, env = {} }) {
  const child = spawn(process.execPath, [entry], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      JWT_SECRET: randomBytes(30).toString('base64url').slice(0, 40),
      BOOTSTRAP_ADMIN_PASSWORD: adminPassword,
      LOG_LEVEL: 'warn',
      SCHEDULER: 'off',
      HOST: '127.0.0.1',
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
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

export async function stopApp(child) {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exit = new Promise((r) => child.once('exit', (code) => r(code)));
  child.kill('SIGTERM');
  return exit;
}

/** Calls the API; throws unless the answer has the expected status. */
export async function api(base, token, method, path, body, expected) {
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status !== expected)
    throw new Error(`${method} ${path} → ${res.status} (expected ${expected}): ${text}`);
  return JSON.parse(text);
}

/**
 * Runs a command of a build's CLI on a database and says how it went, in a line: its time and
 * last line of output, or that the build does not have it.
 */
export function runCli(cli, args, databaseUrl) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      JWT_SECRET: process.env.JWT_SECRET ?? randomBytes(30).toString('base64url').slice(0, 40),
    },
    encoding: 'utf8',
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const out = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  if (result.status !== 0) {
    if (/unknown command/i.test(out)) return `${args.join(' ')}: not in this build`;
    throw new Error(`${cli} ${args.join(' ')} exited ${result.status}: ${out.slice(-500)}`);
  }
  return `${args.join(' ')}: ${seconds} s (${out.split('\n').slice(-1)[0]})`;
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
export function cpuSeconds(pid) {
  if (!pid) return NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return NaN;
  }
}

/** The pid of the first process with one of these names (`mariadbd`), or null. */
export function findPid(names) {
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

/** Runs `work` on `items` with at most `limit` at a time; the results in the items' order. */
export async function inParallel(items, limit, work) {
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
