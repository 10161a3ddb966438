import request from 'supertest';
import type { DataSource } from 'typeorm';
import { MIGRATIONS } from '../migrations';
import { ENTITIES } from '../src/app.entities';
import { aNegotiation, anEnterpriseId, daysAgo, record, toSigning } from './support/negotiations';
import { createTestApp, type TestApp } from './support/test-app';
import { aSignedInUser } from './support/users';

/**
 * The last migration of the previous release: what a deployment upgrading to this one has run.
 * Move it forward when a release ships (docs/deployment.md, "Upgrades").
 */
const PREVIOUS_RELEASE = 'GapListIndex1764000000007';

type Rows = Record<string, Array<Record<string, unknown>>>;

/**
 * Upgrades on live data: a database at the previous release's schema, holding the data a county
 * makes (users, enterprises with Chinese names, a negotiation through signing with its events,
 * deadlines and agreement, the audit trail, the mail outbox), is brought to this release by the
 * pending migrations, and every row of every table is still there with the same values.
 */
describe('upgrading a database of the previous release (e2e)', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await createTestApp();
  });
  afterAll(async () => {
    await sut.dataSource.runMigrations({ transaction: 'each' }); // leave it current for the other suites
    await sut.close();
  });

  /**
   * Every row of every table, in primary-key order, limited to `columns` of each table when given
   * (and to those tables: the ones this release adds are not compared).
   */
  async function everyRow(dataSource: DataSource, columns?: Record<string, string[]>): Promise<Rows> {
    const rows: Rows = {};
    const runner = dataSource.createQueryRunner();
    const present = new Set<string>();
    try {
      for (const entity of ENTITIES) {
        const table = dataSource.getMetadata(entity).tableName;
        if (await runner.hasTable(table)) present.add(table);
      }
    } finally {
      await runner.release();
    }
    for (const entity of ENTITIES) {
      const metadata = dataSource.getMetadata(entity);
      const table = metadata.tableName;
      if (columns ? !(table in columns) : !present.has(table)) continue;
      const order = metadata.primaryColumns.map((c) => dataSource.driver.escape(c.databaseName)).join(', ');
      const all: Array<Record<string, unknown>> = await dataSource.query(
        `SELECT * FROM ${dataSource.driver.escape(table)} ORDER BY ${order}`,
      );
      rows[table] = all.map((row) =>
        Object.fromEntries(
          Object.entries(row).filter(([column]) => !columns || columns[table]?.includes(column)),
        ),
      );
    }
    return rows;
  }

  it('keeps every row and value of every table through the pending migrations', async () => {
    const admin = await aSignedInUser(sut, 'admin');
    const instructor = await aSignedInUser(sut, 'instructor');
    const enterpriseId = await anEnterpriseId(sut, admin, instructor.id);
    const negotiation = await aNegotiation(sut, admin, { enterpriseIds: [enterpriseId] });
    const signed = await record(sut, admin, negotiation, toSigning(daysAgo(60)));
    const submitted = await record(sut, admin, signed, [
      { type: 'SUBMITTED_FOR_REVIEW', occurredOn: daysAgo(30) },
    ]);
    await request(sut.http).post('/api/v1/reminders/run').set(admin.auth).expect(200);

    // Back to the previous release's schema, with this data in it.
    const names = () => sut.dataSource.query('SELECT name FROM migrations ORDER BY id DESC');
    const undone: string[] = [];
    while ((await names())[0].name !== PREVIOUS_RELEASE) {
      undone.push((await names())[0].name);
      await sut.dataSource.undoLastMigration({ transaction: 'each' });
    }
    expect(undone.length).toBeGreaterThan(0); // this release has migrations of its own
    const before = await everyRow(sut.dataSource);
    expect(before.enterprises).toHaveLength(1);
    expect(before.negotiation_events.length).toBeGreaterThan(5);
    expect(before.reminders.length).toBeGreaterThan(0);
    expect(before.agreements).toHaveLength(1);

    const applied = await sut.dataSource.runMigrations({ transaction: 'each' });
    expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.slice(-undone.length).map((m) => m.name));
    const columns = Object.fromEntries(
      Object.entries(before).map(([table, rows]) => [table, rows.length > 0 ? Object.keys(rows[0]) : []]),
    );
    expect(await everyRow(sut.dataSource, columns)).toEqual(before);
    // What this release adds starts empty: no member count, no workers' congress, no history.
    expect(await sut.dataSource.query('SELECT member_count, workers_congress_on FROM enterprises')).toEqual([
      { member_count: null, workers_congress_on: null },
    ]);
    expect(await sut.dataSource.query('SELECT * FROM enterprise_member_changes')).toEqual([]);
    // And the upgraded database serves: the negotiation reads back as it was.
    const res = await request(sut.http)
      .get(`/api/v1/negotiations/${negotiation.id}`)
      .set(admin.auth)
      .expect(200);
    expect(res.body).toMatchObject({ version: submitted.version, stage: submitted.stage });
  });
});
