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
        actorName: `测试admin${admin.username.split('.')[1]}`,
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
    // The first enterprise names a township not yet in the hierarchy: placing it is audited too.
    const byAdmin = await trail({ actorId: admin.id });
    expect(byAdmin.items.map((e: AuditEntry) => e.action)).toEqual([
      'enterprise.create',
      'enterprise.create',
      'org_unit.create',
    ]);
    expect((await trail({ action: 'enterprise.create' })).total).toBe(3);
    const page = await trail({ pageSize: 3, page: 2 });
    expect(page).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page.items).toHaveLength(1);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect((await trail({ from: today, to: today })).total).toBe(4);
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

  describe('one enterprise’s history (its page)', () => {
    let instructor: SignedInUser;
    let other: SignedInUser;
    let supervisor: SignedInUser;
    let theirs: { id: number; name: string };
    let notTheirs: { id: number };

    beforeEach(async () => {
      instructor = await aSignedInUser(sut, 'instructor', { displayName: '王指导' });
      other = await aSignedInUser(sut, 'instructor', { displayName: '赵指导' });
      supervisor = await aSignedInUser(sut, 'supervisor');
      const create = async (instructorId: number) =>
        (
          await request(sut.http)
            .post('/api/v1/enterprises')
            .set(admin.auth)
            .send(anEnterprise({ instructorId, employeeCount: 100 }))
            .expect(201)
        ).body;
      theirs = await create(instructor.id);
      notTheirs = await create(other.id);
      await request(sut.http)
        .patch(`/api/v1/enterprises/${theirs.id}`)
        .set(admin.auth)
        .send({ employeeCount: 120 })
        .expect(200);
    });

    const history = (as: SignedInUser, id: string | number) =>
      request(sut.http).get(`/api/v1/enterprises/${id}/history`).set(as.auth);

    it('lets an instructor read the rows of an enterprise of theirs, naming who changed what, without addresses', async () => {
      const { body } = await history(instructor, theirs.id).expect(200);
      expect(body.total).toBe(2);
      expect(body.items[0]).toEqual({
        id: expect.any(Number),
        at: expect.any(String),
        actorId: admin.id,
        actorName: expect.stringMatching(/^测试admin/),
        action: 'enterprise.update',
        entityType: 'enterprise',
        entityId: String(theirs.id),
        changes: { employeeCount: { from: 100, to: 120 } },
        ip: null,
      });
      expect(body.items[1]).toMatchObject({ action: 'enterprise.create', ip: null });
    });

    it('answers an instructor 404 for another instructor’s enterprise, as for one that does not exist', async () => {
      const elsewhere = await history(instructor, notTheirs.id).expect(404);
      const unknown = await history(instructor, 987654).expect(404);
      const garbage = await history(instructor, '1 OR 1=1').expect(404);
      for (const answer of [elsewhere, unknown, garbage]) {
        expect(answer.body).toMatchObject({ statusCode: 404, code: 'ENTERPRISE.NOT_FOUND' });
      }
      expect(elsewhere.body.message).toBe(`enterprise ${notTheirs.id} does not exist`);
      // The other instructor reads their own, and not this one's.
      await history(other, notTheirs.id).expect(200);
      await history(other, theirs.id).expect(404);
    });

    it('keeps the whole trail from instructors (403), even filtered to an enterprise of theirs', async () => {
      for (const query of [{}, { entityType: 'enterprise', entityId: String(theirs.id) }]) {
        const refused = await request(sut.http)
          .get('/api/v1/audit')
          .query(query)
          .set(instructor.auth)
          .expect(403);
        expect(refused.body.code).toBe('AUTH.FORBIDDEN');
      }
    });

    it('gives admins and supervisors every enterprise’s rows, with names and addresses', async () => {
      for (const reader of [admin, supervisor]) {
        for (const enterprise of [theirs, notTheirs]) {
          const { body } = await history(reader, enterprise.id).expect(200);
          expect(body.items.length).toBeGreaterThan(0);
          expect(body.items[0].actorName).toMatch(/^测试admin/);
          expect(body.items[0].ip).toEqual(expect.any(String));
        }
      }
    });

    it('names whoever acted, even once deactivated, and nobody for the system', async () => {
      const former = await aSignedInUser(sut, 'admin', { displayName: '钱前任' });
      await request(sut.http)
        .patch(`/api/v1/enterprises/${theirs.id}`)
        .set(former.auth)
        .send({ community: '幸福社区' })
        .expect(200);
      await request(sut.http)
        .patch(`/api/v1/users/${former.id}`)
        .set(admin.auth)
        .send({ active: false })
        .expect(200);
      await sut.dataSource.transaction((manager) =>
        sut.app.get(AuditService).record(manager, null, {
          action: 'enterprise.import.update',
          entityType: 'enterprise',
          entityId: theirs.id,
          changes: { employeeCount: { from: 120, to: 130 } },
        }),
      );
      const { body } = await history(instructor, theirs.id).expect(200);
      expect(body.items.slice(0, 2).map((row: { actorName: string | null }) => row.actorName)).toEqual([
        null,
        '钱前任',
      ]);
    });
  });
});
