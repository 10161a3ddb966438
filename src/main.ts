import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { loadAppConfig } from './config/app.config';
import { ConfigError } from './config/config.error';
import { maskPassword } from './config/database-url';

async function bootstrap(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  // Validate before Nest boots so a bad value is one clear line, not a stack trace.
  const config = loadAppConfig();
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bodyParser: false,
    bufferLogs: true,
    // Let a failed start reach the catch below (one line) instead of Nest exiting on its own.
    abortOnError: false,
  });
  configureApp(app);
  await app.listen(config.port, config.host);
  const url = await app.getUrl();
  app.get(Logger).log(`listening on ${url}, database ${maskPassword(config.database.url)}`, 'Bootstrap');
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`wagetrack: configuration error: ${error.message}`);
  } else {
    console.error(`wagetrack: failed to start: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
});
