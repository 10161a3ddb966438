import type { ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIfNeeded, exitCode, freePort, startApp, waitForHealth } from './support/processes';
import { ensureDatabaseExists, isServerDatabase, testDatabaseConfig } from './support/test-database';

/** The processes whose parent is `pid` (the cluster's workers). */
function childrenOf(pid: number): number[] {
  const out = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' });
  return out.split('\n').map(Number).filter(Boolean);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// WORKERS > 1 is for MySQL/MariaDB only: SQLite refuses it at start (start.process-spec.ts).
const onServerDatabase = isServerDatabase() ? describe : describe.skip;

onServerDatabase('WORKERS: several app processes on one port (MySQL/MariaDB)', () => {
  let directory: string;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    await ensureDatabaseExists(testDatabaseConfig());
    buildIfNeeded();
    directory = mkdtempSync(join(tmpdir(), 'wagetrack-workers-'));
  }, 120_000);
  afterAll(() => {
    child?.kill('SIGKILL');
    rmSync(directory, { recursive: true, force: true });
  });

  it('starts 3 workers sharing the port, all answering, and stops them all on SIGTERM', async () => {
    const port = await freePort();
    const app = startApp(
      {
        PORT: String(port),
        WORKERS: '3',
        DATABASE_URL: testDatabaseConfig().url,
        JWT_SECRET: 'a-test-secret-that-is-long-enough-for-the-check',
        SCHEDULER: 'off',
      },
      directory,
    );
    child = app.child;
    await waitForHealth(`http://127.0.0.1:${port}/health`, child, 30_000);
    // The first worker migrates alone; the others start once it listens.
    const deadline = Date.now() + 30_000;
    while (!app.output().includes('3 workers listening') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const workers = childrenOf(child.pid!);
    expect(workers).toHaveLength(3);
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => fetch(`http://127.0.0.1:${port}/health`).then((r) => r.status)),
    );
    expect(answers).toEqual(answers.map(() => 200));

    child.kill('SIGTERM');
    expect(await exitCode(child)).toBe(0);
    expect(workers.filter(isRunning)).toEqual([]);
    expect(app.output()).toContain('all workers stopped');
  }, 90_000);
});
