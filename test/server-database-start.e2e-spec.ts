import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildIfNeeded, exitCode, root, startApp } from './support/processes';
import { ensureDatabaseExists, isServerDatabase, testDatabaseConfig } from './support/test-database';

const run = promisify(execFile);

// These mistakes exist only with a database server; SQLite's are in start.process-spec.ts.
const onServerDatabase = isServerDatabase() ? describe : describe.skip;

onServerDatabase('starting against a MySQL/MariaDB server', () => {
  let directory: string;

  beforeAll(async () => {
    await ensureDatabaseExists(testDatabaseConfig());
    buildIfNeeded();
    directory = mkdtempSync(join(tmpdir(), 'wagetrack-server-start-'));
  }, 120_000);
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('stops in one line naming DATABASE_URL when the database does not exist', async () => {
    const url = testDatabaseConfig().url.replace(/\/[^/?]+(\?|$)/, '/wagetrack_test_no_such_db$1');
    const app = startApp(
      { PORT: '0', DATABASE_URL: url, JWT_SECRET: 'a-test-secret-that-is-long-enough-for-the-check' },
      directory,
    );
    expect(await exitCode(app.child)).toBe(1);
    expect(app.output().trim().split('\n')).toEqual([
      expect.stringMatching(
        /^wagetrack: configuration error: DATABASE_URL: database "wagetrack_test_no_such_db" does not exist on .*; create it first: CREATE DATABASE/,
      ),
    ]);
  }, 30_000);

  it('shows the migrations without JWT_SECRET (a migration signs no tokens)', async () => {
    const { stdout } = await run(process.execPath, [join(root, 'dist', 'src', 'cli', 'migrate.js'), 'show'], {
      cwd: directory,
      env: { PATH: process.env.PATH, DATABASE_URL: testDatabaseConfig().url },
    });
    expect(stdout).toMatch(/migrations are (applied|pending)/);
  }, 30_000);
});
