// `npm run bench:campaign`: an offer campaign (集中要约行动) over BENCH_ENTERPRISES eligible
// enterprises on MariaDB, started through the API and run by the app in the background, beside
// single offers through the API (POST /negotiations + POST /negotiations/:id/events OFFER_SENT)
// measured in the same run on the same database: items/s, the cost per item of each, and the
// ratio. Goal (issue: offer campaigns): 100,000 enterprises in ≤ 2 minutes (833 items/s).
//
// The enterprises are written with raw multi-row INSERTs in the bench's own database (the
// enterprise API is not what is measured). The campaign targets industry C; the single offers
// go to enterprises of industry B, outside its filter.
//
// Environment (all optional):
//   BENCH_DATABASE_URL   default mariadb://root@127.0.0.1:3306/wagetrack_bench_campaign (dropped
//                        and recreated at the start of every run; its name must contain "bench")
//   BENCH_ENTERPRISES    eligible enterprises of the campaign, default 100000
//   SINGLE_OFFERS        single offers through the API, default 1000
//   CONNECTIONS          concurrent clients of the single offers, default 16
//   CAMPAIGN_BATCH_SIZE  passed on to the app (its default: 500)
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { creditCode } from './credit-code.mjs';
import {
  api,
  benchDatabase,
  cpuSeconds,
  daysAgo,
  findPid,
  freePort,
  inParallel,
  startApp,
  stopApp,
} from './support/app.mjs';

const root = new URL('..', import.meta.url).pathname;
const databaseUrl =
  process.env.BENCH_DATABASE_URL ?? 'mariadb://root@127.0.0.1:3306/wagetrack_bench_campaign';
const ENTERPRISES = Number(process.env.BENCH_ENTERPRISES ?? 100_000);
const SINGLE = Number(process.env.SINGLE_OFFERS ?? 1000);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 16);
/** 100,000 enterprises in 2 minutes. */
const GOAL_RATE = 100_000 / 120;

const log = (message) => console.error(`[bench] ${message}`);

/** Enterprises by multi-row INSERT: `count` from serial `first` on, of `industry`, unionised, in the root unit. */
async function insertEnterprises(pool, first, count, industry, unitId) {
  const CHUNK = 5000;
  for (let start = 0; start < count; start += CHUNK) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + CHUNK); i++) {
      const n = first + i;
      rows.push([
        `基准要约企业${n}有限公司`,
        creditCode(n),
        n % 5 === 0 ? 'foreign' : 'private',
        '金山镇',
        unitId,
        industry,
        20 + (n % 980),
        '2020-05-01',
        '2015-03-02',
        1,
      ]);
    }
    await pool.query(
      'INSERT INTO enterprises (name, credit_code, ownership_type, township, org_unit_id, industry, employee_count, union_founded_on, registered_on, version) VALUES ?',
      [rows],
    );
  }
}

