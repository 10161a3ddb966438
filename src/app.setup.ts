import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { jsonBodyParser } from './common/http/body-parser';

/**
 * Everything about the HTTP app that is not a module: used by main.ts and by the e2e tests,
 * so the tests exercise the same body limits, docs and shutdown hooks as production.
 * Create the app with `{ bodyParser: false, bufferLogs: true }` before calling this.
 */
export function configureApp(app: NestExpressApplication): NestExpressApplication {
  app.useLogger(app.get(Logger));
  app.use(jsonBodyParser());
  app.disable('x-powered-by');
  app.enableShutdownHooks();
  setUpOpenApi(app);
  return app;
}

function setUpOpenApi(app: NestExpressApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Wage bargaining tracker API')
    .setDescription('工资集体协商 tracker: enterprises, negotiations, reports, reminders (api.md)')
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
