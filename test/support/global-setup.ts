import { createConnection } from 'mysql2/promise';
import { parseDatabaseUrl } from '../../src/config/database-url';

/**
 * Before a MySQL/MariaDB test run: drop the per-worker test databases a previous run left,
 * so every run starts from an empty database and applies the migrations as they are now.
 */
export default async function globalSetup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const config = parseDatabaseUrl(url, 'TEST_DATABASE_URL');
  if (config.kind === 'sqlite') return;
  if (!/test/i.test(config.database))
    throw new Error(`refusing database "${config.database}": no "test" in its name`);
  const connection = await createConnection({
    host: config.host,
    port: config.port,
    user: config.username,
    password: config.password,
  });
  try {
    const [rows] = await connection.query('SHOW DATABASES LIKE ?', [`${config.database}\\_w%`]);
    for (const row of rows as Record<string, string>[]) {
      const name = Object.values(row)[0];
      await connection.query(`DROP DATABASE \`${name}\``);
    }
  } finally {
    await connection.end();
  }
}
