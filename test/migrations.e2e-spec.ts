import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../migrations';
import { buildDataSourceOptions } from '../src/app.data-source';
import { ENTITIES } from '../src/app.entities';
import { ensureDatabaseExists, testDatabaseConfig } from './support/test-database';

describe('Migrations', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    const config = testDatabaseConfig();
    await ensureDatabaseExists(config);
    dataSource = new DataSource(buildDataSourceOptions(config, { migrationsRun: false }));
    await dataSource.initialize();
    await dataSource.dropDatabase(); // start from nothing: drops every table, migrations' included
  });

  afterAll(async () => {
    // Leave the database migrated for the other suites of this worker.
    await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.destroy();
  });

  const entityTables = () => ENTITIES.map((entity) => dataSource.getMetadata(entity).tableName);

  async function existingTables(): Promise<string[]> {
    const runner = dataSource.createQueryRunner();
    try {
      const present = [];
      for (const table of entityTables()) if (await runner.hasTable(table)) present.push(table);
      return present;
    } finally {
      await runner.release();
    }
  }

  it('creates a schema the entities agree with: the schema diff after all migrations is empty', async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => m.name));
    expect(await existingTables()).toEqual(entityTables());

    const diff = await dataSource.driver.createSchemaBuilder().log();
    expect(diff.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('gives every table a primary key, utf8mb4 text on MySQL/MariaDB, and takes no table locks (what Galera needs)', async () => {
    const runner = dataSource.createQueryRunner();
    try {
      const names: string[] = [...entityTables(), 'migrations'];
      const tables = await runner.getTables(names);
      const keys = Object.fromEntries(tables.map((t) => [t.name, t.primaryColumns.map((c) => c.name)]));
      expect(Object.keys(keys).sort()).toEqual([...names].sort());
      const withoutKey = Object.entries(keys).filter(([, columns]) => columns.length === 0);
      expect(withoutKey).toEqual([]);
      if (dataSource.options.type !== 'better-sqlite3') {
        // The migrations convert whatever the database was created with (1764000000008-utf8mb4).
        const notUtf8mb4 = await dataSource.query(
          `SELECT CONCAT(TABLE_NAME, '.', COLUMN_NAME) AS col FROM information_schema.COLUMNS
            WHERE TABLE_SCHEMA = DATABASE() AND CHARACTER_SET_NAME IS NOT NULL AND CHARACTER_SET_NAME <> 'utf8mb4'`,
        );
        expect(notUtf8mb4).toEqual([]);
      }
    } finally {
      await runner.release();
    }
    const lockingTables = ['src', 'migrations']
      .flatMap((folder) =>
        readdirSync(join(__dirname, '..', folder), { recursive: true, encoding: 'utf8' }).map((file) =>
          join(__dirname, '..', folder, file),
        ),
      )
      .filter((file) => file.endsWith('.ts') && /LOCK\s+TABLES?\b/i.test(readFileSync(file, 'utf8')));
    expect(lockingTables).toEqual([]);
  });

  it('gives the enterprises stored before the version column version 1', async () => {
    // Back to before 1764000000005 (the version column), undoing every later migration first.
    const executed = async () =>
      (await dataSource.query('SELECT name FROM migrations ORDER BY id DESC'))[0]?.name;
    while ((await executed()) !== 'ReportIndexes1764000000004') {
      await dataSource.undoLastMigration({ transaction: 'each' });
    }
    await dataSource.query(
      "INSERT INTO enterprises (name, credit_code, ownership_type, township, industry, employee_count) VALUES ('金山纸厂', '91350100M000100Y43', 'private', '金山镇', 'C', 12)",
    );
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await dataSource.query('SELECT version FROM enterprises')).toEqual([{ version: 1 }]);
    await dataSource.query('DELETE FROM enterprises');
    await dataSource.query('UPDATE org_units SET parent_id = NULL');
    await dataSource.query('DELETE FROM org_units');
  });

  it('undoes every migration with down, leaving none of the tables', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await existingTables()).toEqual([]);
    expect(await dataSource.showMigrations()).toBe(true); // every migration is pending again
  });
});
