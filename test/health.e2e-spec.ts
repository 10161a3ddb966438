import request from 'supertest';
import { createTestApp, TestApp } from './support/test-app';

describe('GET /health (e2e)', () => {
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

  it('needs no API prefix and is listed in the OpenAPI document', async () => {
    const docs = await request(sut.http).get('/api/docs-json').expect(200);
    expect(docs.body.paths['/health']).toBeDefined();
  });
});
