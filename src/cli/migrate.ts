import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { ConfigError } from '../config/config.error';
import { maskPassword, parseDatabaseUrl } from '../config/database-url';
import { buildDataSourceOptions } from '../app.data-source';
import { checkServerDatabase } from '../database/server-preflight';

/** `npm run migration:run | migration:revert | migration:show` on the DATABASE_URL database. */
async function main(command: string | undefined): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  // Only the database: migrating signs no tokens and sends no mail, so it needs no JWT_SECRET.
  const database = parseDatabaseUrl(process.env.DATABASE_URL);
  await checkServerDatabase(database);
  const dataSource = new DataSource(buildDataSourceOptions(database, { migrationsRun: false }));
  await dataSource.initialize();
  try {
    console.log(`database ${maskPassword(database.url)}`);
    if (command === 'run') {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      console.log(applied.length ? applied.map((m) => `applied ${m.name}`).join('\n') : 'nothing to apply');
    } else if (command === 'revert') {
      await dataSource.undoLastMigration({ transaction: 'each' });
      console.log('reverted the last migration');
    } else if (command === 'show') {
      const pending = await dataSource.showMigrations();
      console.log(pending ? 'some migrations are pending' : 'all migrations are applied');
    } else {
      throw new Error(`unknown command "${command ?? ''}"; use run, revert or show`);
    }
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  const prefix = error instanceof ConfigError ? 'configuration error' : 'migration failed';
  console.error(`wagetrack: ${prefix}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
