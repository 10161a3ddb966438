import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { parseDatabaseUrl } from '../src/config/database-url';
import { addDays, addMonths } from '../src/common/dates/business-date';
import { Agreement } from '../src/negotiations/entities/agreement.entity';
import { NATIONAL_RULE_SET, resolveRuleSet } from '../src/negotiations/workflow';
import { createTestApp, TestApp } from './support/test-app';
import { isServerDatabase, testDatabaseConfig } from './support/test-database';
import { aSignedInUser, SignedInUser } from './support/users';
import {
  aNegotiation,
  anEnterpriseId,
  daysAgo,
  nationalDue,
  record,
  REPRESENTATIVES,
  today,
  toSigning,
} from './support/negotiations';

describe('Negotiations API (e2e)', () => {
  let sut: TestApp;
  let admin: SignedInUser;
  let instructor: SignedInUser;
  let enterpriseId: number;

  beforeAll(async () => {
    sut = await createTestApp();
  });
  beforeEach(async () => {
    admin = await aSignedInUser(sut, 'admin');
    instructor = await aSignedInUser(sut, 'instructor');
    enterpriseId = await anEnterpriseId(sut, admin, instructor.id);
  });
  afterEach(() => sut.reset());
  afterAll(() => sut.close());

  const get = (id: number, as = admin) => request(sut.http).get(`/api/v1/negotiations/${id}`).set(as.auth);
  const post = (id: number, body: object, as = admin) =>
    request(sut.http).post(`/api/v1/negotiations/${id}/events`).set(as.auth).send(body);
  const deadline = (body: { deadlines: { kind: string }[] }, kind: string) =>
    body.deadlines.find((d) => d.kind === kind);

  it('opens a negotiation in invitation at version 0, listing the events it accepts', async () => {
    const res = await request(sut.http)
      .post('/api/v1/negotiations')
      .set(instructor.auth)
      .send({
        agreementKind: 'wage',
        scope: 'enterprise',
        enterpriseIds: [enterpriseId],
        title: '2027年度工资协商',
      })
      .expect(201);
    expect(res.body).toMatchObject({
      version: 0,
      stage: 'invitation',
      state: 'invitation',
      agreementKind: 'wage',
      scope: 'enterprise',
      enterpriseIds: [enterpriseId],
      title: '2027年度工资协商',
      historical: false,
      ruleSetVersion: 'national-2004.1',
      createdOn: today(),
    });
    expect(res.body.agreement).toBeUndefined();
    const offer = res.body.availableEvents.find((e: { type: string }) => e.type === 'OFFER_SENT');
    expect(offer.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'sentBy', required: true, values: ['union', 'employer'] }),
        expect.objectContaining({ name: 'receivedOn', type: 'date', required: true }),
      ]),
    );
    expect(res.body.availableEvents.map((e: { type: string }) => e.type)).not.toContain(
      'REVIEW_PERIOD_ELAPSED',
    );
  });

  it('follows a wage agreement from offer to publication, with its deadlines, agreement and history', async () => {
    const start = daysAgo(40);
    const negotiation = await aNegotiation(sut, instructor, { enterpriseIds: [enterpriseId] });

    const offered = await record(sut, instructor, negotiation, toSigning(start).slice(0, 1));
    // 集体合同规定 art. 32: reply within 20 days of receipt (民法典 art. 203: not ending on a rest day).
    expect(deadline(offered, 'offer_reply')).toMatchObject({
      dueOn: nationalDue(start, 20),
      rule: '集体合同规定 art. 32',
      ruleZh: '集体合同规定第三十二条',
    });

    const signed = await record(sut, instructor, offered, toSigning(start).slice(1));
    expect(signed).toMatchObject({ stage: 'filing', state: 'filing.awaitingSubmission', version: 7 });
    // 工资集体协商试行办法 art. 21: a wage agreement is submitted within 7 days of signing.
    expect(deadline(signed, 'submission_for_review')).toMatchObject({
      dueOn: nationalDue(addDays(start, 20), 7),
    });
    expect(signed.agreement).toMatchObject({
      signedOn: addDays(start, 20),
      effectiveOn: null,
      termMonths: 12,
      coveredEmployees: 120,
      wageIncreasePct: 6.5,
      minimumWage: 2000,
    });

    const inForce = await record(sut, instructor, signed, [
      { type: 'SUBMITTED_FOR_REVIEW', occurredOn: addDays(start, 22) },
      { type: 'REVIEW_APPROVED', occurredOn: addDays(start, 30) },
      { type: 'PUBLISHED', occurredOn: addDays(start, 31) },
    ]);
    expect(inForce).toMatchObject({ stage: 'in_force', version: 10 });
    expect(inForce.agreement).toMatchObject({
      effectiveOn: addDays(start, 30),
      expiresOn: addMonths(addDays(start, 30), 12),
    });
    expect(deadline(inForce, 'renewal_window_opens')).toMatchObject({
      dueOn: addMonths(addMonths(addDays(start, 30), 12), -3),
    });

    const history = (
      await request(sut.http).get(`/api/v1/negotiations/${negotiation.id}/events`).set(admin.auth)
    ).body;
    expect(history.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(history[0]).toEqual({
      seq: 1,
      type: 'OFFER_SENT',
      occurredOn: start,
      recordedAt: expect.stringMatching(/^\d{4}-/),
      actor: instructor.id,
      actorName: expect.stringMatching(/^测试instructor/),
      fromStage: 'invitation',
      toStage: 'invitation',
      payload: { sentBy: 'union', receivedOn: start },
    });
    expect(history[6]).toMatchObject({ type: 'SIGNED', fromStage: 'signing', toStage: 'filing' });
    expect(history[8]).toMatchObject({ type: 'REVIEW_APPROVED', fromStage: 'filing', toStage: 'in_force' });

    const audit = await request(sut.http)
      .get('/api/v1/audit')
      .query({ entityType: 'negotiation', entityId: String(negotiation.id), pageSize: 200 })
      .set(admin.auth);
    expect(audit.body.total).toBe(11); // the creation and ten events
  });

  it('keeps a signing undone by a review objection as set aside, for reports of earlier dates', async () => {
    const start = daysAgo(60);
    const negotiation = await aNegotiation(sut, admin, { enterpriseIds: [enterpriseId] });
    const signed = await record(sut, admin, negotiation, toSigning(start));
    const objected = await record(sut, admin, signed, [
      { type: 'SUBMITTED_FOR_REVIEW', occurredOn: addDays(start, 22) },
      { type: 'REVIEW_OBJECTION', occurredOn: addDays(start, 30), reasons: ['最低工资标准低于当地规定'] },
    ]);
    expect(objected).toMatchObject({ stage: 'consultation', state: 'consultation.active' });
    expect(objected.agreement).toBeUndefined();

    const resigned = await record(sut, admin, objected, [
      { type: 'DRAFT_AGREED', occurredOn: addDays(start, 35) },
      { type: 'VOTE_RECORDED', occurredOn: addDays(start, 36), total: 100, present: 90, inFavour: 70 },
      { type: 'SIGNED', occurredOn: addDays(start, 37), coveredEmployees: 118 },
    ]);
    expect(resigned.agreement).toMatchObject({ signedOn: addDays(start, 37), coveredEmployees: 118 });
    const rows = await sut.dataSource
      .getRepository(Agreement)
      .find({ where: { negotiationId: negotiation.id }, order: { id: 'ASC' } });
    expect(rows.map((a) => [a.signedOn, a.setAsideOn])).toEqual([
      [addDays(start, 20), addDays(start, 30)],
      [addDays(start, 37), null],
    ]);
  });

  it('answers 409 with currentVersion to a stale expectedVersion and writes nothing', async () => {
    const negotiation = await aNegotiation(sut, admin, { enterpriseIds: [enterpriseId] });
    const [offer] = toSigning(daysAgo(5));
    await post(negotiation.id, { ...offer, expectedVersion: 0 }).expect(200);
    const res = await post(negotiation.id, {
      type: 'OFFER_ACCEPTED',
      occurredOn: today(),
      expectedVersion: 0,
    }).expect(409);
    expect(res.body).toMatchObject({ code: 'NEGOTIATION.VERSION_CONFLICT', currentVersion: 1 });
    expect((await get(negotiation.id)).body).toMatchObject({ version: 1, stage: 'invitation' });
  });

  it.each([
    [
      'an event the stage does not take',
      { type: 'SIGNED', coveredEmployees: 10 },
      'NEGOTIATION.ILLEGAL_EVENT',
      /not accepted in stage invitation/,
    ],
    ['a timer event from a client', { type: 'REVIEW_PERIOD_ELAPSED' }, 'NEGOTIATION.ILLEGAL_EVENT', /system/],
    ['an unknown event type', { type: 'PARTY' }, 'NEGOTIATION.INVALID_EVENT', /type/],
    [
      'a date in the future',
      { type: 'OFFER_SENT', sentBy: 'union', receivedOn: today(), occurredOn: addDays(today(), 1) },
      'NEGOTIATION.GUARD_FAILED',
      /future/,
    ],
    [
      'a date that does not exist',
      { type: 'OFFER_SENT', sentBy: 'union', receivedOn: '2026-02-30' },
      'NEGOTIATION.INVALID_EVENT',
      /receivedOn/,
    ],
    ['a missing field', { type: 'OFFER_SENT', sentBy: 'union' }, 'NEGOTIATION.INVALID_EVENT', /receivedOn/],
  ])('answers 422 for %s, naming the rule, and writes nothing', async (_case, event, code, message) => {
    const negotiation = await aNegotiation(sut, admin, { enterpriseIds: [enterpriseId] });
    const res = await post(negotiation.id, { occurredOn: today(), ...event, expectedVersion: 0 }).expect(422);
    expect(res.body.code).toBe(code);
    expect(res.body.message).toMatch(message);
    expect((await get(negotiation.id)).body.version).toBe(0);
    expect(
      (await request(sut.http).get(`/api/v1/negotiations/${negotiation.id}/events`).set(admin.auth)).body,
    ).toEqual([]);
  });

  it('refuses what contradicts the roster: an event before registration, more employees than it has', async () => {
    // The enterprise was registered on 2015-03-02 with 120 employees (test/support/factories.ts).
    const negotiation = await aNegotiation(sut, admin, { enterpriseIds: [enterpriseId] });
    const early = await post(negotiation.id, {
      type: 'OFFER_SENT',
      occurredOn: '2015-03-01',
      sentBy: 'union',
      receivedOn: '2015-03-01',
      expectedVersion: 0,
    }).expect(422);
    expect(early.body).toMatchObject({
      code: 'NEGOTIATION.INVALID_EVENT',
      errors: [{ field: 'occurredOn', message: expect.stringContaining('is before 金山镇测试企业') }],
    });

    const events = toSigning(daysAgo(30));
    const signing = await record(sut, admin, negotiation, events.slice(0, -1));
    const signed = events.at(-1)!;
    const tooMany = await post(negotiation.id, {
      ...signed,
      coveredEmployees: 99999,
      expectedVersion: signing.version,
    }).expect(422);
    expect(tooMany.body.errors).toEqual([
      {
        field: 'coveredEmployees',
        message: expect.stringContaining('coveredEmployees 99999 is more than the 120 employees'),
      },
    ]);
    expect((await get(negotiation.id).expect(200)).body).toMatchObject({
      stage: 'signing',
      version: signing.version,
    });
    await post(negotiation.id, { ...signed, coveredEmployees: 120, expectedVersion: signing.version }).expect(
      200,
    );
  });

  it('refuses representatives below the legal minimum with the article', async () => {
    const negotiation = await aNegotiation(sut, admin, { enterpriseIds: [enterpriseId] });
    const accepted = await record(sut, admin, negotiation, toSigning(daysAgo(10)).slice(0, 2));
    const res = await post(negotiation.id, {
      type: 'REPRESENTATIVES_CONFIRMED',
      occurredOn: today(),
      expectedVersion: accepted.version,
      ...REPRESENTATIVES,
      workerReps: ['张伟', '李娜'],
      employerReps: ['刘洋', '陈静'],
    }).expect(422);
    expect(res.body.code).toBe('NEGOTIATION.GUARD_FAILED');
    expect(res.body.message).toMatch(/集体合同规定 art\. 19/);
    // Which check refused it, for a client to word in its own language.
    expect(res.body).toMatchObject({
      check: 'representativesPerSide',
      rule: '集体合同规定 art. 19',
      ruleZh: '集体合同规定第十九条',
    });
  });

  it('answers 400 for a field the event does not have and 422 without expectedVersion', async () => {
    const negotiation = await aNegotiation(sut, admin, { enterpriseIds: [enterpriseId] });
    const unknown = await post(negotiation.id, {
      type: 'OFFER_ACCEPTED',
      occurredOn: today(),
      expectedVersion: 0,
      mood: 'good',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ field: 'mood', message: expect.any(String) }]);
    const missing = await post(negotiation.id, { type: 'OFFER_ACCEPTED', occurredOn: today() }).expect(422);
    expect(missing.body.errors[0].field).toBe('expectedVersion');
  });

  it.each([
    [{ scope: 'enterprise', enterpriseIds: [] }, 'enterpriseIds', /at least one/],
    [{ agreementKind: 'pay' }, 'agreementKind', /one of comprehensive, wage, women, safety/],
    [{ scope: 'county' }, 'scope', /one of enterprise, regional, industry/],
    [{ enterpriseIds: [1, 1] }, 'enterpriseIds', /repeat/],
  ])('answers 422 for the creation %o', async (body, field, message) => {
    const res = await request(sut.http)
      .post('/api/v1/negotiations')
      .set(admin.auth)
      .send({ agreementKind: 'wage', scope: 'regional', enterpriseIds: [enterpriseId], ...body })
      .expect(422);
    expect(res.body.errors[0]).toEqual({ field, message: expect.stringMatching(message) });
  });

  it('checks the covered enterprises against the scope and the registry', async () => {
    const second = await anEnterpriseId(sut, admin);
    const create = (body: object) =>
      request(sut.http)
        .post('/api/v1/negotiations')
        .set(admin.auth)
        .send({ agreementKind: 'wage', ...body });
    const two = await create({ scope: 'enterprise', enterpriseIds: [enterpriseId, second] }).expect(422);
    expect(two.body).toMatchObject({
      code: 'NEGOTIATION.ENTERPRISES',
      message: expect.stringMatching(/exactly one/),
    });
    const unknown = await create({ scope: 'regional', enterpriseIds: [enterpriseId, 999999] }).expect(404);
    expect(unknown.body).toMatchObject({
      code: 'ENTERPRISE.NOT_FOUND',
      message: 'enterprise 999999 does not exist',
      enterpriseIds: [999999],
      errors: [{ field: 'enterpriseIds', message: 'enterprise 999999 does not exist' }],
    });
    const regional = await create({ scope: 'regional', enterpriseIds: [enterpriseId, second] }).expect(201);
    expect(regional.body.enterpriseIds).toEqual([enterpriseId, second].sort((a, b) => a - b));
  });

  it('refuses a second open round of one kind for an enterprise, also from two clicks at once', async () => {
    const open = (body: object) =>
      request(sut.http)
        .post('/api/v1/negotiations')
        .set(admin.auth)
        .send({ agreementKind: 'wage', scope: 'enterprise', enterpriseIds: [enterpriseId], ...body });
    // On MariaDB the two race (the enterprise row lock decides); SQLite queues write transactions anyway.
    const [first, second] = await Promise.all([open({}), open({})]);
    expect([first.status, second.status].sort()).toEqual([201, 409]);
    const created = first.status === 201 ? first.body : second.body;
    const refused = first.status === 409 ? first.body : second.body;
    expect(refused).toMatchObject({
      code: 'NEGOTIATION.ALREADY_OPEN',
      negotiationId: created.id,
      errors: [
        { field: 'enterpriseIds', message: expect.stringContaining(`#${created.id}, stage invitation`) },
      ],
    });
    // A regional round of the same kind that includes the enterprise is the same conflict.
    const other = await anEnterpriseId(sut, admin);
    const regional = await open({ scope: 'regional', enterpriseIds: [other, enterpriseId] }).expect(409);
    expect(regional.body.code).toBe('NEGOTIATION.ALREADY_OPEN');
    expect((await request(sut.http).get('/api/v1/negotiations').set(admin.auth)).body.total).toBe(1);

    // Another kind may run beside it; once the wage round is abandoned, a new one may start.
    await open({ agreementKind: 'women' }).expect(201);
    await post(created.id, {
      type: 'ABANDONED',
      occurredOn: today(),
      reason: '企业转制',
      expectedVersion: 0,
    }).expect(200);
    await open({}).expect(201);
  });

  it('limits instructors to negotiations covering their enterprises; supervisors read but do not write', async () => {
    const otherInstructor = await aSignedInUser(sut, 'instructor');
    const theirs = await anEnterpriseId(sut, admin, otherInstructor.id);
    const mine = await aNegotiation(sut, instructor, { enterpriseIds: [enterpriseId] });
    const notMine = await aNegotiation(sut, admin, { enterpriseIds: [theirs] });
    const shared = await aNegotiation(sut, admin, {
      agreementKind: 'comprehensive',
      scope: 'regional',
      enterpriseIds: [enterpriseId, theirs],
    });

    const listed = await request(sut.http).get('/api/v1/negotiations').set(instructor.auth).expect(200);
    expect(listed.body.items.map((n: { id: number }) => n.id)).toEqual([mine.id, shared.id]);
    await get(notMine.id, instructor).expect(404);
    await post(
      notMine.id,
      { type: 'OFFER_ACCEPTED', occurredOn: today(), expectedVersion: 0 },
      instructor,
    ).expect(404);
    await request(sut.http).get(`/api/v1/negotiations/${notMine.id}/events`).set(instructor.auth).expect(404);
    const refused = await request(sut.http)
      .post('/api/v1/negotiations')
      .set(instructor.auth)
      .send({ agreementKind: 'wage', scope: 'enterprise', enterpriseIds: [theirs] })
      .expect(404);
    expect(refused.body.code).toBe('ENTERPRISE.NOT_FOUND');

    const supervisor = await aSignedInUser(sut, 'supervisor');
    expect((await request(sut.http).get('/api/v1/negotiations').set(supervisor.auth)).body.total).toBe(3);
    await post(
      mine.id,
      { type: 'OFFER_ACCEPTED', occurredOn: today(), expectedVersion: 0 },
      supervisor,
    ).expect(403);
  });

  it("answers an instructor the same 404 for another instructor's enterprise as for one that does not exist", async () => {
    const otherInstructor = await aSignedInUser(sut, 'instructor');
    const theirs = await anEnterpriseId(sut, admin, otherInstructor.id);
    const unknown = theirs + 1000;
    const open = (id: number) =>
      request(sut.http)
        .post('/api/v1/negotiations')
        .set(instructor.auth)
        .send({ agreementKind: 'wage', scope: 'enterprise', enterpriseIds: [id] });
    const [outOfScope, missing] = [await open(theirs), await open(unknown)];
    expect([outOfScope.status, missing.status]).toEqual([404, 404]);
    // Nothing but the id sent differs between the two answers.
    type NotFound = { message: string; enterpriseIds: number[]; errors: { message: string }[] };
    const withoutId = (body: NotFound, id: number) => ({
      ...body,
      message: body.message.replace(String(id), 'ID'),
      enterpriseIds: body.enterpriseIds.map((sent) => (sent === id ? 'ID' : sent)),
      errors: body.errors.map((e) => ({ ...e, message: e.message.replace(String(id), 'ID') })),
    });
    expect(withoutId(outOfScope.body, theirs)).toEqual(withoutId(missing.body, unknown));
    expect(outOfScope.body).toMatchObject({
      code: 'ENTERPRISE.NOT_FOUND',
      errors: [{ field: 'enterpriseIds', message: `enterprise ${theirs} does not exist` }],
    });
    // The same for an admin's historical agreement naming an enterprise that does not exist.
    const historical = await request(sut.http)
      .post('/api/v1/agreements/historical')
      .set(admin.auth)
      .send({
        agreementKind: 'wage',
        scope: 'regional',
        enterpriseIds: [enterpriseId, unknown],
        signedOn: '2024-05-01',
        effectiveOn: '2024-05-10',
        expiresOn: '2025-05-10',
        coveredEmployees: 90,
      })
      .expect(404);
    expect(historical.body).toMatchObject({ code: 'ENTERPRISE.NOT_FOUND', enterpriseIds: [unknown] });
    expect((await request(sut.http).get('/api/v1/negotiations').set(admin.auth)).body.total).toBe(0);
  });

  it("keeps an instructor's regional round to their own enterprises, so it cannot block another instructor's", async () => {
    const otherInstructor = await aSignedInUser(sut, 'instructor');
    const theirs = await anEnterpriseId(sut, admin, otherInstructor.id);
    const open = (as: SignedInUser, enterpriseIds: number[]) =>
      request(sut.http)
        .post('/api/v1/negotiations')
        .set(as.auth)
        .send({ agreementKind: 'wage', scope: 'regional', enterpriseIds });

    const refused = await open(instructor, [enterpriseId, theirs]).expect(404);
    expect(refused.body).toMatchObject({
      code: 'ENTERPRISE.NOT_FOUND',
      enterpriseIds: [theirs],
      errors: [{ field: 'enterpriseIds', message: `enterprise ${theirs} does not exist` }],
    });
    expect((await request(sut.http).get('/api/v1/negotiations').set(admin.auth)).body.total).toBe(0);
    // The other instructor can still open a round for their enterprise, and so can this one for theirs.
    await open(otherInstructor, [theirs]).expect(201);
    await open(instructor, [enterpriseId]).expect(201);
    // A round spanning both instructors is an admin's to open.
    const spanning = await request(sut.http)
      .post('/api/v1/negotiations')
      .set(admin.auth)
      .send({ agreementKind: 'comprehensive', scope: 'regional', enterpriseIds: [enterpriseId, theirs] })
      .expect(201);
    expect(spanning.body.enterpriseIds).toEqual([enterpriseId, theirs]);
  });

  it("lists for an instructor filtering by another's enterprise only rounds they may see anyway", async () => {
    const otherInstructor = await aSignedInUser(sut, 'instructor');
    const theirs = await anEnterpriseId(sut, admin, otherInstructor.id);
    await aNegotiation(sut, admin, { enterpriseIds: [theirs] });
    const shared = await aNegotiation(sut, admin, {
      agreementKind: 'women',
      scope: 'regional',
      enterpriseIds: [enterpriseId, theirs],
    });
    const ids = async (query: object) =>
      (
        await request(sut.http).get('/api/v1/negotiations').query(query).set(instructor.auth).expect(200)
      ).body.items.map((n: { id: number }) => n.id);
    expect(await ids({ enterpriseId: theirs })).toEqual([shared.id]);
    expect(await ids({ instructorId: otherInstructor.id })).toEqual([shared.id]);
    expect(await ids({ enterpriseId: theirs + 1000 })).toEqual([]);
  });

  it('filters the list by stage, kind, enterprise, instructor and overdue', async () => {
    const other = await anEnterpriseId(sut, admin);
    const offered = await aNegotiation(sut, admin, { enterpriseIds: [enterpriseId] });
    await record(sut, admin, offered, toSigning(daysAgo(30)).slice(0, 1)); // reply was due 10 days ago
    const women = await aNegotiation(sut, admin, { agreementKind: 'women', enterpriseIds: [other] });
    const ids = async (query: object) =>
      (
        await request(sut.http).get('/api/v1/negotiations').query(query).set(admin.auth).expect(200)
      ).body.items.map((n: { id: number }) => n.id);
    expect(await ids({ agreementKind: 'women' })).toEqual([women.id]);
    expect(await ids({ enterpriseId })).toEqual([offered.id]);
    expect(await ids({ instructorId: instructor.id })).toEqual([offered.id]);
    expect(await ids({ overdue: 'true' })).toEqual([offered.id]);
    expect(await ids({ stage: 'invitation' })).toEqual([offered.id, women.id]);
    expect(await ids({ stage: 'in_force' })).toEqual([]);
    await request(sut.http).get('/api/v1/negotiations').query({ stage: 'done' }).set(admin.auth).expect(422);
  });

  describe('GET /api/v1/negotiations?sort=agenda', () => {
    const ids = async (query: object, as = admin) => {
      const res = await request(sut.http).get('/api/v1/negotiations').query(query).set(as.auth).expect(200);
      return { ids: res.body.items.map((n: { id: number }) => n.id), total: res.body.total };
    };
    const historical = (enterpriseIds: number[], signedOn: string, effectiveOn: string, expiresOn: string) =>
      request(sut.http)
        .post('/api/v1/agreements/historical')
        .set(admin.auth)
        .send({
          agreementKind: 'wage',
          scope: 'enterprise',
          enterpriseIds,
          signedOn,
          effectiveOn,
          expiresOn,
          coveredEmployees: 90,
        })
        .expect(201)
        .then((res) => res.body as { id: number });
    const abandoned = async (enterpriseId: number) => {
      const round = await aNegotiation(sut, admin, { enterpriseIds: [enterpriseId] });
      await record(sut, admin, round, [{ type: 'ABANDONED', occurredOn: today(), reason: '企业停产' }]);
      return round;
    };

    it('puts open rounds first by their next deadline, then closed ones newest first, also paged and filtered', async () => {
      const enterprise = () => anEnterpriseId(sut, admin, instructor.id);
      // Created in an order unlike the agenda's, so that an order by id would not pass.
      const expired = await historical([await enterprise()], '2023-01-05', '2023-01-20', '2024-01-20');
      const abandonedFirst = await abandoned(await enterprise());
      const inForce = await historical(
        [await enterprise()],
        daysAgo(100),
        daysAgo(80),
        addDays(today(), 200),
      );
      const noDeadline = await aNegotiation(sut, admin, { enterpriseIds: [await enterprise()] });
      // A round with nothing pending (as a rule set without a stalled reminder would leave it).
      await sut.dataSource.query('DELETE FROM deadlines WHERE negotiation_id = ?', [noDeadline.id]);
      const later = await aNegotiation(sut, admin, { enterpriseIds: [await enterprise()] }); // stalled in 30 days
      const laterToo = await aNegotiation(sut, admin, { enterpriseIds: [await enterprise()] }); // the same day
      const soon = await aNegotiation(sut, admin, { enterpriseIds: [await enterprise()] });
      await record(sut, admin, soon, toSigning(daysAgo(15)).slice(0, 1)); // reply due in 5 days
      const overdue = await aNegotiation(sut, admin, { enterpriseIds: [await enterprise()] });
      await record(sut, admin, overdue, toSigning(daysAgo(30)).slice(0, 1)); // reply was due 10 days ago
      const abandonedSecond = await abandoned(await enterprise()); // the same day as the first

      const agenda = [
        overdue.id,
        soon.id,
        later.id,
        laterToo.id,
        noDeadline.id,
        abandonedSecond.id,
        abandonedFirst.id,
        inForce.id,
        expired.id,
      ];
      expect(await ids({ sort: 'agenda' })).toEqual({ ids: agenda, total: 9 });
      expect(await ids({ sort: 'agenda', page: 2, pageSize: 4 })).toEqual({
        ids: agenda.slice(4, 8),
        total: 9,
      });
      expect(await ids({ sort: 'agenda', page: 3, pageSize: 4 })).toEqual({ ids: agenda.slice(8), total: 9 });
      expect(await ids({ sort: 'agenda', open: 'true' })).toEqual({ ids: agenda.slice(0, 5), total: 5 });
      expect(await ids({ sort: 'agenda', stage: 'abandoned' })).toEqual({
        ids: agenda.slice(5, 7),
        total: 2,
      });
      expect(await ids({ sort: 'agenda', overdue: 'true' })).toEqual({ ids: [overdue.id], total: 1 });
      // An instructor sees their own rounds in the same order; without sort the list stays by id.
      expect(await ids({ sort: 'agenda' }, instructor)).toEqual({ ids: agenda, total: 9 });
      expect(await ids({})).toEqual({ ids: [...agenda].sort((a, b) => a - b), total: 9 });
      expect(await ids({ sort: 'id' })).toEqual({ ids: [...agenda].sort((a, b) => a - b), total: 9 });
    });

    it('answers 422 naming sort for an order it does not know', async () => {
      const res = await request(sut.http)
        .get('/api/v1/negotiations')
        .query({ sort: 'deadline' })
        .set(admin.auth)
        .expect(422);
      expect(res.body.errors).toEqual([{ field: 'sort', message: 'sort must be one of id, agenda' }]);
    });
  });

  describe('timers', () => {
    it('puts an agreement in force on the day its review period ended, once, when timers run', async () => {
      const start = daysAgo(60);
      const negotiation = await aNegotiation(sut, admin, { enterpriseIds: [enterpriseId] });
      const signed = await record(sut, admin, negotiation, toSigning(start));
      const received = daysAgo(20);
      await record(sut, admin, signed, [
        { type: 'SUBMITTED_FOR_REVIEW', occurredOn: received, receivedOn: received },
      ]);

      const first = await request(sut.http).post('/api/v1/timers/run').set(admin.auth).expect(200);
      expect(first.body).toEqual({ fired: 1 });
      const after = (await get(negotiation.id)).body;
      // 集体合同规定 art. 47: no objection within 15 days → in force on that day, not the day the timer ran.
      expect(after).toMatchObject({ stage: 'in_force', version: 9 });
      expect(after.agreement.effectiveOn).toBe(nationalDue(received, 15));
      const history = (
        await request(sut.http).get(`/api/v1/negotiations/${negotiation.id}/events`).set(admin.auth)
      ).body;
      expect(history[8]).toMatchObject({
        seq: 9,
        type: 'REVIEW_PERIOD_ELAPSED',
        occurredOn: nationalDue(received, 15),
        actor: null,
      });

      const second = await request(sut.http).post('/api/v1/timers/run').set(admin.auth).expect(200);
      expect(second.body).toEqual({ fired: 0 });
      expect((await get(negotiation.id)).body.version).toBe(9);
    });

    it('leaves a review that has not ended alone', async () => {
      const negotiation = await aNegotiation(sut, admin, { enterpriseIds: [enterpriseId] });
      const signed = await record(sut, admin, negotiation, toSigning(daysAgo(40)));
      await record(sut, admin, signed, [{ type: 'SUBMITTED_FOR_REVIEW', occurredOn: daysAgo(3) }]);
      expect((await request(sut.http).post('/api/v1/timers/run').set(admin.auth)).body).toEqual({ fired: 0 });
      expect((await get(negotiation.id)).body.stage).toBe('filing');
    });

    it('is for admins only', async () => {
      await request(sut.http).post('/api/v1/timers/run').set(instructor.auth).expect(403);
    });
  });

  describe('POST /api/v1/agreements/historical', () => {
    const historical = (body: object) =>
      request(sut.http)
        .post('/api/v1/agreements/historical')
        .set(admin.auth)
        .send({
          agreementKind: 'wage',
          scope: 'enterprise',
          enterpriseIds: [enterpriseId],
          coveredEmployees: 90,
          ...body,
        });

    it('records an agreement still in force, with a history that says it was recorded', async () => {
      const res = await historical({
        signedOn: daysAgo(100),
        effectiveOn: daysAgo(80),
        expiresOn: addDays(today(), 200),
      }).expect(201);
      expect(res.body).toMatchObject({
        stage: 'in_force',
        historical: true,
        agreement: {
          signedOn: daysAgo(100),
          effectiveOn: daysAgo(80),
          expiresOn: addDays(today(), 200),
          coveredEmployees: 90,
        },
      });
      const history = (
        await request(sut.http).get(`/api/v1/negotiations/${res.body.id}/events`).set(admin.auth)
      ).body;
      expect(history.map((e: { type: string }) => e.type)).toEqual(['HISTORICAL_RECORDED']);
    });

    it('records one that has run out as expired', async () => {
      const res = await historical({
        signedOn: '2023-01-05',
        effectiveOn: '2023-01-20',
        expiresOn: '2024-01-20',
      }).expect(201);
      expect(res.body.stage).toBe('expired');
      const history = (
        await request(sut.http).get(`/api/v1/negotiations/${res.body.id}/events`).set(admin.auth)
      ).body;
      expect(history.map((e: { type: string; occurredOn: string }) => [e.type, e.occurredOn])).toEqual([
        ['HISTORICAL_RECORDED', '2023-01-05'],
        ['EXPIRED', '2024-01-20'],
      ]);
    });

    it('refuses dates out of order with 422 and writes nothing', async () => {
      const res = await historical({
        signedOn: '2024-05-01',
        effectiveOn: '2024-04-01',
        expiresOn: '2025-04-01',
      }).expect(422);
      expect(res.body.code).toMatch(/^NEGOTIATION\./);
      expect((await request(sut.http).get('/api/v1/negotiations').set(admin.auth)).body.total).toBe(0);
    });

    it('names the field to correct in each refusal', async () => {
      const fieldOf = async (body: object) => {
        const res = await historical(body).expect(422);
        return [res.body.code, res.body.errors.map((e: { field: string }) => e.field)];
      };
      const dates = { signedOn: '2024-05-01', effectiveOn: '2024-05-10', expiresOn: '2025-05-10' };
      expect(await fieldOf({ ...dates, effectiveOn: '2024-04-01' })).toEqual([
        'NEGOTIATION.GUARD_FAILED',
        ['effectiveOn'],
      ]);
      // 集体合同规定 art. 38: 1 to 3 years, whatever was typed.
      expect(await fieldOf({ ...dates, expiresOn: '2044-05-10' })).toEqual([
        'NEGOTIATION.GUARD_FAILED',
        ['expiresOn'],
      ]);
      expect(
        await fieldOf({
          signedOn: addDays(today(), 3),
          effectiveOn: addDays(today(), 3),
          expiresOn: '2099-01-01',
        }),
      ).toEqual(['NEGOTIATION.GUARD_FAILED', ['signedOn']]);
      // The enterprise was registered on 2015-03-02 (test/support/factories.ts).
      expect(
        await fieldOf({ signedOn: '2014-01-06', effectiveOn: '2014-01-20', expiresOn: '2015-01-20' }),
      ).toEqual(['NEGOTIATION.INVALID_EVENT', ['signedOn']]);
      expect(await fieldOf({ ...dates, wageIncreasePct: 900 })).toEqual([
        'NEGOTIATION.INVALID_EVENT',
        ['wageIncreasePct'],
      ]);
      const missing = await historical({ ...dates, coveredEmployees: undefined }).expect(422);
      expect(missing.body.errors).toEqual([
        {
          field: 'coveredEmployees',
          message: 'coveredEmployees must be a whole number (the employees the agreement covers)',
        },
      ]);
      expect((await request(sut.http).get('/api/v1/negotiations').set(admin.auth)).body.total).toBe(0);
    });

    it('links a renewal to the agreement it replaces', async () => {
      const old = (
        await historical({ signedOn: '2023-01-05', effectiveOn: '2023-01-20', expiresOn: '2024-01-20' })
      ).body;
      const renewal = await aNegotiation(sut, admin, { enterpriseIds: [enterpriseId], renews: old.id });
      expect((await get(renewal.id)).body.renews).toBe(old.id);
      const wrongKind = await request(sut.http)
        .post('/api/v1/negotiations')
        .set(admin.auth)
        .send({ agreementKind: 'safety', scope: 'enterprise', enterpriseIds: [enterpriseId], renews: old.id })
        .expect(422);
      expect(wrongKind.body.code).toBe('NEGOTIATION.RENEWS');
    });

    it("answers the same 404 for renewing a negotiation that does not exist or is another instructor's", async () => {
      const otherInstructor = await aSignedInUser(sut, 'instructor');
      const theirs = await anEnterpriseId(sut, admin, otherInstructor.id);
      const old = (
        await historical({
          enterpriseIds: [theirs],
          signedOn: '2023-01-05',
          effectiveOn: '2023-01-20',
          expiresOn: '2024-01-20',
        }).expect(201)
      ).body;
      const renew = (renews: number) =>
        request(sut.http)
          .post('/api/v1/negotiations')
          .set(instructor.auth)
          .send({ agreementKind: 'wage', scope: 'enterprise', enterpriseIds: [enterpriseId], renews });
      const outOfScope = await renew(old.id).expect(404);
      const missing = await renew(old.id + 1000).expect(404);
      for (const [res, id] of [
        [outOfScope, old.id],
        [missing, old.id + 1000],
      ] as const) {
        expect(res.body).toEqual({
          statusCode: 404,
          code: 'NEGOTIATION.NOT_FOUND',
          message: `negotiation ${id} does not exist`,
          errors: [{ field: 'renews', message: `negotiation ${id} does not exist` }],
        });
      }
    });
  });

  it('describes the workflow as data', async () => {
    const res = await request(sut.http).get('/api/v1/workflow').set(instructor.auth).expect(200);
    expect(res.body.machineVersion).toBe(2);
    expect(JSON.stringify(res.body)).toContain('集体合同规定');
  });
});

