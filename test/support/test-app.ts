import { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { type AllConfig, CONFIG_SLICES, loadAllConfig } from '../../src/app.config';
import { UsersRepository } from '../../src/users/users.repository';
import { OrgUnitsService } from '../../src/org-units/org-units.service';
import { ensureDatabaseExists, testDatabaseConfig, truncateAll } from './test-database';

/** What a test changes in the config, slice by slice (`{ mail: { smtpUrl } }`). */
export type TestConfig = { [Slice in keyof AllConfig]?: Partial<AllConfig[Slice]> };

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
  overrides: TestConfig = {},
  options: { truncate?: boolean } = {},
): Promise<TestApp> {
  const database = testDatabaseConfig();
  await ensureDatabaseExists(database);
  // A chosen first-admin password: a generated one would be printed on the console by every app.
  const defaults = loadAllConfig({
    LOG_LEVEL: 'silent',
    DATABASE_URL: 'sqlite::memory:',
    BOOTSTRAP_ADMIN_PASSWORD: 'test-bootstrap-password',
  });
  // The web front end is served only where a test asks (web-app.e2e-spec).
  defaults.server = { ...defaults.server, database, webDir: null };
  defaults.scheduler = { enabled: false }; // tests run timers themselves, when they choose
  let builder = Test.createTestingModule({ imports: [AppModule] });
  for (const slice of Object.keys(CONFIG_SLICES) as (keyof AllConfig)[]) {
    builder = builder
      .overrideProvider(CONFIG_SLICES[slice].KEY)
      .useValue({ ...defaults[slice], ...overrides[slice] });
  }
  const moduleRef = await builder.compile();
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
      app.get(OrgUnitsService).forget();
    },
    close: () => app.close(),
  };
}
