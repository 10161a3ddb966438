import { execFile, spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import request from 'supertest';
import { parseDatabaseUrl, type DatabaseConfig } from '../src/config/database-url';
import { anEnterprise } from './support/factories';
import { buildIfNeeded, root } from './support/processes';
import { createTestApp, type TestApp } from './support/test-app';
import { isServerDatabase, testDatabaseConfig } from './support/test-database';
import { aSignedInUser, type SignedInUser } from './support/users';

const run = promisify(execFile);

/**
 * The restore drill (docs/deployment.md, "Backups"): `npm run cli -- backup <file>` run as its own
 * process while the app writes, restored into a new database the way the documentation says;
 * every write acknowledged before the backup began is in it, and every enterprise in it has the
 * audit row written in the same transaction (no half-written work).
 */
describe('backup under write load, restored (e2e)', () => {
  let directory: string;
  let database: DatabaseConfig;
  let sut: TestApp;
  let admin: SignedInUser;

  beforeAll(async () => {
    buildIfNeeded();
    directory = mkdtempSync(join(tmpdir(), 'wagetrack-backup-'));
    // SQLite: a file, as deployed (an in-memory database has no other process to back it up).
    database = isServerDatabase()
      ? testDatabaseConfig()
      : parseDatabaseUrl(`sqlite:${join(directory, 'live.sqlite')}`);
    sut = await createTestApp({ server: { database } });
    admin = await aSignedInUser(sut, 'admin');
  }, 120_000);
  afterAll(async () => {
    await sut.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('finds every acknowledged write in the restored copy, and nothing half-written', async () => {
    const acknowledgedBefore: string[] = [];
    let backupStarted = false;
    let stop = false;
    let written = 0;
    const writers = Array.from({ length: 4 }, async () => {
      while (!stop) {
        const enterprise = anEnterprise();
        const res = await request(sut.http).post('/api/v1/enterprises').set(admin.auth).send(enterprise);
        expect(res.status).toBe(201);
        written += 1;
        if (!backupStarted) acknowledgedBefore.push(enterprise.creditCode);
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const file = join(directory, isServerDatabase() ? 'backup.sql' : 'backup.sqlite');
    backupStarted = true;
    let stdout = '';
    try {
      ({ stdout } = await run(
        process.execPath,
        [join(root, 'dist', 'src', 'cli', 'main.js'), 'backup', file],
        {
          cwd: directory,
          env: {
            PATH: process.env.PATH,
            DATABASE_URL: database.url,
            JWT_SECRET: 'a-test-secret-that-is-long-enough-for-the-check',
          },
        },
      ));
      await new Promise((resolve) => setTimeout(resolve, 300)); // writes go on after it
    } finally {
      stop = true;
      await Promise.all(writers);
    }
    expect(stdout).toMatch(/^backed up to /);
    expect(acknowledgedBefore.length).toBeGreaterThan(5);
    expect(written).toBeGreaterThan(acknowledgedBefore.length);

    const restored = await restore(file);
    const codes = new Set(restored.enterprises);
    expect(acknowledgedBefore.filter((code) => !codes.has(code))).toEqual([]);
    expect(restored.withoutAudit).toBe(0);
  }, 120_000);

  /** Restores the backup as docs/deployment.md says; the enterprises' credit codes and those lacking their audit row. */
  async function restore(file: string): Promise<{ enterprises: string[]; withoutAudit: number }> {
    const orphans = `SELECT COUNT(*) AS n FROM enterprises e WHERE NOT EXISTS
      (SELECT 1 FROM audit_entries a WHERE a.entity_type = 'enterprise' AND a.entity_id = CAST(e.id AS CHAR))`;
    const db = database;
    if (db.kind === 'sqlite') {
      const copy = new Database(file, { readonly: true });
      try {
        const rows = copy.prepare('SELECT credit_code AS code FROM enterprises').all() as Array<{
          code: string;
        }>;
        const { n } = copy.prepare(orphans).get() as { n: number };
        return { enterprises: rows.map((row) => row.code), withoutAudit: n };
      } finally {
        copy.close();
      }
    }
    const name = `${db.database}_restored`;
    // The app's own connection (a root user in the tests) creates and reads the new database.
    const query = (sql: string) => sut.dataSource.query(sql);
    await query(`DROP DATABASE IF EXISTS \`${name}\``);
    await query(`CREATE DATABASE \`${name}\``);
    try {
      // mariadb <name> < backup.sql
      await new Promise<void>((resolve, reject) => {
        const client = spawn(
          'mariadb',
          [`--host=${db.host}`, `--port=${db.port}`, `--user=${db.username}`, name],
          {
            env: { PATH: process.env.PATH, MYSQL_PWD: db.password },
            stdio: ['pipe', 'ignore', 'pipe'],
          },
        );
        let errors = '';
        client.stderr.on('data', (chunk: Buffer) => (errors += String(chunk)));
        client.on('error', reject);
        client.on('close', (code) =>
          code === 0 ? resolve() : reject(new Error(`mariadb exited ${code}: ${errors}`)),
        );
        createReadStream(file).pipe(client.stdin);
      });
      const rows: Array<{ code: string }> = await query(
        `SELECT credit_code AS code FROM \`${name}\`.enterprises`,
      );
      const inRestored = orphans
        .replace(' enterprises ', ` \`${name}\`.enterprises `)
        .replace(' audit_entries ', ` \`${name}\`.audit_entries `);
      const [{ n }] = await query(inRestored);
      return { enterprises: rows.map((row) => row.code), withoutAudit: Number(n) };
    } finally {
      await query(`DROP DATABASE IF EXISTS \`${name}\``);
    }
  }
});
