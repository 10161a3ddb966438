import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { User } from '../src/users/user.entity';
import { anEnterpriseId } from './support/negotiations';
import { createTestApp, TestApp } from './support/test-app';
import { aSignedInUser, SignedInUser, TEST_PASSWORD } from './support/users';

describe('Auth and users (e2e)', () => {
  let sut: TestApp;
  let admin: SignedInUser;

  beforeAll(async () => {
    sut = await createTestApp();
  });
  beforeEach(async () => {
    admin = await aSignedInUser(sut, 'admin');
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await sut.reset();
  });
  afterAll(() => sut.close());

  const login = (username: string, password: string, ip = '203.0.113.7') =>
    request(sut.http).post('/api/v1/auth/login').set('X-Forwarded-For', ip).send({ username, password });

  describe('POST /api/v1/auth/login', () => {
    it('answers a token that opens the other routes, with the user and no secret', async () => {
      const res = await login(admin.username, TEST_PASSWORD).expect(200);
      expect(res.body).toEqual({
        accessToken: expect.any(String),
        expiresIn: 12 * 3600,
        user: expect.objectContaining({ id: admin.id, username: admin.username, role: 'admin' }),
      });
      expect(JSON.stringify(res.body)).not.toMatch(/password|hash|argon/i);
      const me = await request(sut.http)
        .get('/api/v1/me')
        .set('Authorization', `Bearer ${res.body.accessToken}`);
      expect(me.status).toBe(200);
      expect(me.body.username).toBe(admin.username);
    });

    it('answers the same 401 for an unknown user, a wrong password and a deactivated user', async () => {
      const inactive = await aSignedInUser(sut, 'instructor', { active: false });
      const answers = [
        await login('nobody.here', TEST_PASSWORD).expect(401),
        await login(admin.username, 'wrong password!').expect(401),
        await login(inactive.username, TEST_PASSWORD).expect(401),
      ];
      for (const res of answers) {
        expect(res.body).toEqual({
          statusCode: 401,
          code: 'AUTH.BAD_CREDENTIALS',
          message: 'wrong username or password',
        });
      }
    });

    it('throttles after 5 failures for one user from one address: 429 with Retry-After, even for the right password', async () => {
      for (let i = 0; i < 5; i++) await login(admin.username, 'wrong password!', '198.51.100.1').expect(401);
      const res = await login(admin.username, TEST_PASSWORD, '198.51.100.1').expect(429);
      expect(res.body.code).toBe('AUTH.TOO_MANY_FAILURES');
      const retryAfter = Number(res.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(14 * 60);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      // Another address, or another user from this address, is not held back.
      await login(admin.username, TEST_PASSWORD, '198.51.100.2').expect(200);
      const other = await aSignedInUser(sut, 'supervisor');
      await login(other.username, TEST_PASSWORD, '198.51.100.1').expect(200);
    });

    it('forgets failures after a successful login', async () => {
      for (let i = 0; i < 4; i++) await login(admin.username, 'wrong password!').expect(401);
      await login(admin.username, TEST_PASSWORD).expect(200);
      for (let i = 0; i < 4; i++) await login(admin.username, 'wrong password!').expect(401);
      await login(admin.username, TEST_PASSWORD).expect(200);
    });

    it('answers 422 for a missing password and 400 for an unknown field', async () => {
      const missing = await request(sut.http)
        .post('/api/v1/auth/login')
        .send({ username: 'admin' })
        .expect(422);
      expect(missing.body.errors[0].field).toBe('password');
      await request(sut.http)
        .post('/api/v1/auth/login')
        .send({ username: 'admin', password: 'x', remember: true })
        .expect(400);
    });
  });

  describe('tokens', () => {
    const me = (authorization?: string) => {
      const req = request(sut.http).get('/api/v1/me');
      return authorization ? req.set('Authorization', authorization) : req;
    };

    it.each([
      ['no Authorization header', undefined],
      ['a scheme other than Bearer', 'Basic YWRtaW46YWRtaW4='],
      ['a token that is not a JWT', 'Bearer not-a-token'],
    ])('answers 401 for %s', async (_case, header) => {
      const res = await me(header).expect(401);
      expect(res.body.code).toBe('AUTH.UNAUTHENTICATED');
    });

    it('answers 401 for an expired token and says so', async () => {
      const expired = await sut.app.get(JwtService).signAsync({ sub: admin.id, tv: 0 }, { expiresIn: -10 });
      const res = await me(`Bearer ${expired}`).expect(401);
      expect(res.body.message).toMatch(/expired/);
    });

    it('refuses a token it accepted before once that token expires', async () => {
      const jwt = sut.app.get(JwtService);
      // Expires 1–2 s from now (JWT expiry has one-second resolution).
      const exp = Math.floor(Date.now() / 1000) + 2;
      const token = await jwt.signAsync({ sub: admin.id, tv: 0, exp });
      await me(`Bearer ${token}`).expect(200);
      await new Promise((resolve) => setTimeout(resolve, exp * 1000 - Date.now() + 20));
      const res = await me(`Bearer ${token}`).expect(401);
      expect(res.body.message).toMatch(/expired/);
    });

    it('answers 401 for a token signed with another secret', async () => {
      const forged = await sut.app
        .get(JwtService)
        .signAsync({ sub: admin.id, tv: 0 }, { secret: 'x'.repeat(40) });
      await me(`Bearer ${forged}`).expect(401);
    });

    it.each([
      ['the id followed by " OR 1=1"', (id: number) => `${id} OR 1=1`],
      ['the id as a string', (id: number) => String(id)],
      ['the id plus a half', (id: number) => id + 0.5],
      ['zero', () => 0],
    ])('answers 401 for a genuinely signed token whose subject is %s', async (_case, subjectOf) => {
      const odd = await sut.app
        .get(JwtService)
        .signAsync({ sub: subjectOf(admin.id), tv: 0 }, { expiresIn: 60 });
      const res = await me(`Bearer ${odd}`).expect(401);
      expect(res.body.code).toBe('AUTH.UNAUTHENTICATED');
    });

    it('ends existing tokens when the user changes their password, and the new password works', async () => {
      const user = await aSignedInUser(sut, 'instructor');
      await request(sut.http)
        .patch(`/api/v1/users/${user.id}`)
        .set(user.auth)
        .send({ password: 'a brand new password', currentPassword: TEST_PASSWORD })
        .expect(200);
      await me(user.auth.Authorization).expect(401);
      await login(user.username, TEST_PASSWORD).expect(401);
      await login(user.username, 'a brand new password').expect(200);
    });

    it('ends existing tokens when an admin deactivates the user or resets their password', async () => {
      const deactivated = await aSignedInUser(sut, 'supervisor');
      await me(deactivated.auth.Authorization).expect(200); // remembered for a few seconds from here
      await request(sut.http)
        .patch(`/api/v1/users/${deactivated.id}`)
        .set(admin.auth)
        .send({ active: false })
        .expect(200);
      await me(deactivated.auth.Authorization).expect(401);

      const reset = await aSignedInUser(sut, 'instructor');
      await me(reset.auth.Authorization).expect(200);
      await request(sut.http)
        .patch(`/api/v1/users/${reset.id}`)
        .set(admin.auth)
        .send({ password: 'reset by the admin' })
        .expect(200);
      await me(reset.auth.Authorization).expect(401);
      await login(reset.username, 'reset by the admin').expect(200);
    });

    it('takes a deactivation written by another instance into account within AUTH_USER_CACHE_SECONDS', async () => {
      const user = await aSignedInUser(sut, 'supervisor');
      await me(user.auth.Authorization).expect(200);
      // Another instance (sharing the database) deactivates the user: this one has not seen it.
      await sut.dataSource.getRepository(User).update({ id: user.id }, { active: false, tokenVersion: 1 });
      await me(user.auth.Authorization).expect(200);
      const now = Date.now();
      jest.spyOn(Date, 'now').mockReturnValue(now + 5_000);
      await me(user.auth.Authorization).expect(401);
    });
  });

  describe('users', () => {
    const newUser = {
      username: 'wang.li',
      displayName: '王丽',
      email: 'wang.li@example.cn',
      role: 'instructor',
      password: 'a long enough password',
    };

    it('lets an admin create a user who can then sign in; never shows the password', async () => {
      const res = await request(sut.http).post('/api/v1/users').set(admin.auth).send(newUser).expect(201);
      expect(res.body).toEqual({
        id: expect.any(Number),
        username: 'wang.li',
        displayName: '王丽',
        email: 'wang.li@example.cn',
        role: 'instructor',
        language: 'zh-CN',
        digestOptOut: false,
        active: true,
        orgUnitId: null,
      });
      await login('wang.li', newUser.password).expect(200);
      const list = await request(sut.http).get('/api/v1/users').set(admin.auth).expect(200);
      expect(list.body.total).toBe(2);
      expect(JSON.stringify(list.body)).not.toMatch(/password|hash/i);
    });

    it.each([
      [{ username: 'Wang Li' }, 'username', /3 to 32 of a-z/],
      [{ username: 'ab' }, 'username', /3 to 32/],
      [{ password: 'short' }, 'password', /at least 10 characters/],
      [{ role: 'root' }, 'role', /one of admin, supervisor, instructor/],
      [{ email: 'not-mail' }, 'email', /e-mail address/],
      [{ language: 'fr' }, 'language', /one of zh-CN, en/],
    ])('answers 422 for %o', async (change, field, message) => {
      const res = await request(sut.http)
        .post('/api/v1/users')
        .set(admin.auth)
        .send({ ...newUser, ...change })
        .expect(422);
      expect(res.body.errors).toEqual([{ field, message: expect.stringMatching(message) }]);
    });

    it('answers 409 USER.DUPLICATE_USERNAME for a taken username', async () => {
      await request(sut.http).post('/api/v1/users').set(admin.auth).send(newUser).expect(201);
      const res = await request(sut.http).post('/api/v1/users').set(admin.auth).send(newUser).expect(409);
      expect(res.body.code).toBe('USER.DUPLICATE_USERNAME');
    });

    it('lets users change their own email, language and digest setting, but not their role or name', async () => {
      const user = await aSignedInUser(sut, 'instructor');
      const res = await request(sut.http)
        .patch(`/api/v1/users/${user.id}`)
        .set(user.auth)
        .send({ email: 'new@example.cn', language: 'en', digestOptOut: true })
        .expect(200);
      expect(res.body).toMatchObject({ email: 'new@example.cn', language: 'en', digestOptOut: true });
      const forbidden = await request(sut.http)
        .patch(`/api/v1/users/${user.id}`)
        .set(user.auth)
        .send({ role: 'admin' })
        .expect(403);
      expect(forbidden.body.code).toBe('AUTH.FORBIDDEN_FIELD');
      await request(sut.http)
        .patch(`/api/v1/users/${user.id}`)
        .set(user.auth)
        .send({ displayName: '新' })
        .expect(403);
    });

    it('needs the current password to change one’s own password', async () => {
      const user = await aSignedInUser(sut, 'supervisor');
      const patch = (body: object) =>
        request(sut.http).patch(`/api/v1/users/${user.id}`).set(user.auth).send(body);
      const missing = await patch({ password: 'another long password' }).expect(422);
      expect(missing.body.code).toBe('USER.CURRENT_PASSWORD_REQUIRED');
      await patch({ password: 'another long password', currentPassword: 'wrong one' }).expect(422);
      await login(user.username, TEST_PASSWORD).expect(200); // unchanged
    });

    it('hides other users from non-admins (404) and lets them read themselves', async () => {
      const user = await aSignedInUser(sut, 'instructor');
      await request(sut.http).get(`/api/v1/users/${admin.id}`).set(user.auth).expect(404);
      await request(sut.http)
        .patch(`/api/v1/users/${admin.id}`)
        .set(user.auth)
        .send({ language: 'en' })
        .expect(404);
      await request(sut.http).get(`/api/v1/users/${user.id}`).set(user.auth).expect(200);
    });

    it('keeps at least one active admin', async () => {
      const res = await request(sut.http)
        .patch(`/api/v1/users/${admin.id}`)
        .set(admin.auth)
        .send({ role: 'supervisor' })
        .expect(422);
      expect(res.body).toMatchObject({ code: 'USER.LAST_ADMIN', errors: [{ field: 'role' }] });
      const deactivated = await request(sut.http)
        .patch(`/api/v1/users/${admin.id}`)
        .set(admin.auth)
        .send({ active: false })
        .expect(422);
      expect(deactivated.body).toMatchObject({ code: 'USER.LAST_ADMIN', errors: [{ field: 'active' }] });
      const second = await aSignedInUser(sut, 'admin');
      await request(sut.http)
        .patch(`/api/v1/users/${admin.id}`)
        .set(second.auth)
        .send({ active: false })
        .expect(200);
    });

    it('leaves a departing instructor’s enterprises unassigned, audited, when deactivated or given another role', async () => {
      const leaving = await aSignedInUser(sut, 'instructor');
      const moving = await aSignedInUser(sut, 'instructor');
      const staying = await aSignedInUser(sut, 'instructor');
      const theirs = [
        await anEnterpriseId(sut, admin, leaving.id),
        await anEnterpriseId(sut, admin, leaving.id),
      ];
      const moved = await anEnterpriseId(sut, admin, moving.id);
      const kept = await anEnterpriseId(sut, admin, staying.id);
      const patch = (id: number, body: object) =>
        request(sut.http).patch(`/api/v1/users/${id}`).set(admin.auth).send(body).expect(200);
      await patch(leaving.id, { active: false });
      await patch(moving.id, { role: 'supervisor' });
      await patch(staying.id, { language: 'en' });

      const instructorOf = async (id: number) =>
        (await request(sut.http).get(`/api/v1/enterprises/${id}`).set(admin.auth).expect(200)).body
          .instructorId;
      expect(await Promise.all([...theirs, moved, kept].map(instructorOf))).toEqual([
        null,
        null,
        null,
        staying.id,
      ]);
      const audit = await request(sut.http)
        .get('/api/v1/audit')
        .query({ entityType: 'enterprise', actorId: admin.id, pageSize: 200 })
        .set(admin.auth)
        .expect(200);
      const released = audit.body.items.filter(
        (row: { changes?: { instructorId?: { to: unknown } } }) => row.changes?.instructorId?.to === null,
      );
      expect(
        released
          .map((row: { entityId: string }) => Number(row.entityId))
          .sort((a: number, b: number) => a - b),
      ).toEqual([...theirs, moved].sort((a, b) => a - b));
    });
  });

  describe('HTTP hardening', () => {
    it('sends security headers and no CORS headers by default', async () => {
      const res = await request(sut.http).get('/health').set('Origin', 'https://evil.example').expect(200);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toBeDefined();
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      expect(res.headers['x-powered-by']).toBeUndefined();
    });
  });
});
