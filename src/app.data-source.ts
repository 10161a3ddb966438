import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../migrations';
import { DatabaseConfig, DEFAULT_DATABASE_URL } from './config/database-url';
import { ENTITIES } from './app.entities';

/**
 * The one place that turns a {@link DatabaseConfig} into TypeORM options, shared by the app,
 * the migration CLI and the tests. `synchronize` is never on: the schema comes from migrations.
 * It lives at the composition root because it names every feature's entities and the migrations.
 */
export function buildDataSourceOptions(
  database: DatabaseConfig,
  overrides: { migrationsRun?: boolean } = {},
): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: overrides.migrationsRun ?? true,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    logging: false,
  };
  if (database.kind === 'sqlite') {
    if (database.url === DEFAULT_DATABASE_URL) mkdirSync(dirname(database.file), { recursive: true });
    return {
      ...common,
      type: 'better-sqlite3',
      database: database.file,
      // WAL lets readers (reports) proceed while a write transaction is open.
      enableWAL: database.file !== ':memory:',
    };
  }
  return {
    ...common,
    // `mariadb` for mariadb:// URLs: with `mysql`, TypeORM mistakes MariaDB 10.11 for MySQL 8.
    type: database.kind,
    host: database.host,
    port: database.port,
    username: database.username,
    password: database.password,
    database: database.database,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    poolSize: 20,
    // mysql2 captures a stack trace per query for its error messages; not worth it per query.
    extra: { trace: false },
  };
}
