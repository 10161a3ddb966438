import request from 'supertest';
import { CoverageLedger } from '../src/reports/aggregates/coverage-ledger';
import { CoverageVerifier } from '../src/reports/aggregates/coverage-verifier';
import { GROUP_BYS } from '../src/reports/rates';
import { ReportsRepository } from '../src/reports/reports.repository';
import { createTestApp, type TestApp } from './support/test-app';
import { aSignedInUser, type SignedInUser } from './support/users';
import { LoadedCounty, loadSeedCounty } from './support/seed-county';
import { SEED_COUNTY_EXPECTED as EXPECTED } from './support/seed-county-fixture';
import { today } from './support/negotiations';
import { anEnterprise } from './support/factories';
import { aUnitTree } from './support/org-tree';

/**
 * The report aggregates (src/reports/aggregates/, docs/architecture.md "Report aggregates") kept by the
 * write path, checked by `reports:verify`'s verifier and rebuilt by `reports:rebuild`'s; on
 * SQLite and on MariaDB (where writers append to the journal and a fold sums it later).
 * test/reports-history.e2e-spec.ts proves them exact on random histories through the API.
 */
/** The database suite runs on MySQL/MariaDB (`npm run test:mysql` sets TEST_DATABASE_URL). */
const ON_MYSQL = /^(mysql|mariadb):/.test(process.env.TEST_DATABASE_URL ?? '');