async function main() {
  const database = await benchDatabase(databaseUrl);
  const { server } = database;
  log(`database ${database.name}: dropped and recreated`);
  const port = await freePort();
  const adminPassword = `bench-${randomBytes(9).toString('base64url')}`;
  log(`starting the app on port ${port}`);
  // The campaign runs because the start kicks it off, not by the schedule (SCHEDULER off).
  const app = await startApp({
    entry: join(root, 'dist/src/main.js'),
    databaseUrl,
    port,
    adminPassword,
  });
  const base = `http://127.0.0.1:${port}`;
  const pool = mysql.createPool({ ...database.connection, database: database.name, connectionLimit: 4 });
  let failed = false;
  try {
    const { accessToken: token } = await api(
      base,
      null,
      'POST',
      '/api/v1/auth/login',
      { username: 'admin', password: adminPassword },
      200,
    );
    const [[rootUnit]] = await pool.query('SELECT id FROM org_units ORDER BY id LIMIT 1');
    const seeded = performance.now();
    await insertEnterprises(pool, 0, ENTERPRISES, 'C', rootUnit?.id ?? null);
    await insertEnterprises(pool, ENTERPRISES, SINGLE, 'B', rootUnit?.id ?? null);
    await pool.query('ANALYZE TABLE enterprises');
    log(
      `${ENTERPRISES + SINGLE} enterprises written in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
    );
    const [singleIds] = await pool.query("SELECT id FROM enterprises WHERE industry = 'B' ORDER BY id");
    const offerOn = daysAgo(1);
    const appPid = app.pid;
    const dbPid = findPid(['mariadbd', 'mysqld']);

    // Single offers through the API: POST /negotiations, then OFFER_SENT, CONNECTIONS at a time.
    log(`${SINGLE} single offers through the API, ${CONNECTIONS} clients`);
    const cpu0 = { app: cpuSeconds(appPid), db: cpuSeconds(dbPid) };
    const singleStarted = performance.now();
    const latencies = await inParallel(
      singleIds.map((row) => row.id),
      CONNECTIONS,
      async (enterpriseId) => {
        const started = performance.now();
        const created = await api(
          base,
          token,
          'POST',
          '/api/v1/negotiations',
          { agreementKind: 'wage', scope: 'enterprise', enterpriseIds: [enterpriseId] },
          201,
        );
        await api(
          base,
          token,
          'POST',
          `/api/v1/negotiations/${created.id}/events`,
          {
            type: 'OFFER_SENT',
            occurredOn: offerOn,
            sentBy: 'union',
            receivedOn: offerOn,
            expectedVersion: 0,
          },
          200,
        );
        return performance.now() - started;
      },
    );
    const singleSeconds = (performance.now() - singleStarted) / 1000;
    const singleCpu = { app: cpuSeconds(appPid) - cpu0.app, db: cpuSeconds(dbPid) - cpu0.db };
    latencies.sort((a, b) => a - b);

    // The campaign: started through the API, run by the app in the background (SCHEDULER=off).
    log(`campaign over ${ENTERPRISES} enterprises`);
    const cpu1 = { app: cpuSeconds(appPid), db: cpuSeconds(dbPid) };
    const campaignStarted = performance.now();
    const started = await api(
      base,
      token,
      'POST',
      '/api/v1/campaigns',
      { name: '基准集中要约行动', agreementKind: 'wage', offerOn, filter: { industry: 'C' } },
      202,
    );
    const frozenSeconds = (performance.now() - campaignStarted) / 1000;
    log(
      `started campaign ${started.id}: ${started.eligible} targets frozen in ${frozenSeconds.toFixed(1)} s`,
    );
    let status = 'running';
    let lastLog = performance.now();
    while (status === 'running') {
      await new Promise((r) => setTimeout(r, 500));
      const [[row]] = await pool.query('SELECT status FROM campaigns WHERE id = ?', [started.id]);
      status = row.status;
      if (performance.now() - lastLog > 10_000) {
        const [[progress]] = await pool.query(
          "SELECT SUM(status <> 'pending') AS handled FROM campaign_items WHERE campaign_id = ?",
          [started.id],
        );
        log(
          `  ${progress.handled} / ${started.eligible} after ${((performance.now() - campaignStarted) / 1000).toFixed(0)} s`,
        );
        lastLog = performance.now();
      }
    }
    const campaignSeconds = (performance.now() - campaignStarted) / 1000;
    const campaignCpu = { app: cpuSeconds(appPid) - cpu1.app, db: cpuSeconds(dbPid) - cpu1.db };
    const detail = await api(base, token, 'GET', `/api/v1/campaigns/${started.id}`, undefined, 200);

    // What the campaign wrote, checked in the database.
    const [[counts]] = await pool.query(
      `SELECT
        (SELECT COUNT(*) FROM negotiations WHERE title = ?) AS negotiations,
        (SELECT COUNT(DISTINCT ne.enterprise_id) FROM negotiations n JOIN negotiation_enterprises ne ON ne.negotiation_id = n.id WHERE n.title = ?) AS enterprises,
        (SELECT COUNT(*) FROM negotiation_events ev JOIN negotiations n ON n.id = ev.negotiation_id WHERE n.title = ? AND ev.type = 'OFFER_SENT') AS events,
        (SELECT COUNT(*) FROM deadlines d JOIN negotiations n ON n.id = d.negotiation_id WHERE n.title = ? AND d.kind = 'offer_reply') AS replyDeadlines,
        (SELECT COUNT(*) FROM audit_entries a WHERE a.action IN ('negotiation.create', 'negotiation.event') AND a.entity_type = 'negotiation') AS auditRows`,
      ['基准集中要约行动', '基准集中要约行动', '基准集中要约行动', '基准集中要约行动'],
    );
    const expectedAudit = 2 * (ENTERPRISES + SINGLE);
    const ok =
      detail.status === 'done' &&
      detail.opened === ENTERPRISES &&
      Number(counts.negotiations) === ENTERPRISES &&
      Number(counts.enterprises) === ENTERPRISES &&
      Number(counts.events) === ENTERPRISES &&
      Number(counts.replyDeadlines) === ENTERPRISES &&
      Number(counts.auditRows) === expectedAudit;
    failed = !ok;

    const itemsPerSecond = ENTERPRISES / campaignSeconds;
    const singlePerSecond = SINGLE / singleSeconds;
    const ms = (v) => `${v.toFixed(2)} ms`;
    const pct = (p) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)];
    const lines = [
      `MariaDB ${server.version}, buffer pool ${Math.round(server.pool / 2 ** 20)} MB; ${ENTERPRISES} campaign targets, batch ${process.env.CAMPAIGN_BATCH_SIZE ?? 500}; ${SINGLE} single offers with ${CONNECTIONS} clients`,
      `campaign: ${ENTERPRISES} rounds opened in ${campaignSeconds.toFixed(1)} s (freeze ${frozenSeconds.toFixed(1)} s) = ${itemsPerSecond.toFixed(0)} items/s, ${((1000 * campaignSeconds) / ENTERPRISES).toFixed(3)} ms wall per item; CPU per item: app ${ms((1000 * campaignCpu.app) / ENTERPRISES)}, mariadbd ${ms((1000 * campaignCpu.db) / ENTERPRISES)}`,
      `single offers through the API: ${singlePerSecond.toFixed(0)} offers/s (2 requests each), ${((1000 * singleSeconds) / SINGLE).toFixed(3)} ms wall per offer, p50 ${ms(pct(50))}, p99 ${ms(pct(99))} per offer; CPU per offer: app ${ms((1000 * singleCpu.app) / SINGLE)}, mariadbd ${ms((1000 * singleCpu.db) / SINGLE)}`,
      `ratio campaign/single: ${(itemsPerSecond / singlePerSecond).toFixed(1)}× the items per second; CPU per item ${(((campaignCpu.app + campaignCpu.db) / ENTERPRISES / ((singleCpu.app + singleCpu.db) / SINGLE)) * 100).toFixed(1)} % of a single offer's (app + mariadbd)`,
      `goal: ≥ ${GOAL_RATE.toFixed(0)} items/s (100,000 in ≤ 120 s): ${itemsPerSecond >= GOAL_RATE ? 'met' : 'missed'}; at this rate 100,000 take ${(100_000 / itemsPerSecond).toFixed(1)} s`,
      `check: status ${detail.status}, opened ${detail.opened}, byStage ${JSON.stringify(detail.byStage)}, negotiations ${counts.negotiations}, enterprises ${counts.enterprises}, OFFER_SENT events ${counts.events}, reply deadlines ${counts.replyDeadlines}, audit rows ${counts.auditRows} (expected ${expectedAudit}): ${ok ? 'ok' : 'WRONG'}`,
    ];
    console.log(lines.join('\n'));
  } finally {
    await pool.end();
    const exit = await stopApp(app);
    log(`app stopped with SIGTERM, exit code ${exit}`);
  }
  if (failed) process.exitCode = 1;
}

main().catch((error) => {
  console.error(`bench: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
