import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import type { NextFunction, Request, Response } from 'express';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Paths the API owns: never answered with the web app's page. */
const API_PATHS = /^\/(api|health)(\/|$)/;
/** A file's address (assets/…, something.js): a missing one is a 404, not the page. */
const FILE_PATHS = /^\/assets\/|\.[a-z0-9]+$/i;

/**
 * Serves the built web front end (web/dist) from the API's origin: its files as they are
 * (Vite names them by content hash, so they may be cached for a year), and index.html for
 * any other page address a browser asks for, so that reloading /negotiations/12 works.
 * Returns false when there is nothing built to serve.
 */
export function serveWebApp(app: NestExpressApplication, dir: string): boolean {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  // The files go out gzipped (ECharts: 540 KB → 185 KB); API answers are left as they are.
  const compress = compression();
  app.use((request: Request, response: Response, next: NextFunction) =>
    API_PATHS.test(request.path) ? next() : compress(request, response, next),
  );
  app.useStaticAssets(join(dir, 'assets'), { prefix: '/assets/', immutable: true, maxAge: '365d' });
  // The few files beside index.html (favicon…), known at start: API requests never touch the disk.
  const rootFiles = new Set(
    readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name !== 'index.html')
      .map((entry) => `/${entry.name}`),
  );
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    if (rootFiles.has(request.path)) return response.sendFile(join(dir, request.path), { maxAge: '1h' });
    const wantsPage =
      !API_PATHS.test(request.path) &&
      !FILE_PATHS.test(request.path) &&
      request.accepts(['html', 'json']) === 'html';
    if (!wantsPage) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
  return true;
}
