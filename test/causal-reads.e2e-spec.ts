import { createTestApp, type TestApp } from './support/test-app';
import { isServerDatabase } from './support/test-database';

// Causal reads are a MariaDB/Galera setting; SQLite is one file read by one process.
const onServerDatabase = isServerDatabase() ? describe : describe.skip;

onServerDatabase('causal reads on MariaDB (database/causal-reads.ts)', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await createTestApp();
  });
  afterAll(() => sut.close());

  it('makes every connection of the pool wait for the cluster before reading (wsrep_sync_wait = 1), the first one included', async () => {
    // Queries at once take as many connections from the pool, the one TypeORM opened first among them.
    const rows = await Promise.all(
      Array.from({ length: 6 }, () =>
        sut.dataSource.query(
          'SELECT CONNECTION_ID() AS id, @@SESSION.wsrep_sync_wait AS syncWait, SLEEP(0.2) AS s',
        ),
      ),
    );
    const connections = new Map(rows.map(([row]) => [Number(row.id), Number(row.syncWait)]));
    expect(connections.size).toBeGreaterThan(1);
    expect([...connections.values()]).toEqual(Array(connections.size).fill(1));
  });
});
