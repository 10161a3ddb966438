// `npm run bench:import`: a generated 100,000-row roster (.xlsx, Chinese headers, date cells)
// imported with `npm run cli -- import:enterprises` into a new SQLite file and into MariaDB,
// against the anchor: exceljs's streaming reader alone reading the same file. Prints rows/s
// and peak RSS of each (goals: ≤ 30 s and < 500 MB).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import mysql from 'mysql2/promise';
import { creditCode } from './credit-code.mjs';

const root = new URL('..', import.meta.url).pathname;
const ROWS = Number(process.env.ROWS ?? 100_000);
const MARIADB = process.env.BENCH_DATABASE_URL ?? 'mariadb://root@127.0.0.1:3306/wagetrack_bench_import';
const dir = mkdtempSync(join(tmpdir(), 'wagetrack-bench-import-'));
const file = join(dir, 'roster.xlsx');

const HEADERS = [
  '企业名称',
  '统一社会信用代码',
  '所有制类型',
  '乡镇/街道',
  '村/社区',
  '行业门类',
  '职工人数',
  '建会日期',
  '成立日期',
];
const TYPES = [
  '私营企业',
  '私营企业',
  '私营企业',
  '外商投资企业',
  '港澳台商投资企业',
  '国有企业',
  '集体企业',
];
const TOWNS = ['金山镇', '万安镇', '蟠龙镇', '东岭乡', '新桥街道'];

async function generate() {
  const started = performance.now();
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const sheet = writer.addWorksheet('企业名册');
  sheet.addRow(HEADERS).commit();
  for (let i = 0; i < ROWS; i++) {
    sheet
      .addRow([
        `${TOWNS[i % 5]}测试企业${i}有限公司`,
        creditCode(i),
        TYPES[i % TYPES.length],
        TOWNS[i % 5],
        `第${i % 40}社区`,
        'ABCDEFGHIJKLMNOPQRST'[i % 20],
        5 + (i % 500),
        i % 10 === 0 ? null : new Date(Date.UTC(2015 + (i % 10), i % 12, 1 + (i % 28))),
        new Date(Date.UTC(2000 + (i % 15), i % 12, 1 + (i % 28))),
      ])
      .commit();
  }
  sheet.commit();
  await writer.commit();
  console.log(`generated ${ROWS} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** Runs a Node script as a child, sampling its RSS; answers wall time and peak RSS (MB). */
function measure(args, env) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let peak = 0;
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setInterval(() => {
      try {
        const match = readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
        if (match) peak = Math.max(peak, Number(match[1]) / 1024);
      } catch {
        /* exited */
      }
    }, 50);
    child.on('exit', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0 && !output.includes('created')) return reject(new Error(`exit ${code}: ${output}`));
      resolve({ seconds, peak, output: output.trim().split('\n').pop() });
    });
  });
}

const anchorScript = `
const ExcelJS = require('exceljs');
(async () => {
  let rows = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(process.argv[1], { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache' });
  for await (const sheet of reader) { for await (const row of sheet) { rows += row.values.length > 0 ? 1 : 0; } break; }
  console.log('read ' + rows + ' rows');
})();`;

async function freshMariaDb() {
  const url = new URL(MARIADB);
  const db = url.pathname.slice(1);
  const connection = await mysql.createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: url.username || 'root',
    password: url.password,
  });
  await connection.query(`DROP DATABASE IF EXISTS \`${db}\``);
  await connection.query(`CREATE DATABASE \`${db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await connection.end();
}

await generate();
if (
  spawnSync(process.execPath, ['scripts/build-if-needed.mjs'], { cwd: root, stdio: 'inherit' }).status !== 0
)
  process.exit(1);
const cli = ['dist/src/cli/main.js', 'import:enterprises', file];
const common = { LOG_LEVEL: 'error', JWT_SECRET: 'x'.repeat(40), BOOTSTRAP_ADMIN_PASSWORD: 'bench-admin-pw' };

const anchor = await measure(['-e', anchorScript, file], {});
const sqlite = await measure(cli, { ...common, DATABASE_URL: `sqlite:${join(dir, 'bench.sqlite')}` });
await freshMariaDb();
const mariadb = await measure(cli, { ...common, DATABASE_URL: MARIADB });
rmSync(dir, { recursive: true, force: true });

const line = (name, r) =>
  `${name.padEnd(26)} ${r.seconds.toFixed(1).padStart(6)} s  ${String(Math.round(ROWS / r.seconds)).padStart(7)} rows/s  peak RSS ${r.peak.toFixed(0).padStart(4)} MB   ${r.output}`;
console.log(line('exceljs reader alone', anchor));
console.log(line('import into SQLite', sqlite));
console.log(line('import into MariaDB', mariadb));
console.log(
  `ratio to the reader: SQLite ${(sqlite.seconds / anchor.seconds).toFixed(1)}x, MariaDB ${(mariadb.seconds / anchor.seconds).toFixed(1)}x (goals: ≤ 30 s, < 500 MB)`,
);
