import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DataSource } from 'typeorm';
import { parseDatabaseUrl } from '../src/config/database-url';
import { MIGRATIONS } from '../migrations';
import { OrgUnits1764000000006 } from '../migrations/1764000000006-org-units';
import { buildDataSourceOptions } from '../src/app.data-source';
import { seedCountyFixture } from './support/seed-county-fixture';
import { ensureDatabaseExists, isServerDatabase, testDatabaseConfig } from './support/test-database';

/**
 * The upgrade to the federation hierarchy on a database made by the previous release: the seed
 * county stored by the migrations before 1764000000006 (as raw rows, the way that release wrote
 * them), then the new migration. Nothing may be lost or changed, and every enterprise must sit
 * in a township unit of its township's name, under one county.
 */
describe('Migration 1764000000006 on a database of the previous release', () => {
  let dataSource: DataSource;
  const previous = MIGRATIONS.slice(0, MIGRATIONS.indexOf(OrgUnits1764000000006));
  const fixture = seedCountyFixture();
  /** The test database, or for SQLite a file: the upgrade reopens it, as a new release would. */
  const database = isServerDatabase()
    ? testDatabaseConfig()
    : parseDatabaseUrl(
        `sqlite:${join(mkdtempSync(join(tmpdir(), 'wagetrack-upgrade-')), 'previous.sqlite')}`,
        'test',
      );
  /** Every table of the previous release with the order its rows are compared in. */
  const TABLES: Record<string, string> = {
    users: 'id',
    enterprises: 'id',
    negotiations: 'id',
    negotiation_enterprises: 'negotiation_id, enterprise_id',
    agreements: 'id',
    audit_entries: 'id',
  };

  beforeAll(async () => {
    await ensureDatabaseExists(database);
    dataSource = new DataSource({
      ...buildDataSourceOptions(database, { migrationsRun: false }),
      migrations: previous,
    });
    await dataSource.initialize();
    if (database.kind !== 'sqlite') await dataSource.dropDatabase(); // (a new SQLite file is empty)
    await dataSource.runMigrations({ transaction: 'each' });
    await storePreviousRelease();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    if (database.kind === 'sqlite') return rmSync(dirname(database.file), { recursive: true, force: true });
    // Leave the database migrated and empty for the other suites of this worker.
    const cleanup = new DataSource(buildDataSourceOptions(database, { migrationsRun: false }));
    await cleanup.initialize();
    await cleanup.dropDatabase();
    await cleanup.runMigrations({ transaction: 'each' });
    await cleanup.destroy();
  });

  async function storePreviousRelease(): Promise<void> {
    for (const id of [1, 2, 3]) {
      await dataSource.query(
        "INSERT INTO users (id, username, display_name, email, role, language, digest_opt_out, active, password_hash, token_version) VALUES (?, ?, ?, NULL, 'instructor', 'zh-CN', ?, ?, 'x', 0)",
        [id, `zhidao${id}`, `指导员${id}`, false, true],
      );
    }
    for (const e of fixture.enterprises) {
      await dataSource.query(
        'INSERT INTO enterprises (id, name, credit_code, ownership_type, township, community, industry, employee_count, union_founded_on, instructor_id, registered_on, closed_on) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)',
        [
          e.id,
          e.name,
          e.creditCode,
          e.ownershipType,
          e.township,
          e.industry,
          e.employeeCount,
          e.unionFoundedOn,
          e.instructorId,
          e.registeredOn,
          e.closedOn,
        ],
      );
    }
    for (const a of fixture.agreements) {
      await dataSource.query(
        "INSERT INTO negotiations (id, agreement_kind, scope, title, stage, state, snapshot, machine_version, rule_set_version, version, renews_id, created_on, created_by, historical) VALUES (?, ?, ?, NULL, 'in_force', 'in_force', '{}', 2, 'national-2004.1', 0, NULL, ?, NULL, ?)",
        [a.negotiationId, a.agreementKind, a.scope, a.signedOn, true],
      );
      for (const enterpriseId of a.enterpriseIds) {
        await dataSource.query(
          'INSERT INTO negotiation_enterprises (negotiation_id, enterprise_id) VALUES (?, ?)',
          [a.negotiationId, enterpriseId],
        );
      }
      await dataSource.query(
        'INSERT INTO agreements (id, negotiation_id, agreement_kind, scope, signed_on, effective_on, expires_on, terminated_on, term_months, covered_employees, wage_increase_pct, minimum_wage) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 12, ?, ?, NULL)',
        [
          a.id,
          a.negotiationId,
          a.agreementKind,
          a.scope,
          a.signedOn,
          a.effectiveOn,
          a.expiresOn,
          a.terminatedOn,
          a.coveredEmployees,
          a.wageIncreasePct,
        ],
      );
    }
    await dataSource.query(
      "INSERT INTO audit_entries (actor_id, action, entity_type, entity_id, changes, ip) VALUES (1, 'enterprise.create', 'enterprise', '1', '{}', NULL)",
    );
  }

  async function snapshot(): Promise<Record<string, unknown[]>> {
    const rows: Record<string, unknown[]> = {};
    for (const [table, order] of Object.entries(TABLES)) {
      const all = (await dataSource.query(`SELECT * FROM ${table} ORDER BY ${order}`)) as Record<
        string,
        unknown
      >[];
      // Columns later migrations add (the unit, the round guard, members and the workers' congress)
      // are not the previous release's.
      rows[table] = all.map(
        ({
          org_unit_id: _unit,
          rounds_opened: _rounds,
          member_count: _members,
          workers_congress_on: _congress,
          ...rest
        }) => rest,
      );
    }
    return rows;
  }

  it('keeps every row of the previous release and puts each enterprise in the township unit of its name', async () => {
    const before = await snapshot();
    expect(before.enterprises).toHaveLength(fixture.enterprises.length);

    // The next release on the same database.
    await dataSource.destroy();
    dataSource = new DataSource(buildDataSourceOptions(database, { migrationsRun: false }));
    await dataSource.initialize();
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied.map((migration) => migration.name)).toEqual(
      MIGRATIONS.slice(previous.length).map((migration) => new migration().name),
    );
    expect(applied[0].name).toBe('OrgUnits1764000000006');

    expect(await snapshot()).toEqual(before);

    const units = (await dataSource.query(
      'SELECT id, code, name, level, parent_id, path FROM org_units ORDER BY code',
    )) as { id: number; code: string; name: string; level: string; parent_id: number | null; path: string }[];
    const [county, ...townships] = units;
    expect(county).toMatchObject({ code: '999999000000', name: '本县', level: 'county', parent_id: null });
    expect(county.path).toBe(`/${county.id}/`);
    const townshipNames = [...new Set(fixture.enterprises.map((e) => e.township))].sort();
    expect(townships.map((unit) => unit.name)).toEqual(townshipNames);
    for (const [index, unit] of townships.entries()) {
      expect(unit).toMatchObject({
        level: 'township',
        parent_id: county.id,
        code: `999999${String(index + 1).padStart(3, '0')}000`,
        path: `/${county.id}/${unit.id}/`,
      });
    }

    const placed = (await dataSource.query(
      'SELECT e.id, e.township, u.name AS unit_name FROM enterprises e LEFT JOIN org_units u ON u.id = e.org_unit_id ORDER BY e.id',
    )) as { id: number; township: string; unit_name: string | null }[];
    expect(placed).toHaveLength(fixture.enterprises.length);
    for (const row of placed) expect(row.unit_name).toBe(row.township);

    // The users keep governing everything: no unit was given to anyone.
    const [{ n }] = await dataSource.query('SELECT COUNT(*) AS n FROM users WHERE org_unit_id IS NOT NULL');
    expect(Number(n)).toBe(0);
  });
});
