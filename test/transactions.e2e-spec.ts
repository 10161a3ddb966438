import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parseDatabaseUrl } from '../src/config/database-url';
import { isMysqlFamily, writeTransaction } from '../src/database/transactions';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import { isServerDatabase } from './support/test-database';
import { createTestApp, TestApp } from './support/test-app';

/** The one way the app writes: isolation, rollback and concurrency, on each database. */
describe('writeTransaction (e2e)', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await createTestApp();
  });
  afterEach(() => sut.reset());
  afterAll(() => sut.close());

  const anAuditRow = (entityId: string) => ({
    at: new Date(),
    actorId: null,
    action: 'test.write',
    entityType: 'auth' as const,
    entityId,
    changes: null,
    ip: null,
  });

  it('runs 30 concurrent transactions, all committed (on MySQL/MariaDB each at READ COMMITTED)', async () => {
    const levels = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        writeTransaction(sut.dataSource, async (manager) => {
          await manager.insert(AuditEntry, anAuditRow(String(i)));
          if (!isMysqlFamily(sut.dataSource)) return null; // SQLite has no isolation levels
          // MariaDB names the variable tx_isolation; MySQL 8 transaction_isolation.
          const variable =
            sut.dataSource.options.type === 'mariadb' ? 'tx_isolation' : 'transaction_isolation';
          const [row] = await manager.query(`SELECT @@SESSION.${variable} AS level`);
          return row.level as string;
        }),
      ),
    );
    if (isMysqlFamily(sut.dataSource)) expect(new Set(levels)).toEqual(new Set(['READ-COMMITTED']));
    expect(await sut.dataSource.getRepository(AuditEntry).countBy({ action: 'test.write' })).toBe(30);
  });

  it('writes nothing when the work fails, and the next transaction on the same connection is clean', async () => {
    await expect(
      writeTransaction(sut.dataSource, async (manager) => {
        await manager.insert(AuditEntry, anAuditRow('rolled back'));
        throw new Error('the work failed');
      }),
    ).rejects.toThrow('the work failed');
    await writeTransaction(sut.dataSource, (manager) => manager.insert(AuditEntry, anAuditRow('kept')));
    const rows = await sut.dataSource.getRepository(AuditEntry).findBy({ action: 'test.write' });
    expect(rows.map((row) => row.entityId)).toEqual(['kept']);
  });
});

// SQLite only: on MySQL/MariaDB another process is just another connection, as the concurrency
// tests above already have.
(isServerDatabase() ? describe.skip : describe)(
  'writeTransaction on a SQLite file another process writes to (e2e)',
  () => {
    let sut: TestApp;
    let directory: string;
    let file: string;

    beforeAll(async () => {
      directory = mkdtempSync(join(tmpdir(), 'wagetrack-busy-'));
      file = join(directory, 'shared.sqlite');
      sut = await createTestApp({ server: { database: parseDatabaseUrl(`sqlite:${file}`) } });
    });
    afterAll(async () => {
      await sut.close();
      rmSync(directory, { recursive: true, force: true });
    });

    it('begins again a transaction that read before another process committed a write, and commits it', async () => {
      const other = new Database(file); // a CLI command beside the server: a backup, an import
      let attempts = 0;
      try {
        await writeTransaction(sut.dataSource, async (manager) => {
          attempts += 1;
          await manager.getRepository(AuditEntry).count(); // the transaction has a snapshot now
          if (attempts === 1) other.exec('CREATE TABLE IF NOT EXISTS other_process (x INTEGER)');
          // Writing on that snapshot is SQLITE_BUSY_SNAPSHOT (without waiting) on the first attempt.
          await manager.insert(AuditEntry, {
            at: new Date(),
            actorId: null,
            action: 'test.after-other-process',
            entityType: 'auth',
            entityId: 'x',
            changes: null,
            ip: null,
          });
        });
      } finally {
        other.close();
      }
      expect(attempts).toBe(2);
      expect(
        await sut.dataSource.getRepository(AuditEntry).countBy({ action: 'test.after-other-process' }),
      ).toBe(1);
    });
  },
);
