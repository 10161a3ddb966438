import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { anEnterprise } from '../../support/factories';
import { exitCode, freePort, root, startApp } from '../../support/processes';
import { until } from './galera-cluster';

const run = promisify(execFile);

export const ADMIN_PASSWORD = 'cluster-admin-password';
const JWT_SECRET = 'a-cluster-test-secret-shared-by-every-instance';

export interface Instance {
  index: number;
  url: string;
  app: ReturnType<typeof startApp>;
}

export interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON of many shapes
  retryAfter: string | null;
}

/** Runs the migrations once on a database, as docs/deployment.md says before instances start. */
export async function migrate(directory: string, databaseUrl: string): Promise<void> {
  await run(process.execPath, [join(root, 'dist', 'src', 'cli', 'migrate.js'), 'run'], {
    cwd: directory,
    env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl },
  });
}

/** Runs a command of the CLI (`npm run cli -- <args>`) on a database, as an operator would; its output. */
export async function cli(directory: string, databaseUrl: string, args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [join(root, 'dist', 'src', 'cli', 'main.js'), ...args], {
    cwd: directory,
    env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl, JWT_SECRET },
  });
  return stdout;
}

/**
 * Instances of the built app, one per database URL, sharing JWT_SECRET, started with
 * MIGRATE_ON_START=off (the caller migrates first), and an admin's token valid on every one.
 */
export class AppInstances {
  readonly list: Instance[] = [];
  private token = '';

  constructor(private readonly directory: string) {}

  async start(databaseUrls: string[], env: Record<string, string> = {}): Promise<void> {
    for (const [i, databaseUrl] of databaseUrls.entries()) {
      const port = await freePort();
      const app = startApp(
        {
          PORT: String(port),
          HOST: '127.0.0.1',
          DATABASE_URL: databaseUrl,
          JWT_SECRET,
          BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
          MAIL_OUTBOX_DIR: join(this.directory, `outbox${i + 1}`),
          LOG_LEVEL: 'warn',
          MIGRATE_ON_START: 'off',
          ...env,
        },
        this.directory,
      );
      this.list.push({ index: i + 1, url: `http://127.0.0.1:${port}`, app });
    }
    for (const instance of this.list) {
      await until(
        async () =>
          (await this.call(instance, 'GET', '/health/ready').catch(() => ({ status: 0 }))).status === 200,
        60_000,
        () => `instance ${instance.index} to be ready:\n${instance.app.output()}`,
      );
    }
    const login = await this.ok(this.list[0], 'POST', '/api/v1/auth/login', {
      username: 'admin',
      password: ADMIN_PASSWORD,
    });
    this.token = login.accessToken;
  }

  async stop(): Promise<void> {
    for (const instance of this.list) {
      instance.app.child.kill('SIGTERM');
      await exitCode(instance.app.child);
    }
    this.list.length = 0;
  }

  async call(instance: Instance, method: string, path: string, body?: unknown): Promise<Answer> {
    const res = await fetch(`${instance.url}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: kept as text
    }
    return { status: res.status, body: parsed, retryAfter: res.headers.get('retry-after') };
  }

  /** `call`, refusing any answer that is not 2xx. */
  async ok(instance: Instance, method: string, path: string, body?: unknown) {
    const answer = await this.call(instance, method, path, body);
    if (answer.status >= 300) {
      throw new Error(
        `${method} ${path} on instance ${instance.index}: ${answer.status} ${JSON.stringify(answer.body)}`,
      );
    }
    return answer.body;
  }

  /** A negotiation of a new enterprise, its events posted each to the next instance in turn. */
  async negotiationThrough(
    events: Record<string, unknown>[],
    first: number,
  ): Promise<{ id: number; version: number }> {
    const at = (step: number) => this.list[(first + step) % this.list.length];
    const enterprise = await this.ok(at(0), 'POST', '/api/v1/enterprises', anEnterprise());
    let negotiation = await this.ok(at(1), 'POST', '/api/v1/negotiations', {
      agreementKind: 'wage',
      scope: 'enterprise',
      enterpriseIds: [enterprise.id],
    });
    for (const [step, event] of events.entries()) {
      negotiation = await this.ok(at(step + 2), 'POST', `/api/v1/negotiations/${negotiation.id}/events`, {
        ...event,
        expectedVersion: negotiation.version,
      });
    }
    return { id: negotiation.id, version: negotiation.version };
  }
}

/** `work(0 … count-1)`, `width` at a time. */
export async function inParallel<T>(
  count: number,
  width: number,
  work: (i: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await work(i);
      }
    }),
  );
  return results;
}