describe('Negotiations under a county rule set (e2e)', () => {
  it('uses the county numbers for new negotiations and keeps older ones on their own version', async () => {
    // Two app lives on one database: first with the national rules, then with a county's.
    const directory = mkdtempSync(join(tmpdir(), 'wagetrack-rules-'));
    const database = isServerDatabase()
      ? testDatabaseConfig()
      : parseDatabaseUrl(`sqlite:${join(directory, 'db.sqlite')}`);
    const start = daysAgo(40);

    const before = await createTestApp({ server: { database } });
    let national: { id: number; version: number };
    try {
      const admin = await aSignedInUser(before, 'admin');
      national = await aNegotiation(before, admin, { enterpriseIds: [await anEnterpriseId(before, admin)] });
    } finally {
      await before.close();
    }

    const county = resolveRuleSet({ version: 'county-2026.1', wageFilingDays: 5 });
    const after = await createTestApp(
      {
        server: { database },
        negotiations: { ruleSets: { all: [NATIONAL_RULE_SET, county], current: county } },
      },
      { truncate: false },
    );
    try {
      const admin = await aSignedInUser(after, 'admin');
      const local = await aNegotiation(after, admin, { enterpriseIds: [await anEnterpriseId(after, admin)] });
      const signedLocal = await record(after, admin, local, toSigning(start));
      expect(signedLocal.ruleSetVersion).toBe('county-2026.1');
      expect(signedLocal.deadlines.find((d) => d.kind === 'submission_for_review')?.dueOn).toBe(
        nationalDue(addDays(start, 20), 5),
      );

      const signedNational = await record(after, admin, national, toSigning(start));
      expect(signedNational.ruleSetVersion).toBe('national-2004.1');
      expect(signedNational.deadlines.find((d) => d.kind === 'submission_for_review')?.dueOn).toBe(
        nationalDue(addDays(start, 20), 7),
      );
      await after.reset();
    } finally {
      await after.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