describe('Report aggregates (e2e)', () => {
  let sut: TestApp;
  let admin: SignedInUser;
  let supervisor: SignedInUser;
  let county: LoadedCounty;

  beforeAll(async () => {
    sut = await createTestApp();
    admin = await aSignedInUser(sut, 'admin');
    supervisor = await aSignedInUser(sut, 'supervisor');
    county = await loadSeedCounty(sut, admin);
  }, 120_000);
  afterAll(() => sut.close());

  const verify = () => sut.app.get(CoverageVerifier).verify();
  const rates = async (query: Record<string, string>) =>
    (
      await request(sut.http)
        .get('/api/v1/reports/signing-rates')
        .query(query)
        .set(supervisor.auth)
        .expect(200)
    ).body;
  /** The same report counted from the base tables (the aggregates' oracle). */
  const direct = (asOf: string, groupBy: (typeof GROUP_BYS)[number]) =>
    sut.app
      .get(ReportsRepository)
      .signingTalliesDirect({ asOf, agreementKind: 'wage', base: 'unionised', status: 'signed' }, groupBy);
  const totalOf = (tallies: Map<string, { enterprises: number; covered: number }>) =>
    [...tallies.values()].reduce(
      (sum, tally) => [sum[0] + tally.enterprises, sum[1] + tally.covered],
      [0, 0],
    );

  it('match the base tables after the county was written through the API, before and after the journal is folded', async () => {
    const before = await verify();
    expect(before.differences).toEqual([]);
    expect(before.enterprises).toBe(county.enterprises.size);
    // On MySQL/MariaDB nothing has been folded yet (the tests run no schedules): the figures
    // above came from the journal alone. On SQLite each write folded its own rows.
    await sut.app.get(CoverageLedger).foldAll();
    const after = await verify();
    expect(after.differenceCount).toBe(0);
    expect(after.cells).toBeGreaterThan(0);
    const journal = await sut.dataSource.query('SELECT COUNT(*) AS n FROM coverage_journal');
    expect(Number(journal[0].n)).toBe(0);
  });

  it('answer the seed county’s figures worked out by hand, for every groupBy the same totals as the base tables', async () => {
    const res = await rates({ asOf: EXPECTED.asOf });
    expect([
      res.total.enterprises,
      res.total.covered,
      res.total.employees,
      res.total.employeesCovered,
    ]).toEqual(EXPECTED.signingRates.unionisedSigned.total);
    for (const groupBy of GROUP_BYS.filter((group) => group !== 'orgUnit')) {
      const byGroup = await rates({ asOf: EXPECTED.asOf, groupBy });
      expect([byGroup.total.enterprises, byGroup.total.covered]).toEqual(
        totalOf(await direct(EXPECTED.asOf, groupBy)),
      );
    }
  });

  it('lists an enterprise written past the write path, and are right again after a rebuild', async () => {
    const [victim] = [...county.enterprises.values()];
    // A hand edit: the enterprise closed on the report's date, with nothing told to the aggregates.
    await sut.dataSource.query('UPDATE enterprises SET closed_on = ? WHERE id = ?', ['2020-01-01', victim]);
    const stale = await verify();
    expect(stale.differenceCount).toBeGreaterThan(1);
    expect(stale.differences[0].what).toBe(
      `enterprise ${victim}: the days hold other steps or another place`,
    );
    expect(stale.differences.some((difference) => difference.what.startsWith('cell 0 all  '))).toBe(true);
    const staleReport = await rates({ asOf: EXPECTED.asOf });
    const truth = totalOf(await direct(EXPECTED.asOf, 'sector'));
    expect(staleReport.total.enterprises).not.toBe(truth[0]);

    // In chunks of 7 enterprises: many chunks, two written at once, as at scale.
    let progress = 0;
    const rebuilt = await sut.app.get(CoverageLedger).rebuild(undefined, (done) => (progress = done), 7);
    expect(rebuilt).toBe(county.enterprises.size);
    expect(progress).toBe(county.enterprises.size);
    expect((await verify()).differences).toEqual([]);
    const report = await rates({ asOf: EXPECTED.asOf });
    expect([report.total.enterprises, report.total.covered]).toEqual(truth);
    await sut.dataSource.query('UPDATE enterprises SET closed_on = NULL WHERE id = ?', [victim]);
    await sut.app.get(CoverageLedger).rebuild();
  });

  it('read a date’s days from the day cells: one that differs or is missing is listed, and right again after a rebuild', async () => {
    await sut.app.get(CoverageLedger).foldAll();
    // The county is the deployment's one root: its reports read its own cells and day cells.
    const unitId: number = (await rates({ asOf: EXPECTED.asOf })).orgUnit.id;
    // A day in the first ten of its month: a report of that date reads its month's days up to it.
    const dayCell = async (dim: string) =>
      (
        (await sut.dataSource.query(
          `SELECT day, val FROM coverage_day_cells WHERE unit_id = ? AND dim = ? AND e0 <> 0
              AND substr(day, 9, 2) <= '10' AND day <= ? ORDER BY day DESC, val LIMIT 1`,
          [unitId, dim, EXPECTED.asOf],
        )) as Array<{ day: string; val: string }>
      )[0];
    const changed = await dayCell('own');
    const gone = await dayCell('ind');
    expect(changed && gone).toBeTruthy();
    const truth = totalOf(await direct(changed.day, 'sector'));
    expect((await rates({ asOf: changed.day, groupBy: 'sector' })).total.enterprises).toBe(truth[0]);
    const eColumns = Array.from({ length: 18 }, (_, m) => `e${m} = e${m} + 5`).join(', ');
    await sut.dataSource.query(
      `UPDATE coverage_day_cells SET ${eColumns} WHERE unit_id = ? AND dim = 'own' AND day = ? AND val = ?`,
      [unitId, changed.day, changed.val],
    );
    await sut.dataSource.query(
      "DELETE FROM coverage_day_cells WHERE unit_id = ? AND dim = 'ind' AND day = ? AND val = ?",
      [unitId, gone.day, gone.val],
    );
    // The sector grouping reads the ownership types' day cells: 5 enterprises too many.
    expect((await rates({ asOf: changed.day, groupBy: 'sector' })).total.enterprises).toBe(truth[0] + 5);
    const found = await verify();
    expect(found.differences.map((difference) => difference.what.split(':')[0]).sort()).toEqual(
      [
        `day cell ${unitId} ind ${gone.val} ${gone.day}`,
        `day cell ${unitId} own ${changed.val} ${changed.day}`,
      ].sort(),
    );
    expect(found.differences.find((d) => d.what.startsWith(`day cell ${unitId} ind`))!.what).toContain(
      ': no row, ',
    );
    await sut.app.get(CoverageLedger).rebuild();
    expect((await verify()).differences).toEqual([]);
    expect((await rates({ asOf: changed.day, groupBy: 'sector' })).total.enterprises).toBe(truth[0]);
  });

  it('count a change not yet folded on both sides of its day, whichever half of the month a date reads', async () => {
    await sut.app.get(CoverageLedger).foldAll();
    // Registered and unionised on the 20th: on MySQL/MariaDB in the journal until a fold (the
    // tests run no schedules), on SQLite folded by its own write.
    await request(sut.http)
      .post('/api/v1/enterprises')
      .set(admin.auth)
      .send(
        anEnterprise({
          registeredOn: '2024-05-20',
          unionFoundedOn: '2024-05-20',
          ownershipType: 'state_owned',
        }),
      )
      .expect(201);
    // The 10th reads May's first ten days, the 19th, 20th and 25th May less the days after them.
    for (const asOf of ['2024-05-10', '2024-05-19', '2024-05-20', '2024-05-25', '2024-05-31']) {
      const truth = totalOf(await direct(asOf, 'sector'));
      const report = await rates({ asOf, groupBy: 'sector' });
      expect([asOf, report.total.enterprises, report.total.covered]).toEqual([asOf, ...truth]);
    }
    const before = totalOf(await direct('2024-05-19', 'sector'));
    expect(totalOf(await direct('2024-05-20', 'sector'))[0]).toBe(before[0] + 1);
    await sut.app.get(CoverageLedger).foldAll();
    expect((await rates({ asOf: '2024-05-20', groupBy: 'sector' })).total.enterprises).toBe(before[0] + 1);
    expect((await verify()).differences).toEqual([]);
  });

  // SQLite rebuilds in place, in one transaction per chunk on its one connection: nothing to swap.
  (ON_MYSQL ? it : it.skip)(
    'on MySQL/MariaDB, rebuild beside the live tables: a failure or a write meanwhile leaves them whole',
    async () => {
      const ledger = sut.app.get(CoverageLedger);
      await ledger.foldAll();
      const leftBeside = async () =>
        (await sut.dataSource.query(
          "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND (TABLE_NAME LIKE 'coverage%rebuilt' OR TABLE_NAME LIKE 'coverage%replaced')",
        )) as unknown[];
      const read = ledger.contributions.bind(ledger);
      const spy = jest.spyOn(ledger, 'contributions');
      try {
        // A failure half-way (the third chunk's read): the live totals are untouched, nothing is left beside them.
        let calls = 0;
        spy.mockImplementation(async (...args) => {
          if (++calls === 3) throw new Error('connection lost');
          return read(...args);
        });
        await expect(ledger.rebuild(undefined, undefined, 7)).rejects.toThrow('connection lost');
        expect(await leftBeside()).toEqual([]);
        expect((await verify()).differences).toEqual([]);

        // The app writes while the rebuild reads the second chunk: it refuses to swap in what it built.
        const [id] = [...county.enterprises.values()];
        const { body: before } = await request(sut.http)
          .get(`/api/v1/enterprises/${id}`)
          .set(admin.auth)
          .expect(200);
        let wrote = false;
        calls = 0;
        spy.mockImplementation(async (...args) => {
          if (++calls === 2 && !wrote) {
            wrote = true; // the write's own refresh reads its enterprise through this method too
            await request(sut.http)
              .patch(`/api/v1/enterprises/${id}`)
              .set(admin.auth)
              .send({ employeeCount: before.employeeCount + 17, expectedVersion: before.version })
              .expect(200);
          }
          return read(...args);
        });
        await expect(ledger.rebuild(undefined, undefined, 7)).rejects.toThrow(
          'the report aggregates were written during the rebuild (stop the app, then run it again)',
        );
        expect(await leftBeside()).toEqual([]);
        // The live totals hold what the write path wrote, that write included.
        await ledger.foldAll();
        expect((await verify()).differences).toEqual([]);
        await request(sut.http)
          .patch(`/api/v1/enterprises/${id}`)
          .set(admin.auth)
          .send({ employeeCount: before.employeeCount, expectedVersion: before.version + 1 })
          .expect(200);
      } finally {
        spy.mockRestore();
      }
      // Unhindered, it swaps in totals equal to the base tables, and the secondary indexes are back.
      await ledger.rebuild(undefined, undefined, 7);
      expect(await leftBeside()).toEqual([]);
      expect((await verify()).differences).toEqual([]);
      const indexes = (await sut.dataSource.query(
        "SELECT DISTINCT INDEX_NAME AS name FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN ('coverage_days', 'coverage_cells') ORDER BY INDEX_NAME",
      )) as Array<{ name: string }>;
      expect(indexes.map((index) => index.name)).toEqual([
        'IDX_coverage_cells_value',
        'IDX_coverage_days_enterprise',
        'IDX_coverage_days_unit',
        'PRIMARY',
      ]);
    },
  );

  it('carry every value to a horizon a later agreement moves: reports of dates past it stay exact', async () => {
    const ledger = sut.app.get(CoverageLedger);
    await ledger.foldAll();
    const horizon = async () =>
      (
        (await sut.dataSource.query(
          "SELECT year FROM coverage_horizons WHERE unit_id = 0 AND dim = 'twp'",
        )) as Array<{ year: string }>
      )[0]?.year;
    const before = await horizon();
    // Signed today, in force from next January for 36 months (the longest term): it expires in a
    // year no step of the county reaches, in one township; the others' rows must follow.
    const year = Number(today().slice(0, 4));
    const expiresOn = `${year + 4}-01-01`;
    expect(before! < String(year + 4)).toBe(true);
    const [one] = [...county.enterprises.values()];
    await request(sut.http)
      .post('/api/v1/agreements/historical')
      .set(admin.auth)
      .send({
        agreementKind: 'wage',
        scope: 'enterprise',
        enterpriseIds: [one],
        signedOn: today(),
        effectiveOn: `${year + 1}-01-01`,
        expiresOn,
        coveredEmployees: 40,
      })
      .expect(201);
    await ledger.foldAll();
    expect(await horizon()).toBe(String(year + 4));
    expect((await verify()).differences).toEqual([]);
    for (const asOf of [`${year + 3}-06-30`, `${year + 4}-12-31`, `${year + 5}-03-15`]) {
      const report = await rates({ asOf, groupBy: 'township' });
      const truth = await direct(asOf, 'township');
      expect(
        report.rows.map((row: { group: string; enterprises: number }) => [row.group, row.enterprises]),
      ).toEqual(
        [...truth]
          .filter(([, tally]) => tally.enterprises > 0)
          .map(([group, tally]) => [group, tally.enterprises]),
      );
    }
  });

  it('stay exact when many writers change enterprises at once', async () => {
    const changes = [...county.enterprises.values()].slice(0, 24).map((id, i) =>
      request(sut.http)
        .patch(`/api/v1/enterprises/${id}`)
        .set(admin.auth)
        .send(i % 2 === 0 ? { employeeCount: 100 + i } : { employeeCount: 100 + i, unionFoundedOn: null }),
    );
    const answers = await Promise.all(changes);
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect((await verify()).differences).toEqual([]);
    const report = await rates({ asOf: EXPECTED.asOf });
    expect([report.total.enterprises, report.total.covered]).toEqual(
      totalOf(await direct(EXPECTED.asOf, 'sector')),
    );
  });

  it('keep apart township names of two counties that differ only where a collation sees no difference', async () => {
    // utf8mb4_unicode_ci (the tables' collation on MySQL/MariaDB) ignores case and weighs every
    // character outside the Basic Multilingual Plane alike; a county keeps its own townships'
    // names apart by it, but two counties may each have one. The cells' key compares by bytes
    // (migration 1764000000016), as the days are grouped and as SQLite compares.
    const units = await aUnitTree(
      sut,
      {
        code: '990100',
        name: '江川市',
        children: [
          {
            code: '990101',
            name: '金山县',
            children: [
              { code: '990101001', name: '𠀀水镇' },
              { code: '990101002', name: 'A区镇' },
            ],
          },
          {
            code: '990102',
            name: '云岭县',
            children: [
              { code: '990102001', name: '𠀁水镇' },
              { code: '990102002', name: 'a区镇' },
            ],
          },
        ],
      },
      'city',
    );
    const names = ['𠀀水镇', 'A区镇', '𠀁水镇', 'a区镇'];
    for (const township of names)
      await request(sut.http)
        .post('/api/v1/enterprises')
        .set(admin.auth)
        .send(
          anEnterprise({
            township,
            orgUnitId: units[township].id,
            registeredOn: '2015-03-02',
            unionFoundedOn: '2020-05-01',
          }),
        )
        .expect(201);
    await sut.app.get(CoverageLedger).foldAll();
    const report = await rates({ asOf: today(), groupBy: 'township', orgUnitId: String(units['江川市'].id) });
    expect(
      Object.fromEntries(
        report.rows.map((row: { group: string; enterprises: number }) => [row.group, row.enterprises]),
      ),
    ).toEqual(Object.fromEntries(names.map((township) => [township, 1])));
    expect((await verify()).differences).toEqual([]);
  });
});
