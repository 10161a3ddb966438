// `npm run bench:startup`: cold start of the built app to the first /health 200 on a new
// SQLite file, and its RSS once idle, against an anchor: a bare node:http server started the
// same way (what any Node service pays before its own code runs).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const runs = Number(process.env.RUNS ?? 5);

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const rssOf = (pid) => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return Number(line[1]) / 1024;
};

async function measure(args, env) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: 'ignore',
  });
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      if (res.status === 200) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const ms = performance.now() - started;
  await new Promise((r) => setTimeout(r, 2000)); // let start-up garbage settle
  const rss = rssOf(child.pid);
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  return { ms, rss };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const anchorScript = `require('node:http').createServer((q, s) => s.end('{"status":"ok"}')).listen(process.env.PORT)`;
const app = [];
const anchor = [];
for (let i = 0; i < runs; i++) {
  const dir = mkdtempSync(join(tmpdir(), 'wagetrack-bench-'));
  app.push(
    await measure([join(root, 'dist/src/main.js')], {
      DATABASE_URL: `sqlite:${join(dir, 'bench.sqlite')}`,
      LOG_LEVEL: 'warn',
    }),
  );
  rmSync(dir, { recursive: true, force: true });
  anchor.push(await measure(['-e', anchorScript], {}));
}
const appMs = median(app.map((r) => r.ms));
const anchorMs = median(anchor.map((r) => r.ms));
const appRss = median(app.map((r) => r.rss));
const anchorRss = median(anchor.map((r) => r.rss));
console.log(`runs: ${runs} (medians), new SQLite file each run`);
console.log(
  `cold start to /health 200: app ${appMs.toFixed(0)} ms, bare node:http ${anchorMs.toFixed(0)} ms, ratio ${(appMs / anchorMs).toFixed(1)}x (goal < 3000 ms)`,
);
console.log(
  `idle RSS: app ${appRss.toFixed(0)} MB, bare node:http ${anchorRss.toFixed(0)} MB, ratio ${(appRss / anchorRss).toFixed(1)}x (goal < 200 MB)`,
);
