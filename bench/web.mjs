// `npm run bench:web`: the web front end's figures (issue 8).
//   1. The production bundle (web/dist): the JS that index.html loads before anything else (its
//      module script and modulepreloads), raw and gzip; the largest chunks loaded later, on demand.
//      ECharts must be one of those.
//   2. Time to interactive on the demo county (npm run cli -- demo:load into a new SQLite file,
//      the built app on it), headless Chromium, signed in beforehand (the session in localStorage as
//      the app stores it), from navigation start (performance.now() is relative to it) to the screen
//      usable: the report page's signing-rate chart drawn and its table filled; the workbench's
//      agenda and open rounds listed. RUNS cold loads (a new browser context each, HTTP cache off)
//      and RUNS warm loads (one context, after one unmeasured load); medians.
// Goals: initial JS < 600 KB gzip; report page interactive < 1.5 s.
// Environment (optional): RUNS (default 5), CHROMIUM_PATH (default /usr/bin/chromium).
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  DEMO_USERS,
  launchChromium,
  login,
  SCREEN,
  startDemoApp,
  storeSession,
} from '../scripts/demo-browser.mjs';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'web', 'dist');
const runs = Number(process.env.RUNS ?? 5);

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// 1. The bundle.
const sizeOf = (file) => {
  const bytes = readFileSync(join(dist, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes).length };
};
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initialFiles = [
  ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g),
].map((match) => match[1]);
const initial = initialFiles.map(sizeOf);
const lazy = readdirSync(join(dist, 'assets'))
  .map((name) => `assets/${name}`)
  .filter((file) => file.endsWith('.js') && !initialFiles.includes(file))
  .map(sizeOf)
  .sort((a, b) => b.gzip - a.gzip);
const sum = (files, key) => files.reduce((total, file) => total + file[key], 0);
const initialGzip = sum(initial, 'gzip');

console.log(`initial JS (index.html: module script + modulepreloads), ${initial.length} files:`);
for (const { file, raw, gzip } of initial)
  console.log(`  ${file.padEnd(44)} ${kb(raw).padStart(10)} ${kb(gzip).padStart(10)} gzip`);
console.log(
  `  total ${kb(sum(initial, 'raw'))}, ${kb(initialGzip)} gzip (goal < 600 KB gzip: ${initialGzip < 600 * 1024 ? 'met' : 'NOT met'})`,
);
console.log(
  `lazy chunks: ${lazy.length} files, ${kb(sum(lazy, 'raw'))}, ${kb(sum(lazy, 'gzip'))} gzip; the largest:`,
);
for (const { file, raw, gzip } of lazy.slice(0, 6))
  console.log(`  ${file.padEnd(44)} ${kb(raw).padStart(10)} ${kb(gzip).padStart(10)} gzip`);
const echartsInitial = initialFiles.some((file) => file.includes('echarts'));
console.log(`echarts: ${echartsInitial ? 'IN THE INITIAL JS' : 'lazy (loaded with the report screen)'}`);

// 2. Time to interactive.
const PAGES = [
  {
    name: 'report page',
    user: DEMO_USERS.supervisor,
    path: '/reports',
    ready: ['[data-testid="report-chart"] svg text', '[data-testid="report-table"] .el-table__body tr'],
  },
  {
    name: 'workbench',
    user: DEMO_USERS.instructor,
    path: '/workbench',
    ready: ['[data-testid="agenda-link"]', '[data-testid="my-negotiations"] a'],
  },
];

/** Loads the page and answers the ms from navigation start to every `ready` selector present, and the JS it fetched. */
async function load(page, url, ready) {
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    (selectors) => selectors.every((selector) => document.querySelector(selector)) && performance.now(),
    ready,
    { polling: 'raf', timeout: 30_000 },
  );
  const ms = await handle.jsonValue();
  const js = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.endsWith('.js'))
      .reduce((total, entry) => ({ files: total.files + 1, bytes: total.bytes + entry.decodedBodySize }), {
        files: 0,
        bytes: 0,
      }),
  );
  return { ms, js };
}

const app = await startDemoApp();
const browser = await launchChromium();
try {
  console.log(
    `\nmachine: ${cpus().length} × ${cpus()[0].model}, load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}; Node ${process.version}; Chromium ${browser.version()}; ${runs} runs each (medians)`,
  );
  for (const { name, user, path, ready } of PAGES) {
    const session = await login(app.baseUrl, user);
    const url = `${app.baseUrl}${path}`;

    const cold = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext(SCREEN);
      await storeSession(context, session);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Performance.enable');
      const result = await load(page, url, ready);
      // The renderer's main-thread time up to then: what a busy machine stretches, and what it cannot.
      const { metrics } = await cdp.send('Performance.getMetrics');
      result.cpuMs = metrics.find(({ name }) => name === 'TaskDuration').value * 1000;
      cold.push(result);
      await context.close();
    }

    const context = await browser.newContext(SCREEN);
    await storeSession(context, session);
    const page = await context.newPage();
    await load(page, url, ready);
    const warm = [];
    for (let i = 0; i < runs; i++) warm.push(await load(page, url, ready));
    await context.close();

    const line = (label, results) =>
      `  ${label}: median ${median(results.map((r) => r.ms)).toFixed(0)} ms (${results
        .map((r) => r.ms.toFixed(0))
        .join(', ')}), JS ${results[0].js.files} files ${kb(results[0].js.bytes)}`;
    console.log(`${name} (${path} as ${user[0]}), interactive = ${ready.join(' + ')}`);
    console.log(`${line('cold', cold)}, main thread busy ${median(cold.map((r) => r.cpuMs)).toFixed(0)} ms`);
    console.log(line('warm', warm));
    if (name === 'report page') {
      const coldMs = median(cold.map((r) => r.ms));
      console.log(`  goal < 1500 ms (cold): ${coldMs < 1500 ? 'met' : 'NOT met'}`);
    }
  }
} finally {
  await browser.close();
  await app.stop();
}
