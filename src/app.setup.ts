import type { INestApplication } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { jsonBodyParser } from './common/http/body-parser';
import { documentCommonErrors, ErrorResponse } from './common/http/error-response';
import { documentDownloadPaths } from './common/http/openapi-downloads';
import { serverConfig } from './server.config';
import { serveWebApp } from './web/web-app';

/**
 * Everything about the HTTP app that is not a module: used by main.ts and by the e2e tests,
 * so the tests exercise the same body limits, docs and shutdown hooks as production.
 * Create the app with `{ bodyParser: false, bufferLogs: true }` before calling this.
 */
export function configureApp(app: NestExpressApplication): NestExpressApplication {
  const config = app.get<ConfigType<typeof serverConfig>>(serverConfig.KEY);
  app.useLogger(app.get(Logger));
  app.set('trust proxy', trustProxyValue(config.trustProxy));
  // A county office may serve it over plain HTTP on its network: keep http:// addresses working.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  if (config.corsOrigins.length > 0) app.enableCors({ origin: config.corsOrigins });
  app.use(jsonBodyParser());
  app.disable('x-powered-by');
  setUpOpenApi(app);
  if (config.webDir && !serveWebApp(app, config.webDir)) {
    app
      .get(Logger)
      .warn(`no web front end in ${config.webDir} (run \`npm run build\`): serving the API only`);
  }
  return app;
}

function setUpOpenApi(app: NestExpressApplication): void {
  SwaggerModule.setup('api/docs', app, openApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
}

/**
 * The OpenAPI document served at /api/docs-json; `npm run api:types` writes the web's types
 * from it (docs/architecture.md, Shared package and API types).
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Wage bargaining tracker API')
    .setDescription('工资集体协商 tracker: enterprises, negotiations, reports, reminders (docs/contract.md)')
    .setVersion('1')
    .addBearerAuth()
    .build();
  return documentDownloadPaths(
    documentCommonErrors(SwaggerModule.createDocument(app, config, { extraModels: [ErrorResponse] })),
  );
}

/** Express accepts `true`, a hop count or a list of addresses/subnets ("loopback, 10.0.0.0/8"). */
function trustProxyValue(raw: string): boolean | number | string {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw;
}
