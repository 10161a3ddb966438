import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection, type Connection } from 'mysql2/promise';
import { anEnterprise } from '../support/factories';
import { daysAgo, REPRESENTATIVES, toSigning, today } from '../support/negotiations';
import { buildIfNeeded } from '../support/processes';
import { SmtpSink } from '../support/smtp-sink';
import { type Answer, AppInstances, cli, inParallel, type Instance, migrate } from './support/app-instances';
import {
  CLUSTER_DATABASE,
  CLUSTER_PASSWORD,
  CLUSTER_USER,
  GaleraCluster,
  until,
} from './support/galera-cluster';

/**
 * `npm run test:cluster` (docs/deployment.md, "A three-node MariaDB Galera cluster"): three app instances, one per
 * node of a three-node MariaDB Galera cluster started here, with an SMTP sink in this process.
 * What a deployment on a cluster must keep: one writer wins a race, no false conflicts across
 * nodes, nothing acknowledged lost when a node dies, timers and reminders done once, the same
 * answers from every instance. Run as root (the nodes run as `mysql`); about two minutes.
 */
describe('three app instances on a three-node Galera cluster', () => {
  const cluster = new GaleraCluster(3);
  const sink = new SmtpSink();
  let apps: AppInstances;
  let instances: Instance[];
  let directory: string;
  let db: Connection;
  const call = (instance: Instance, method: string, path: string, body?: unknown) =>
    apps.call(instance, method, path, body);
  const ok = (instance: Instance, method: string, path: string, body?: unknown) =>
    apps.ok(instance, method, path, body);
  const negotiationThrough = (events: Record<string, unknown>[], first: number) =>
    apps.negotiationThrough(events, first);

  beforeAll(async () => {
    buildIfNeeded();
    directory = mkdtempSync(join(tmpdir(), 'wagetrack-cluster-'));
    await sink.start();
    await cluster.start();
    // Migrations run once, before the instances start (docs/deployment.md).
    await migrate(directory, cluster.url(1));
    apps = new AppInstances(directory);
    await apps.start(
      [1, 2, 3].map((index) => cluster.url(index)),
      { SMTP_URL: sink.url },
    );
    instances = apps.list;
    const node1 = cluster.nodes[0];
    db = await createConnection({
      host: '127.0.0.1',
      port: node1.port,
      user: CLUSTER_USER,
      password: CLUSTER_PASSWORD,
      database: CLUSTER_DATABASE,
      charset: 'UTF8MB4_UNICODE_CI',
    });
  }, 240_000);

  afterAll(async () => {
    await db?.end().catch(() => undefined);
    await apps?.stop();
    await cluster.stop();
    await sink.stop();
    rmSync(directory, { recursive: true, force: true });
  }, 60_000);

  it('lets exactly one of 30 concurrent events at one version through, spread over the three instances; the log has no gap', async () => {
    const { id } = await negotiationThrough([], 0);
    const [offer] = toSigning(daysAgo(40));
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        call(instances[i % 3], 'POST', `/api/v1/negotiations/${id}/events`, { ...offer, expectedVersion: 0 }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, ...Array<number>(29).fill(409)]);
    // The losers are told the version moved on (whichever node's commit won), not a retry failure.
    const refused = answers.filter((a) => a.status === 409).map((a) => a.body.code);
    expect(new Set(refused)).toEqual(new Set(['NEGOTIATION.VERSION_CONFLICT']));
    const [events] = await db.query(
      'SELECT seq FROM negotiation_events WHERE negotiation_id = ? ORDER BY seq',
      [id],
    );
    expect(events).toEqual([{ seq: 1 }]);
  });

  it('opens one round, not two, when 20 requests open a round for one enterprise through the three instances at once', async () => {
    const enterprise = await ok(instances[0], 'POST', '/api/v1/enterprises', anEnterprise());
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call(instances[i % 3], 'POST', '/api/v1/negotiations', {
          agreementKind: 'wage',
          scope: 'enterprise',
          enterpriseIds: [enterprise.id],
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, ...Array<number>(19).fill(409)]);
    const [rounds] = await db.query(
      'SELECT negotiation_id FROM negotiation_enterprises WHERE enterprise_id = ?',
      [enterprise.id],
    );
    expect(rounds).toHaveLength(1);
  });

  it('fires each of 200 due review timers exactly once with all three instances running timers, after rounds clicked through alternating instances met no false conflict', async () => {
    // Each step of each round goes to the next instance: a read on one node right after a write
    // through another must see it (causal reads), or the step answers a false 409.
    const events = [...toSigning(daysAgo(80)), { type: 'SUBMITTED_FOR_REVIEW', occurredOn: daysAgo(50) }];
    const rounds = await inParallel(200, 6, (i) => negotiationThrough(events, i));
    const runs = await Promise.all(
      [...instances, ...instances].map((instance) => call(instance, 'POST', '/api/v1/timers/run')),
    );
    expect(runs.map((r) => r.status)).toEqual(Array(6).fill(200));
    const ids = rounds.map((r) => r.id);
    const [elapsed] = await db.query(
      `SELECT negotiation_id AS id, COUNT(*) AS n FROM negotiation_events
        WHERE type = 'REVIEW_PERIOD_ELAPSED' AND negotiation_id IN (?) GROUP BY negotiation_id`,
      [ids],
    );
    expect((elapsed as Array<{ n: number }>).length).toBe(200);
    expect(new Set((elapsed as Array<{ n: number }>).map((row) => Number(row.n)))).toEqual(new Set([1]));
    const fired = runs.reduce((sum, r) => sum + Number(r.body.fired), 0);
    expect(fired).toBeLessThanOrEqual(200); // the schedulers may have fired some first
    const [gaps] = await db.query(
      `SELECT negotiation_id FROM negotiation_events WHERE negotiation_id IN (?)
        GROUP BY negotiation_id HAVING MIN(seq) <> 1 OR MAX(seq) <> COUNT(*) OR COUNT(DISTINCT seq) <> COUNT(*)`,
      [ids],
    );
    expect(gaps).toEqual([]);
  }, 240_000);

  it('loses nothing acknowledged when a node is killed under load; its instance answers 503, never 500, until the node is back', async () => {
    const workers = 12;
    const negotiations = await inParallel(workers, 6, (i) =>
      negotiationThrough(
        [
          { type: 'OFFER_SENT', occurredOn: daysAgo(30), sentBy: 'union', receivedOn: daysAgo(30) },
          { type: 'OFFER_ACCEPTED', occurredOn: daysAgo(25) },
          { type: 'REPRESENTATIVES_CONFIRMED', occurredOn: daysAgo(20), ...REPRESENTATIVES },
        ],
        i,
      ),
    );
    const acknowledged: string[] = [];
    const statuses = new Map<number, number[]>([1, 2, 3].map((i) => [i, []]));
    const readyWhileDown: number[] = [];
    let stop = false;
    let down = false;
    const servedWhileDown = { 1: 0, 2: 0 } as Record<number, number>;

    const load = Promise.all(
      negotiations.map(async (negotiation, w) => {
        const instance = instances[w % 3];
        let version = negotiation.version;
        for (let n = 0; !stop; n++) {
          const summary = `load ${w}-${n}`;
          const answer = await call(instance, 'POST', `/api/v1/negotiations/${negotiation.id}/events`, {
            type: 'MEETING_HELD',
            occurredOn: today(),
            summary,
            expectedVersion: version,
          }).catch(() => ({ status: 0, body: null, retryAfter: null }) as Answer);
          statuses.get(instance.index)!.push(answer.status);
          if (answer.status === 200) {
            acknowledged.push(summary);
            version = answer.body.version;
            if (down && instance.index !== 3) servedWhileDown[instance.index] += 1;
          } else if (answer.status === 409) {
            // An answer lost with its node after the commit: the version moved on. Read it again.
            const current = await call(instance, 'GET', `/api/v1/negotiations/${negotiation.id}`);
            if (current.status === 200) version = current.body.version;
          } else {
            await new Promise((resolve) => setTimeout(resolve, 200));
          }
        }
      }),
    );
    const loadStarted = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 4000));
    await cluster.kill(3);
    down = true;
    const probe = (async () => {
      while (down) {
        const ready = await call(instances[2], 'GET', '/health/ready').catch(() => null);
        if (ready) readyWhileDown.push(ready.status);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    await cluster.restart(3);
    down = false;
    await probe;
    await until(async () => (await call(instances[2], 'GET', '/health/ready')).status === 200, 30_000);
    // Serving again on the rejoined node, and the load runs 30 s in all.
    await new Promise((resolve) => setTimeout(resolve, Math.max(3000, 30_000 - (Date.now() - loadStarted))));
    stop = true;
    await load;

    const all = [...statuses.values()].flat();
    const count = (list: number[], status: number) => list.filter((s) => s === status).length;
    console.log(
      `cluster load: ${acknowledged.length} events acknowledged; answers per instance ` +
        [...statuses]
          .map(
            ([i, list]) => `#${i}: ${count(list, 200)}×200 ${count(list, 409)}×409 ${count(list, 503)}×503`,
          )
          .join(', ') +
        `; /health/ready on the dead node's instance: ${readyWhileDown.join(' ')}`,
    );
    if (all.some((status) => status >= 500 && status !== 503)) {
      // What the instances logged, for the failure below.
      for (const instance of instances)
        console.log(
          instance.app
            .output()
            .split('\n')
            .filter((line) => line.includes('"level":50'))
            .slice(0, 5)
            .join('\n'),
        );
    }
    expect(all.filter((status) => status >= 500 && status !== 503)).toEqual([]);
    expect(readyWhileDown).toContain(503);
    expect(statuses.get(3)).toContain(503);
    expect(servedWhileDown[1]).toBeGreaterThan(0);
    expect(servedWhileDown[2]).toBeGreaterThan(0);
    expect(statuses.get(3)!.slice(-5)).toContain(200); // the instance recovered with its node
    // Every acknowledged event is in the log, once; no log has a gap.
    const ids = negotiations.map((n) => n.id);
    const [meetings] = await db.query(
      `SELECT JSON_UNQUOTE(JSON_EXTRACT(payload, '$.summary')) AS summary, COUNT(*) AS n FROM negotiation_events
        WHERE negotiation_id IN (?) AND type = 'MEETING_HELD' GROUP BY summary`,
      [ids],
    );
    const logged = new Map(
      (meetings as Array<{ summary: string; n: number }>).map((m) => [m.summary, Number(m.n)]),
    );
    expect(acknowledged.filter((summary) => logged.get(summary) !== 1)).toEqual([]);
    expect([...logged.values()].filter((n) => n !== 1)).toEqual([]);
    const [gaps] = await db.query(
      `SELECT negotiation_id FROM negotiation_events WHERE negotiation_id IN (?)
        GROUP BY negotiation_id HAVING MIN(seq) <> 1 OR MAX(seq) <> COUNT(*)`,
      [ids],
    );
    expect(gaps).toEqual([]);
    expect(acknowledged.length).toBeGreaterThan(100);
  }, 180_000);

  it('delivers each of 300 reminders exactly once with the three instances sending', async () => {
    const [users] = await db.query("SELECT id FROM users WHERE username = 'admin'");
    const adminId = (users as Array<{ id: number }>)[0].id;
    sink.clear();
    // A slow relay (0.8 s a message): two senders need 24 s for the 300 (50 claimed at a time, 5
    // sent at once), longer than the 15 s in which the third sender's turn comes, so all three
    // claim and send, whatever their timers' phases.
    sink.answerAfter(800);
    const rows = Array.from({ length: 300 }, (_, i) => [
      adminId,
      `admin${i}@example.cn`,
      'digest',
      today(),
      `cluster.${i}.${today()}`,
      `集群测试提醒 ${i}`,
      `提醒 ${i}`,
      `<p>提醒 ${i}</p>`,
      'pending',
      0,
      new Date(Date.now() - 60_000),
    ]);
    await db.query(
      `INSERT INTO reminders (recipient_id, recipient_email, slot_kind, slot_date, dedupe_key, subject, text_body,
        html_body, status, attempts, next_attempt_at) VALUES ?`,
      [rows],
    );
    // Each instance's sender runs every 15 s.
    await until(
      async () => {
        const [left] = await db.query(
          "SELECT COUNT(*) AS n FROM reminders WHERE dedupe_key LIKE 'cluster.%' AND status <> 'sent'",
        );
        return Number((left as Array<{ n: number }>)[0].n) === 0;
      },
      90_000,
      () => `every reminder sent (${sink.received.length} received)`,
    );
    sink.answerAfter(0);
    const ids = sink.received.map((mail) => mail.messageId).filter((id) => id.includes('cluster.'));
    expect(ids).toHaveLength(300);
    expect(new Set(ids).size).toBe(300);
    // The last claim of a sent reminder stays on its row: `<instance>#<claim>` (database/work-lease.ts).
    const [owners] = await db.query(
      `SELECT SUBSTRING_INDEX(lease_owner, '#', 1) AS instance, COUNT(*) AS n FROM reminders
        WHERE dedupe_key LIKE 'cluster.%' GROUP BY 1`,
    );
    const sentBy = owners as Array<{ instance: string; n: number }>;
    expect(sentBy).toHaveLength(3);
    expect(sentBy.reduce((sum, row) => sum + Number(row.n), 0)).toBe(300);
  }, 120_000);

  it('answers the same report from each instance', async () => {
    const path = `/api/v1/reports/signing-rates?groupBy=sector&asOf=${today()}`;
    const answers = await Promise.all(instances.map((instance) => ok(instance, 'GET', path)));
    expect(answers[0].total.enterprises).toBeGreaterThan(200);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it('rebuilds the report aggregates through one node while the instances run (tables swapped in on every node), and they answer as before', async () => {
    const path = `/api/v1/reports/signing-rates?groupBy=township&asOf=${today()}`;
    const before = await ok(instances[0], 'GET', path);
    expect(before.total.enterprises).toBeGreaterThan(200);
    // A hand edit on node 1 (written past the app): verify there finds it.
    const [found] = await db.query(
      "SELECT bucket, e0 FROM coverage_cells WHERE unit_id = 0 AND dim = 'all' AND grain = 'y' AND val = '' ORDER BY bucket DESC LIMIT 1",
    );
    const [{ bucket, e0 }] = found as Array<{ bucket: string; e0: number | string }>;
    await db.query(
      "UPDATE coverage_cells SET e0 = e0 + 1000 WHERE unit_id = 0 AND dim = 'all' AND grain = 'y' AND val = '' AND bucket = ?",
      [bucket],
    );
    await expect(cli(directory, cluster.url(1), ['reports:verify'])).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringMatching(/cell 0 all .* y /),
    });
    expect(await cli(directory, cluster.url(2), ['reports:rebuild'])).toMatch(
      /rebuilt the report aggregates of \d+ enterprise/,
    );
    expect(await cli(directory, cluster.url(2), ['reports:verify'])).toMatch(/: 0 difference\(s\)/);
    // The copies were made, filled and renamed on node 2; the statements replicate to the others
    // (applied there a moment later): node 1 holds the rebuilt row, and nothing is left beside it.
    const onNode1 = async () => {
      const [row] = await db.query(
        "SELECT e0 FROM coverage_cells WHERE unit_id = 0 AND dim = 'all' AND grain = 'y' AND val = '' AND bucket = ?",
        [bucket],
      );
      const [left] = await db.query(
        "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND (TABLE_NAME LIKE 'coverage%rebuilt' OR TABLE_NAME LIKE 'coverage%replaced')",
      );
      return { e0: Number((row as Array<{ e0: number | string }>)[0]?.e0), left: left as unknown[] };
    };
    await until(
      async () => {
        const now = await onNode1();
        return now.e0 === Number(e0) && now.left.length === 0;
      },
      30_000,
      () => 'node 1 to hold the rebuilt tables',
    );
    const answers = await Promise.all(instances.map((instance) => ok(instance, 'GET', path)));
    for (const answer of answers) expect(answer).toEqual(before);
  }, 120_000);

  it('answers 503 with Retry-After, not 500, on the last node when two of three are down (no quorum)', async () => {
    await Promise.all([cluster.kill(2), cluster.kill(3)]);
    // The survivor leaves the primary component once it gives up on the others (a few seconds).
    await until(async () => (await call(instances[0], 'GET', '/api/v1/enterprises')).status === 503, 30_000);
    const answer = await call(instances[0], 'GET', '/api/v1/enterprises');
    expect(answer).toMatchObject({ status: 503, retryAfter: '5', body: { code: 'DATABASE.UNAVAILABLE' } });
    const write = await call(instances[0], 'POST', '/api/v1/enterprises', anEnterprise());
    expect(write.status).toBe(503);
    expect((await call(instances[0], 'GET', '/health/ready')).status).toBe(503);
    expect((await call(instances[0], 'GET', '/health/live')).status).toBe(200);
  }, 60_000);
});
