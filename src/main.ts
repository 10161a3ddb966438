import 'reflect-metadata';
import cluster from 'node:cluster';
import { existsSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { loadAllConfig } from './app.config';
import { buildDataSourceOptions } from './app.data-source';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { ConfigError } from './config/config.error';
import { maskPassword } from './config/database-url';
import { checkServerDatabase } from './database/server-preflight';
import type { ServerConfig } from './server.config';
import { superviseWorkers } from './workers';

async function bootstrap(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  // Validate before Nest boots so a bad value is one clear line, not a stack trace.
  const config = loadAllConfig().server;
  await checkServerDatabase(config.database);
  if (!config.migrateOnStart) await refusePendingMigrations(config.database);
  if (config.workers > 1 && cluster.isPrimary) return superviseWorkers(config);
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bodyParser: false,
    bufferLogs: true,
    // Let a failed start reach the catch below (one line) instead of Nest exiting on its own.
    abortOnError: false,
  });
  configureApp(app);
  await app.listen(config.port, config.host);
  const url = await app.getUrl();
  const logger = app.get(Logger);
  logger.log(`listening on ${url}, database ${maskPassword(config.database.url)}`, 'Bootstrap');
  stopGracefullyOn(['SIGTERM', 'SIGINT'], app, logger);
}

/**
 * With MIGRATE_ON_START=off, a database whose migrations have not all been run stops the start
 * in one line, before anything reads a table that is not there yet.
 */
async function refusePendingMigrations(database: ServerConfig['database']): Promise<void> {
  const dataSource = new DataSource(buildDataSourceOptions(database, { migrationsRun: false }));
  await dataSource.initialize();
  try {
    if (await dataSource.showMigrations()) {
      throw new ConfigError(
        'MIGRATE_ON_START',
        'is off and this database has migrations pending: run `npm run migration:run` on it first',
      );
    }
  } finally {
    await dataSource.destroy();
  }
}

/**
 * On a stop signal: stop accepting connections, let in-flight requests finish, run the
 * modules' shutdown hooks (the database pool closes), then exit 0.
 */
function stopGracefullyOn(signals: NodeJS.Signals[], app: NestExpressApplication, logger: Logger): void {
  let stopping = false;
  for (const signal of signals) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      logger.log(`${signal} received: finishing in-flight requests`, 'Bootstrap');
      app
        .close()
        .then(() => {
          logger.log('stopped', 'Bootstrap');
          process.exit(0);
        })
        .catch((error: unknown) => {
          console.error(`wagetrack: error while stopping: ${String(error)}`);
          process.exit(1);
        });
    });
  }
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`wagetrack: configuration error: ${error.message}`);
  } else {
    console.error(`wagetrack: failed to start: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
});
