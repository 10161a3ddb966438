import request from 'supertest';
import { AuditService } from '../src/audit/audit.service';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import { anEnterprise } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';
import { aSignedInUser, SignedInUser, TEST_PASSWORD } from './support/users';

describe('Audit trail (e2e)', () => {
  let sut: TestApp;
  let admin: SignedInUser;

  beforeAll(async () => {
    sut = await createTestApp();
  });
  beforeEach(async () => {
    admin = await aSignedInUser(sut, 'admin');
  });
  afterEach(() => sut.reset());
  afterAll(() => sut.close());

  const trail = async (query: Record<string, string | number> = {}, as: SignedInUser = admin) =>
    (await request(sut.http).get('/api/v1/audit').query(query).set(as.auth).expect(200)).body;

  it('records an enterprise creation with its values and an update with only what changed', async () => {
    const created = (
      await request(sut.http)
        .post('/api/v1/enterprises')
        .set(admin.auth)
        .send(anEnterprise({ employeeCount: 100 }))
        .expect(201)
    ).body;
    await request(sut.http)
      .patch(`/api/v1/enterprises/${created.id}`)
      .set(admin.auth)
      .send({ employeeCount: 150, name: created.name })
      .expect(200);

    const { items } = await trail({ entityType: 'enterprise', entityId: String(created.id) });
    expect(items).toEqual([
      {
        id: expect.any(Number),
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        actorId: admin.id,
        action: 'enterprise.update',
        entityType: 'enterprise',
        entityId: String(created.id),
        changes: { employeeCount: { from: 100, to: 150 } },
        ip: expect.any(String),
      },
      expect.objectContaining({
        action: 'enterprise.create',
        changes: expect.objectContaining({
          creditCode: { from: null, to: created.creditCode },
          employeeCount: { from: null, to: 100 },
        }),
      }),
    ]);
  });

  it('writes no audit row for a write that failed', async () => {
    const first = anEnterprise();
    await request(sut.http).post('/api/v1/enterprises').set(admin.auth).send(first).expect(201);
    await request(sut.http)
      .post('/api/v1/enterprises')
      .set(admin.auth)
      .send(anEnterprise({ creditCode: first.creditCode }))
      .expect(409);
    expect((await trail({ entityType: 'enterprise' })).total).toBe(1);
  });

  it('rolls the audit row back with the transaction it was written in', async () => {
    const audit = sut.app.get(AuditService);
    await expect(
      sut.dataSource.transaction(async (manager) => {
        await audit.record(manager, null, {
          action: 'enterprise.update',
          entityType: 'enterprise',
          entityId: 1,
        });
        throw new Error('the change failed after its audit row was written');
      }),
    ).rejects.toThrow('the change failed');
    expect(await sut.dataSource.getRepository(AuditEntry).count()).toBe(0);
  });

  it('records logins, failed logins (without an actor) and user changes, never a password', async () => {
    await request(sut.http)
      .post('/api/v1/auth/login')
      .send({ username: admin.username, password: TEST_PASSWORD });
    await request(sut.http)
      .post('/api/v1/auth/login')
      .send({ username: admin.username, password: 'guessing-123' });
    const created = (
      await request(sut.http)
        .post('/api/v1/users')
        .set(admin.auth)
        .send({ username: 'li.ming', displayName: '李明', role: 'supervisor', password: 'first password 1' })
        .expect(201)
    ).body;
    await request(sut.http)
      .patch(`/api/v1/users/${created.id}`)
      .set(admin.auth)
      .send({ password: 'second password 2', language: 'en' })
      .expect(200);

    const auth = await trail({ entityType: 'auth' });
    expect(auth.items.map((e: AuditEntry) => [e.action, e.actorId, e.entityId])).toEqual([
      ['auth.login_failed', null, admin.username],
      ['auth.login', admin.id, admin.username],
    ]);
    const users = await trail({ entityType: 'user', entityId: String(created.id) });
    expect(users.items.map((e: AuditEntry) => e.action)).toEqual(['user.update', 'user.create']);
    expect(users.items[0].changes).toEqual({
      language: { from: 'zh-CN', to: 'en' },
      password: { from: '(hidden)', to: '(changed)' },
    });
    const everything = JSON.stringify(await trail({ pageSize: 200 }));
    expect(everything).not.toMatch(/first password|second password|guessing-123|argon2|passwordHash/);
  });

  it('filters by actor, action and business-day range, newest first, in pages', async () => {
    const other = await aSignedInUser(sut, 'admin');
    for (const actor of [admin, other, admin]) {
      await request(sut.http).post('/api/v1/enterprises').set(actor.auth).send(anEnterprise()).expect(201);
    }
    expect((await trail({ actorId: admin.id })).total).toBe(2);
    expect((await trail({ action: 'enterprise.create' })).total).toBe(3);
    const page = await trail({ pageSize: 2, page: 2 });
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.items).toHaveLength(1);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect((await trail({ from: today, to: today })).total).toBe(3);
    expect((await trail({ to: '2020-01-01' })).total).toBe(0);
    expect((await trail({ from: '2999-01-01' })).total).toBe(0);
  });

  it('is open to supervisors, closed to instructors, and checks its query', async () => {
    const supervisor = await aSignedInUser(sut, 'supervisor');
    const instructor = await aSignedInUser(sut, 'instructor');
    await trail({}, supervisor);
    await request(sut.http).get('/api/v1/audit').set(instructor.auth).expect(403);
    const bad = await request(sut.http)
      .get('/api/v1/audit')
      .query({ entityType: 'thing' })
      .set(admin.auth)
      .expect(422);
    expect(bad.body.errors[0].field).toBe('entityType');
    await request(sut.http).get('/api/v1/audit').query({ from: '2026-02-30' }).set(admin.auth).expect(422);
  });
});
