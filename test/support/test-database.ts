import { COVERAGE_TABLES, CoverageLedger } from '../../src/reports/aggregates/coverage-ledger';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { DatabaseConfig, parseDatabaseUrl } from '../../src/config/database-url';
import { ENTITIES } from '../../src/app.entities';
import { DEFAULT_ROOT_UNIT } from '../../src/org-units/org-units.config';
import { OrgUnitsRepository } from '../../src/org-units/org-units.repository';

/**
 * The database the db-tier tests use: `TEST_DATABASE_URL` when set (`npm run test:mysql` sets
 * it), else a private in-memory SQLite per app. A server database must have `test` in its
 * name; each Jest worker gets its own (`<name>_w<worker>`) so parallel files never collide.
 */
export function testDatabaseConfig(): DatabaseConfig {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return parseDatabaseUrl('sqlite::memory:', 'TEST_DATABASE_URL');
  const config = parseDatabaseUrl(url, 'TEST_DATABASE_URL');
  if (config.kind === 'sqlite') return config;
  if (!/test/i.test(config.database)) {
    throw new Error(`refusing to run tests against database "${config.database}": its name lacks "test"`);
  }
  const database = `${config.database}_w${process.env.JEST_WORKER_ID ?? '1'}`;
  return { ...config, database, url: url.replace(/\/[^/?]+(\?|$)/, `/${database}$1`) };
}

export function isServerDatabase(config: DatabaseConfig = testDatabaseConfig()): boolean {
  return config.kind !== 'sqlite';
}

/** Creates the server database when it is missing (SQLite needs nothing). */
export async function ensureDatabaseExists(config: DatabaseConfig): Promise<void> {
  if (config.kind === 'sqlite') return;
  const connection = await createConnection({
    host: config.host,
    port: config.port,
    user: config.username,
    password: config.password,
  });
  try {
    await connection.query(
      `CREATE DATABASE IF NOT EXISTS \`${config.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await connection.end();
  }
}

/** Empties every table the entities map, keeping the schema and the migrations table. */
export async function truncateAll(dataSource: DataSource): Promise<void> {
  const tables = [
    ...ENTITIES.map((entity) => dataSource.getMetadata(entity).tableName),
    // The report aggregates (src/reports/aggregates/), tables without entities.
    ...COVERAGE_TABLES,
  ];
  const mysql = dataSource.options.type !== 'better-sqlite3';
  await dataSource.transaction(async (manager) => {
    await manager.query(mysql ? 'SET FOREIGN_KEY_CHECKS = 0' : 'PRAGMA defer_foreign_keys = ON');
    for (const table of tables) await manager.query(`DELETE FROM ${dataSource.driver.escape(table)}`);
    if (mysql) await manager.query('SET FOREIGN_KEY_CHECKS = 1');
    // As a first start would (RootUnitBootstrap): the root unit (county 本县) that enterprises given
    // only a township name are placed under.
    await new OrgUnitsRepository(dataSource, new CoverageLedger(dataSource)).insert(
      DEFAULT_ROOT_UNIT,
      null,
      manager,
    );
  });
}
