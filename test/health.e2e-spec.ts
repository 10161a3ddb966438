import request from 'supertest';
import { createTestApp, TestApp } from './support/test-app';
import { aSignedInUser } from './support/users';

describe('GET /health, /health/live, /health/ready (e2e)', () => {
  let sut: TestApp;

  beforeEach(async () => {
    sut = await createTestApp();
  });
  afterEach(async () => {
    if (!sut.dataSource.isInitialized) await sut.dataSource.initialize(); // so close() can end it
    await sut.close();
  });

  it('answers 200 with the database up', async () => {
    const res = await request(sut.http).get('/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('answers 503 when the database does not answer', async () => {
    await sut.dataSource.destroy();
    const res = await request(sut.http).get('/health').expect(503);
    expect(res.body.details.database.status).toBe('down');
  });

  it('is live while the process answers, and ready when the database answers and every migration has run', async () => {
    expect((await request(sut.http).get('/health/live').expect(200)).body).toEqual({ status: 'ok' });
    const ready = await request(sut.http).get('/health/ready').expect(200);
    expect(ready.body).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, migrations: { status: 'up' } },
    });
  });

  it('is not ready (503, Retry-After) while a migration is pending, and names it', async () => {
    const [last] = await sut.dataSource.query(
      'SELECT id, timestamp, name FROM migrations ORDER BY id DESC LIMIT 1',
    );
    await sut.dataSource.query('DELETE FROM migrations WHERE id = ?', [last.id]);
    try {
      const res = await request(sut.http).get('/health/ready').expect(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.body.details.migrations).toMatchObject({ status: 'down', pending: [last.name] });
      expect(res.body.details.database.status).toBe('up');
    } finally {
      await sut.dataSource.query('INSERT INTO migrations (id, timestamp, name) VALUES (?, ?, ?)', [
        last.id,
        last.timestamp,
        last.name,
      ]);
    }
    await request(sut.http).get('/health/ready').expect(200);
  });

  it('answers API requests 503 DATABASE.UNAVAILABLE with Retry-After, not 500, while the database is gone; live stays 200', async () => {
    const supervisor = await aSignedInUser(sut, 'supervisor');
    await sut.dataSource.destroy();
    const res = await request(sut.http).get('/api/v1/enterprises').set(supervisor.auth).expect(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body).toMatchObject({ statusCode: 503, code: 'DATABASE.UNAVAILABLE' });
    expect(res.body.message).toMatch(/数据库暂时无法访问/);
    await request(sut.http).get('/health/ready').expect(503);
    await request(sut.http).get('/health/live').expect(200);
  });

  it('needs no API prefix and is listed in the OpenAPI document', async () => {
    const docs = await request(sut.http).get('/api/docs-json').expect(200);
    expect(docs.body.paths['/health']).toBeDefined();
    expect(docs.body.paths['/health/live']).toBeDefined();
    expect(docs.body.paths['/health/ready']).toBeDefined();
  });
});
