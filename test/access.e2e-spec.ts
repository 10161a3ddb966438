import request from 'supertest';
import type { Role } from '../src/access/roles';
import { anEnterprise } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';
import { aSignedInUser, SignedInUser } from './support/users';

/**
 * Who may call what. Every route the app registers must have a line here: a new route
 * without a decision fails the first test. `public` routes need no token; for the others,
 * no token is 401, a role not listed is 403, and a listed role passes the guard (what
 * happens next, 2xx, 404 or 422, is the route's own business and tested elsewhere).
 */
const POLICY: Record<string, 'public' | Role[]> = {
  'GET /health': 'public',
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
  'GET /metrics': 'public',
  'POST /api/v1/auth/login': 'public',
  'GET /api/v1/me': ['admin', 'supervisor', 'instructor'],
  'GET /api/v1/me/agenda': ['instructor'],
  'POST /api/v1/users': ['admin'],
  'GET /api/v1/users': ['admin'],
  'GET /api/v1/instructors': ['admin', 'supervisor'],
  'GET /api/v1/users/:id': ['admin', 'supervisor', 'instructor'],
  'PATCH /api/v1/users/:id': ['admin', 'supervisor', 'instructor'],
  'GET /api/v1/audit': ['admin', 'supervisor'],
  'POST /api/v1/enterprises': ['admin'],
  'GET /api/v1/enterprises': ['admin', 'supervisor', 'instructor'],
  'GET /api/v1/enterprises/townships': ['admin', 'supervisor', 'instructor'],
  'GET /api/v1/enterprises/:id': ['admin', 'supervisor', 'instructor'],
  'GET /api/v1/enterprises/:id/history': ['admin', 'supervisor', 'instructor'],
  'PATCH /api/v1/enterprises/:id': ['admin', 'instructor'],
  'POST /api/v1/negotiations': ['admin', 'instructor'],
  'GET /api/v1/negotiations': ['admin', 'supervisor', 'instructor'],
  'GET /api/v1/negotiations/:id': ['admin', 'supervisor', 'instructor'],
  'POST /api/v1/negotiations/:id/events': ['admin', 'instructor'],
  'GET /api/v1/negotiations/:id/events': ['admin', 'supervisor', 'instructor'],
  'GET /api/v1/negotiations/:id/documents': ['admin', 'supervisor', 'instructor'],
  'GET /api/v1/negotiations/:id/documents/:kind.docx': ['admin', 'supervisor', 'instructor'],
  'POST /api/v1/agreements/historical': ['admin'],
  'GET /api/v1/workflow': ['admin', 'supervisor', 'instructor'],
  'POST /api/v1/timers/run': ['admin'],
  'GET /api/v1/reports/signing-rates{.:format}': ['admin', 'supervisor', 'instructor'],
  'GET /api/v1/reports/target-gaps{.:format}': ['admin', 'supervisor', 'instructor'],
  'GET /api/v1/reports/union-founding{.:format}': ['admin', 'supervisor', 'instructor'],
  'GET /api/v1/reports/agreements{.:format}': ['admin', 'supervisor', 'instructor'],
  'GET /api/v1/reports/trend{.:format}': ['admin', 'supervisor', 'instructor'],
  'GET /api/v1/reports/statistics{.:format}': ['admin', 'supervisor', 'instructor'],
  'GET /api/v1/reports/work-summary{.:format}': ['admin', 'supervisor', 'instructor'],
  'GET /api/v1/reminders': ['admin', 'supervisor'],
  'POST /api/v1/reminders/run': ['admin'],
  'POST /api/v1/reminders/:id/retry': ['admin'],
  'POST /api/v1/campaigns/preview': ['admin'],
  'POST /api/v1/campaigns': ['admin'],
  'GET /api/v1/campaigns': ['admin', 'supervisor'],
  'GET /api/v1/campaigns/:id': ['admin', 'supervisor'],
  'POST /api/v1/campaigns/:id/run': ['admin'],
  'GET /api/v1/campaigns/:id/offers.zip': ['admin', 'supervisor'],
  'POST /api/v1/enterprises/import': ['admin'],
  'POST /api/v1/agreements/import': ['admin'],
  'GET /api/v1/enterprises.:format': ['admin', 'supervisor', 'instructor'],
  'GET /api/v1/negotiations.:format': ['admin', 'supervisor', 'instructor'],
  'GET /api/v1/org-units': ['admin', 'supervisor', 'instructor'],
  'POST /api/v1/org-units': ['admin'],
  'GET /api/v1/org-units/:id': ['admin', 'supervisor', 'instructor'],
  'PATCH /api/v1/org-units/:id': ['admin'],
  'GET /api/v1/org-units/:id/targets': ['admin', 'supervisor', 'instructor'],
  'PUT /api/v1/org-units/:id/targets': ['admin'],
  'POST /api/v1/org-units/import': ['admin'],
  'GET /api/v1/calendar': ['admin', 'supervisor', 'instructor'],
  'GET /api/v1/calendar/:year': ['admin', 'supervisor', 'instructor'],
  'PUT /api/v1/calendar/:year': ['admin'],
};

