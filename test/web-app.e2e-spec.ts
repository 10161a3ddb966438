import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createTestApp, TestApp } from './support/test-app';

/** The built front end is served by the API's own origin, beside the API. */
describe('Web front end serving (e2e)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wagetrack-web-'));
  const PAGE = '<!doctype html><html><body><div id="app"></div></body></html>';
  const BIG_SCRIPT = `export const rows = ${JSON.stringify(Array.from({ length: 500 }, (_, i) => ({ row: i })))};`;
  let sut: TestApp;

  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), PAGE);
    writeFileSync(join(dir, 'assets', 'index-3f2a1b.js'), 'console.log(1)');
    writeFileSync(join(dir, 'assets', 'big-9a8b7c.js'), BIG_SCRIPT);
    writeFileSync(join(dir, 'favicon.svg'), '<svg/>');
    sut = await createTestApp({ server: { webDir: dir } });
  });
  afterAll(async () => {
    await sut.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['/', '/login', '/negotiations/12', '/reports?asOf=2026-06-30'])(
    'answers the page address %s with index.html, not cached',
    async (path) => {
      const res = await request(sut.http).get(path).set('Accept', 'text/html,*/*;q=0.8').expect(200);
      expect(res.text).toBe(PAGE);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
    },
  );

  it('serves hashed assets for a year and other files for an hour', async () => {
    const asset = await request(sut.http).get('/assets/index-3f2a1b.js').expect(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await request(sut.http).get('/favicon.svg').expect(200);
    expect(icon.headers['cache-control']).toBe('public, max-age=3600');
  });

  it('keeps API answers JSON: an unknown API path is a JSON 404, not the page', async () => {
    const res = await request(sut.http).get('/api/v1/nothing-here').set('Accept', 'text/html').expect(404);
    expect(res.headers['content-type']).toMatch(/json/);
    await request(sut.http).get('/api/v1/me').set('Accept', 'text/html').expect(401);
    const health = await request(sut.http).get('/health').set('Accept', 'text/html').expect(200);
    expect(health.body.status).toBe('ok');
  });

  it('sends the files gzipped to a browser that accepts it, and API answers as they are', async () => {
    const asset = await request(sut.http)
      .get('/assets/big-9a8b7c.js')
      .set('Accept-Encoding', 'gzip')
      .expect(200);
    expect(asset.headers['content-encoding']).toBe('gzip');
    expect(asset.text).toBe(BIG_SCRIPT); // supertest inflates it
    const health = await request(sut.http).get('/health').set('Accept-Encoding', 'gzip').expect(200);
    expect(health.headers['content-encoding']).toBeUndefined();
  });

  it('answers a missing asset with 404 rather than the page', async () => {
    await request(sut.http).get('/assets/gone-123.js').set('Accept', '*/*').expect(404);
  });

  it('allows the page to load over plain HTTP on a LAN address (no upgrade-insecure-requests)', async () => {
    const res = await request(sut.http).get('/').set('Accept', 'text/html');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });
});
