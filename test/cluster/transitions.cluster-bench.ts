import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { daysAgo, REPRESENTATIVES, today } from '../support/negotiations';
import { buildIfNeeded } from '../support/processes';
import { AppInstances, inParallel, migrate } from './support/app-instances';
import { GaleraCluster } from './support/galera-cluster';

/**
 * `npm run bench:cluster` (docs/benchmarks.md, "Galera cluster"): workflow events per second
 * through the HTTP API, and their p50/p99, with three app instances on a three-node Galera
 * cluster beside one instance on one plain MariaDB server with the same settings (the anchor),
 * alternating in one run; then the time to fail over: a node killed under the cluster's load,
 * the longest time its survivors' clients waited for an answer, and the time until the killed
 * node's instance served again once the node restarted. Run as root. Not a test: it asserts
 * nothing but that the load ran.
 *
 * Environment: ROUNDS (default 2), DURATION seconds per phase (15), CONNECTIONS (12).
 */
const ROUNDS = Number(process.env.ROUNDS ?? 2);
const DURATION = Number(process.env.DURATION ?? 15);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 12);

interface Setup {
  name: string;
  apps: AppInstances;
  negotiations: Array<{ id: number; version: number }>;
}

interface Phase {
  events: number;
  latencies: number[];
  /** Per client: the longest time between two answers that were 200. */
  stalls: number[];
  statuses: Map<number, number>;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

describe('bench: workflow events on a Galera cluster beside one server', () => {
  const cluster = new GaleraCluster(3);
  const single = new GaleraCluster(1, false);
  let directory: string;
  const setups: Setup[] = [];

  beforeAll(async () => {
    buildIfNeeded();
    directory = mkdtempSync(join(tmpdir(), 'wagetrack-bench-cluster-'));
    await Promise.all([cluster.start(), single.start()]);
    for (const [name, urls] of [
      ['one server', [single.url(1)]],
      ['cluster (3 nodes, 3 instances)', [1, 2, 3].map((i) => cluster.url(i))],
    ] as const) {
      await migrate(directory, urls[0]);
      const apps = new AppInstances(join(directory));
      await apps.start([...urls], { SCHEDULER: 'off', LOG_LEVEL: 'error' });
      const negotiations = await inParallel(CONNECTIONS, 4, (i) =>
        apps.negotiationThrough(
          [
            { type: 'OFFER_SENT', occurredOn: daysAgo(30), sentBy: 'union', receivedOn: daysAgo(30) },
            { type: 'OFFER_ACCEPTED', occurredOn: daysAgo(25) },
            { type: 'REPRESENTATIVES_CONFIRMED', occurredOn: daysAgo(20), ...REPRESENTATIVES },
          ],
          i,
        ),
      );
      setups.push({ name, apps, negotiations });
    }
  }, 300_000);

  afterAll(async () => {
    for (const setup of setups) await setup.apps.stop();
    await Promise.all([cluster.stop(), single.stop()]);
    rmSync(directory, { recursive: true, force: true });
  }, 120_000);

  /** CONNECTIONS clients, each on its own negotiation and instance, posting meetings for `seconds`. */
  async function load(setup: Setup, seconds: number, during?: () => Promise<void>): Promise<Phase> {
    const phase: Phase = { events: 0, latencies: [], stalls: [], statuses: new Map() };
    const end = Date.now() + seconds * 1000;
    const clients = setup.negotiations.map(async (negotiation, c) => {
      const instance = setup.apps.list[c % setup.apps.list.length];
      let lastOk = Date.now();
      let stall = 0;
      while (Date.now() < end) {
        const started = performance.now();
        const answer = await setup.apps
          .call(instance, 'POST', `/api/v1/negotiations/${negotiation.id}/events`, {
            type: 'MEETING_HELD',
            occurredOn: today(),
            summary: 'bench',
            expectedVersion: negotiation.version,
          })
          .catch(() => ({ status: 0, body: null, retryAfter: null }));
        phase.statuses.set(answer.status, (phase.statuses.get(answer.status) ?? 0) + 1);
        if (answer.status === 200) {
          phase.events += 1;
          phase.latencies.push(performance.now() - started);
          negotiation.version = answer.body.version;
          stall = Math.max(stall, Date.now() - lastOk);
          lastOk = Date.now();
        } else if (answer.status === 409) {
          const current = await setup.apps.call(instance, 'GET', `/api/v1/negotiations/${negotiation.id}`);
          if (current.status === 200) negotiation.version = current.body.version;
        } else {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      phase.stalls[c] = Math.max(stall, Date.now() - lastOk);
    });
    await Promise.all([...clients, during?.()]);
    phase.latencies.sort((a, b) => a - b);
    return phase;
  }

  function line(name: string, phase: Phase, seconds: number): string {
    const rate = phase.events / seconds;
    const p = (q: number) => `${percentile(phase.latencies, q).toFixed(1)} ms`;
    const statuses = [...phase.statuses].map(([s, n]) => `${n}×${s}`).join(' ');
    return `${name.padEnd(32)} ${rate.toFixed(0).padStart(6)} events/s  p50 ${p(50)}  p99 ${p(99)}  (${statuses})`;
  }

  it('measures events/s and p99 on the cluster beside one server, and the time to fail over', async () => {
    const rates = new Map<string, number[]>();
    const lines: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      for (const setup of setups) {
        const phase = await load(setup, DURATION);
        rates.set(setup.name, [...(rates.get(setup.name) ?? []), phase.events / DURATION]);
        lines.push(`round ${round}: ${line(setup.name, phase, DURATION)}`);
        expect(phase.events).toBeGreaterThan(0);
      }
    }
    const [server, clustered] = setups.map((s) => rates.get(s.name)!);
    const ratio = clustered.reduce((a, b) => a + b, 0) / server.reduce((a, b) => a + b, 0);

    // Fail-over: node 3 killed 5 s into a 30 s run, started again 10 s later.
    const setup = setups[1];
    let killedAt = 0;
    let servedAgainAfter = NaN;
    const phase = await load(setup, 30, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5000));
      killedAt = Date.now();
      await cluster.kill(3);
      await new Promise((resolve) => setTimeout(resolve, 10_000));
      await cluster.restart(3);
      const instance = setup.apps.list[2];
      while ((await setup.apps.call(instance, 'GET', '/health/ready')).status !== 200) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      servedAgainAfter = (Date.now() - killedAt) / 1000;
    });
    const survivors = phase.stalls.filter((_, c) => c % 3 !== 2);
    lines.push(`fail-over run: ${line('cluster, node 3 killed', phase, 30)}`);
    lines.push(
      `longest wait for an answer on the surviving nodes' instances: ${(Math.max(...survivors) / 1000).toFixed(2)} s; ` +
        `the killed node's instance ready again ${servedAgainAfter.toFixed(1)} s after the kill (restarted after 10 s)`,
    );
    lines.push(`cluster / one server: ${(ratio * 100).toFixed(1)} % of the events per second`);
    console.log(lines.join('\n'));
  }, 600_000);
});
