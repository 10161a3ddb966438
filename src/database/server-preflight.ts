import { createConnection } from 'mysql2/promise';
import { ConfigError } from '../config/config.error';
import type { DatabaseConfig } from '../config/database-url';

/** How long a server that is still starting gets before the app gives up. */
const CONNECT_ATTEMPTS = 5;
const RETRY_DELAY_MS = 1000;

/**
 * Connects once to a MySQL/MariaDB database before the app or a migration command boots, so
 * that the usual mistakes (no such database, wrong user or password, nothing listening) stop it
 * with one line naming DATABASE_URL instead of TypeORM's retries and stack traces.
 * SQLite needs nothing.
 */
export async function checkServerDatabase(database: DatabaseConfig): Promise<void> {
  if (database.kind === 'sqlite') return;
  const where = `${database.host}:${database.port}`;
  for (let attempt = 1; ; attempt++) {
    try {
      const connection = await createConnection({
        host: database.host,
        port: database.port,
        user: database.username,
        password: database.password,
        database: database.database,
        connectTimeout: 5000,
      });
      await connection.end();
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ER_BAD_DB_ERROR') {
        throw new ConfigError(
          'DATABASE_URL',
          `database "${database.database}" does not exist on ${where}; create it first: ` +
            `CREATE DATABASE \`${database.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
        );
      }
      if (code === 'ER_ACCESS_DENIED_ERROR' || code === 'ER_DBACCESS_DENIED_ERROR') {
        throw new ConfigError(
          'DATABASE_URL',
          `${where} refused user "${database.username}" for database "${database.database}" (check the user name, password and grants)`,
        );
      }
      if (attempt >= CONNECT_ATTEMPTS) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new ConfigError('DATABASE_URL', `no MySQL/MariaDB answered at ${where} (${reason})`);
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
    }
  }
}
