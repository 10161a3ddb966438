import { createConnection } from 'mysql2/promise';
import { ConfigError } from '../config/config.error';
import type { DatabaseConfig } from '../config/database-url';
import { CHARACTER_SET, COLLATION, CREATE_DATABASE_OPTIONS } from './charset';

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
        charset: COLLATION.toUpperCase(),
      });
      let refusal: string | null;
      try {
        const [rows] = await connection.query(CHARSET_PROBE);
        refusal = charsetRefusal((rows as CharsetProbe[])[0]);
      } finally {
        await connection.end();
      }
      if (refusal) throw new ConfigError('DATABASE_URL', `${where}: ${refusal}`);
      return;
    } catch (error) {
      if (error instanceof ConfigError) throw error;
      const code = (error as { code?: string }).code;
      if (code === 'ER_BAD_DB_ERROR') {
        throw new ConfigError(
          'DATABASE_URL',
          `database "${database.database}" does not exist on ${where}; create it first: ` +
            `CREATE DATABASE \`${database.database}\` ${CREATE_DATABASE_OPTIONS}`,
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

/** What the server says of the connection's character sets, and a Chinese string sent through it. */
export interface CharsetProbe {
  client: string;
  connection: string;
  results: string;
  probe: string;
}

const PROBE_TEXT = '工会';
const CHARSET_PROBE = `SELECT @@character_set_client AS client, @@character_set_connection AS connection,
  @@character_set_results AS results, '${PROBE_TEXT}' AS probe`;

/**
 * Why a connection cannot carry Chinese, or null when it can: each of its character sets must be
 * utf8mb4 (a server started with `skip-character-set-client-handshake` and a latin1 default
 * ignores what the client asks for), and a Chinese string must come back unchanged. The
 * database's own default does not matter: the migrations put every table in utf8mb4.
 */
export function charsetRefusal(probe: CharsetProbe): string | null {
  const sets = {
    character_set_client: probe.client,
    character_set_connection: probe.connection,
    character_set_results: probe.results,
  };
  const wrong = Object.entries(sets).filter(([, value]) => value !== CHARACTER_SET);
  if (wrong.length > 0) {
    const said = wrong.map(([name, value]) => `${name} is ${value}`).join(', ');
    return `the connection cannot carry Chinese text (${said}, not ${CHARACTER_SET}); start the server with character-set-server=${CHARACTER_SET} and collation-server=${COLLATION}, without skip-character-set-client-handshake`;
  }
  if (probe.probe !== PROBE_TEXT) {
    return `the connection cannot carry Chinese text ('${PROBE_TEXT}' came back as '${probe.probe}'); check the server's character-set settings`;
  }
  return null;
}
