import { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { appConfig, AppConfig, loadAppConfig } from '../../src/config/app.config';
import { UsersRepository } from '../../src/users/users.repository';
import { ensureDatabaseExists, testDatabaseConfig, truncateAll } from './test-database';

export interface TestApp {
  app: NestExpressApplication;
  dataSource: DataSource;
  /** The HTTP server for supertest. */
  http: ReturnType<INestApplication['getHttpServer']>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** Boots the whole app in-process, configured exactly as main.ts does, on the test database. */
export async function createTestApp(
  overrides: Partial<AppConfig> = {},
  options: { truncate?: boolean } = {},
): Promise<TestApp> {
  const database = testDatabaseConfig();
  await ensureDatabaseExists(database);
  const config: AppConfig = {
    // A chosen first-admin password: a generated one would be printed on the console by every app.
    ...loadAppConfig({
      LOG_LEVEL: 'silent',
      DATABASE_URL: 'sqlite::memory:',
      BOOTSTRAP_ADMIN_PASSWORD: 'test-bootstrap-password',
    }),
    database,
    schedulerEnabled: false, // tests run timers themselves, when they choose
    webDir: null, // the web front end is served only where a test asks (web-app.e2e-spec)
    ...overrides,
  };
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(appConfig.KEY)
    .useValue(config)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
  configureApp(app);
  await app.init();
  const dataSource = app.get(DataSource);
  if (options.truncate ?? true) await truncateAll(dataSource);
  return {
    app,
    dataSource,
    http: app.getHttpServer(),
    reset: async () => {
      await truncateAll(dataSource);
      app.get(UsersRepository).forget(); // ids may be handed out again
    },
    close: () => app.close(),
  };
}
