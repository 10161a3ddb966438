import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createConnection } from 'mysql2/promise';
import { buildIfNeeded, exitCode, freePort, root, startApp, waitForHealth } from './support/processes';
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

  it("starts on a database created with the server's defaults (latin1) and keeps Chinese names", async () => {
    const config = testDatabaseConfig();
    if (config.kind === 'sqlite') throw new Error('a server database is needed');
    const database = `${config.database}_latin1`;
    const server = await createConnection({
      host: config.host,
      port: config.port,
      user: config.username,
      password: config.password,
    });
    const port = await freePort();
    let app: ReturnType<typeof startApp> | undefined;
    try {
      await server.query(`DROP DATABASE IF EXISTS \`${database}\``);
      await server.query(`CREATE DATABASE \`${database}\` CHARACTER SET latin1 COLLATE latin1_swedish_ci`);
      app = startApp(
        {
          PORT: String(port),
          HOST: '127.0.0.1',
          DATABASE_URL: config.url.replace(/\/[^/?]+(\?|$)/, `/${database}$1`),
          JWT_SECRET: 'a-test-secret-that-is-long-enough-for-the-check',
          BOOTSTRAP_ADMIN_PASSWORD: 'a-first-admin-password',
        },
        directory,
      );
      const health = await waitForHealth(`http://127.0.0.1:${port}/health`, app.child, 60_000);
      expect(health.status).toBe(200);
      // The first admin (系统管理员) was saved: before the migrations named utf8mb4, this failed
      // with "Incorrect string value" and the app did not start.
      const [users] = await server.query(`SELECT display_name AS name FROM \`${database}\`.users`);
      expect(users).toEqual([{ name: '系统管理员' }]);
      const [columns] = await server.query(
        `SELECT CONCAT(TABLE_NAME, '.', COLUMN_NAME, ' ', CHARACTER_SET_NAME) AS col FROM information_schema.COLUMNS
          WHERE TABLE_SCHEMA = ? AND CHARACTER_SET_NAME IS NOT NULL AND CHARACTER_SET_NAME <> 'utf8mb4'`,
        [database],
      );
      expect(columns).toEqual([]);
    } finally {
      app?.child.kill('SIGTERM');
      if (app) await exitCode(app.child);
      await server.query(`DROP DATABASE IF EXISTS \`${database}\``);
      await server.end();
    }
  }, 90_000);
});
