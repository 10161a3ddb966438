import { isMysqlFamily, writeTransaction } from '../src/database/transactions';
import { AuditEntry } from '../src/audit/audit-entry.entity';
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