const ROLES: Role[] = ['admin', 'supervisor', 'instructor'];

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

describe('Access control (e2e)', () => {
  let sut: TestApp;
  let users: Record<Role, SignedInUser>;

  beforeAll(async () => {
    sut = await createTestApp();
  });
  beforeEach(async () => {
    users = {
      admin: await aSignedInUser(sut, 'admin'),
      supervisor: await aSignedInUser(sut, 'supervisor'),
      instructor: await aSignedInUser(sut, 'instructor'),
    };
  });
  afterEach(() => sut.reset());
  afterAll(() => sut.close());

  function registeredRoutes(): string[] {
    const express = sut.app.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } };
    return (
      express.router.stack
        // Nest's own catch-all (404) handlers and the OpenAPI pages are not API routes.
        .filter(
          (layer) =>
            layer.route && !layer.route.path.includes('*') && !layer.route.path.startsWith('/api/docs'),
        )
        .flatMap((layer) =>
          Object.keys(layer.route!.methods).map((method) => `${method.toUpperCase()} ${layer.route!.path}`),
        )
        .sort()
    );
  }

  it('has a decision for every registered route, and no decision for a route that does not exist', () => {
    expect(registeredRoutes()).toEqual(Object.keys(POLICY).sort());
  });

  it('documents in OpenAPI who may call each route: 401 without a token, 403 for the roles refused', async () => {
    const docs = (await request(sut.http).get('/api/docs-json').expect(200)).body as {
      paths: Record<
        string,
        Record<string, { responses: Record<string, { description: string; content?: unknown }> }>
      >;
    };
    const errorBody = { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } };
    for (const [route, allowed] of Object.entries(POLICY)) {
      const [method, path] = route.split(' ');
      const openApiPath = path
        .replace(':id', '{id}')
        .replace(':kind', '{kind}')
        .replace(':year', '{year}')
        .replace('{.:format}', '.{format}')
        .replace('.:format', '.{format}');
      const { responses } = docs.paths[openApiPath][method.toLowerCase()];
      if (allowed === 'public') {
        expect(responses['401']?.description ?? '').not.toContain('AUTH.UNAUTHENTICATED');
        continue;
      }
      expect({ route, unauthenticated: responses['401'] }).toEqual({
        route,
        unauthenticated: { description: expect.stringContaining('AUTH.UNAUTHENTICATED'), content: errorBody },
      });
      const refused = ROLES.filter((role) => !allowed.includes(role));
      const forbidden = responses['403']?.description ?? '';
      if (refused.length > 0) {
        expect({ route, forbidden }).toEqual({
          route,
          forbidden: expect.stringContaining(`only ${allowed.join(', ')}`),
        });
      } else {
        expect({ route, forbidden }).toEqual({
          route,
          forbidden: expect.not.stringContaining('AUTH.FORBIDDEN:'),
        });
      }
    }
  });

  it('lists each report in OpenAPI at its JSON path and, apart, at its download path', async () => {
    const docs = (await request(sut.http).get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>>;
    };
    const reportPaths = Object.keys(docs.paths).filter((path) => path.startsWith('/api/v1/reports/'));
    const reports = [
      'signing-rates',
      'target-gaps',
      'union-founding',
      'agreements',
      'trend',
      'statistics',
      'work-summary',
    ];
    for (const report of reports) {
      const json = docs.paths[`/api/v1/reports/${report}`]?.get;
      expect({ report, json: Boolean(json) }).toEqual({ report, json: true });
      expect(json!.parameters?.some((parameter) => parameter.name === 'format')).toBe(false);
      const download = docs.paths[`/api/v1/reports/${report}.{format}`]?.get;
      expect(download?.parameters).toContainEqual(expect.objectContaining({ name: 'format', in: 'path' }));
    }
    expect(reportPaths.filter((path) => path.includes('{.'))).toEqual([]);
  });

  it("documents in OpenAPI the error answers of a route's body and of the workflow", async () => {
    const docs = (await request(sut.http).get('/api/docs-json').expect(200)).body as {
      paths: Record<
        string,
        Record<
          string,
          { requestBody?: { content: object }; responses: Record<string, { description: string }> }
        >
      >;
    };
    const withJsonBody = Object.entries(docs.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(
          ([, operation]) => operation.requestBody && 'application/json' in operation.requestBody.content,
        )
        .map(([method, operation]) => ({ route: `${method} ${path}`, responses: operation.responses })),
    );
    expect(withJsonBody.length).toBeGreaterThanOrEqual(8);
    for (const { route, responses } of withJsonBody) {
      expect({ route, 400: responses['400']?.description, 422: responses['422']?.description }).toEqual({
        route,
        400: expect.stringContaining('REQUEST.MALFORMED_JSON'),
        422: expect.stringContaining('REQUEST.VALIDATION_FAILED'),
      });
    }
    const events = docs.paths['/api/v1/negotiations/{id}/events'].post.responses;
    expect(events['409'].description).toMatch(/NEGOTIATION\.VERSION_CONFLICT.*currentVersion/);
    expect(events['422'].description).toMatch(/ILLEGAL_EVENT.*GUARD_FAILED.*INVALID_EVENT/);
    expect(events['404'].description).toContain('NOT_FOUND');
  });

  const call = (route: string, auth?: { Authorization: string }) => {
    const [method, path] = route.split(' ');
    const url = path.replace(':id', '1').replace('{.:format}', '').replace(':format', 'csv');
    const req = request(sut.http)[method.toLowerCase() as 'get' | 'post' | 'patch'](url);
    if (auth) req.set(auth);
    return method === 'GET' ? req : req.send({});
  };

  describe.each(Object.entries(POLICY))('%s', (route, allowed) => {
    if (allowed === 'public') {
      it('needs no token', async () => {
        const res = await call(route);
        expect([401, 403]).not.toContain(res.status);
      });
      return;
    }
    it('answers 401 without a token', async () => {
      await call(route).expect(401);
    });
    it.each(ROLES)('decides for %s', async (role) => {
      const res = await call(route, users[role].auth);
      if (allowed.includes(role)) expect([401, 403]).not.toContain(res.status);
      else expect(res.status).toBe(403);
    });
  });

  describe('instructor scope', () => {
    it('shows an instructor only their enterprises; another instructor’s are not found', async () => {
      const other = await aSignedInUser(sut, 'instructor');
      const post = (instructorId: number) =>
        request(sut.http)
          .post('/api/v1/enterprises')
          .set(users.admin.auth)
          .send(anEnterprise({ instructorId }));
      const mine = (await post(users.instructor.id).expect(201)).body;
      const theirs = (await post(other.id).expect(201)).body;
      const auth = users.instructor.auth;

      const list = await request(sut.http).get('/api/v1/enterprises').set(auth).expect(200);
      expect(list.body.items.map((e: { id: number }) => e.id)).toEqual([mine.id]);
      const filtered = await request(sut.http)
        .get('/api/v1/enterprises')
        .query({ instructorId: other.id })
        .set(auth);
      expect(filtered.body.total).toBe(0);
      await request(sut.http).get(`/api/v1/enterprises/${theirs.id}`).set(auth).expect(404);
      await request(sut.http)
        .patch(`/api/v1/enterprises/${theirs.id}`)
        .set(auth)
        .send({ employeeCount: 1 })
        .expect(404);

      const supervisorList = await request(sut.http).get('/api/v1/enterprises').set(users.supervisor.auth);
      expect(supervisorList.body.total).toBe(2);
    });

    it('lets an instructor update their enterprise but not reassign it; admins assign', async () => {
      const created = (
        await request(sut.http)
          .post('/api/v1/enterprises')
          .set(users.admin.auth)
          .send(anEnterprise({ instructorId: users.instructor.id }))
          .expect(201)
      ).body;
      const url = `/api/v1/enterprises/${created.id}`;
      await request(sut.http).patch(url).set(users.instructor.auth).send({ employeeCount: 99 }).expect(200);
      const res = await request(sut.http)
        .patch(url)
        .set(users.instructor.auth)
        .send({ instructorId: users.instructor.id })
        .expect(403);
      expect(res.body.code).toBe('AUTH.FORBIDDEN_FIELD');
      const other = await aSignedInUser(sut, 'instructor');
      await request(sut.http).patch(url).set(users.admin.auth).send({ instructorId: other.id }).expect(200);
      await request(sut.http).get(url).set(users.instructor.auth).expect(404);
    });

    it('refuses to assign an enterprise to someone who is not an active instructor', async () => {
      for (const instructorId of [users.supervisor.id, 999999]) {
        const res = await request(sut.http)
          .post('/api/v1/enterprises')
          .set(users.admin.auth)
          .send(anEnterprise({ instructorId }))
          .expect(422);
        expect(res.body.code).toBe('ENTERPRISE.UNKNOWN_INSTRUCTOR');
      }
    });
  });
});

describe('CORS (e2e)', () => {
  it('answers allowed origins when CORS_ORIGINS is set', async () => {
    const sut = await createTestApp({ server: { corsOrigins: ['https://union.example'] } });
    try {
      const res = await request(sut.http).get('/health').set('Origin', 'https://union.example').expect(200);
      expect(res.headers['access-control-allow-origin']).toBe('https://union.example');
    } finally {
      await sut.close();
    }
  });
});
