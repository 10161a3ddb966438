import request from 'supertest';
import { anEnterprise } from './support/factories';
import { aNegotiation, daysAgo, nationalDue, record, today } from './support/negotiations';
import { createTestApp, TestApp } from './support/test-app';
import { aSignedInUser, SignedInUser } from './support/users';
import { addDays, daysBetween } from '../src/common/dates/business-date';
import { Enterprise } from '../src/enterprises/enterprise.entity';
import { NegotiationsRepository } from '../src/negotiations/negotiations.repository';

/** What the web workbench and negotiation page read besides the workflow itself. */
describe('Workbench reads (e2e)', () => {
  let sut: TestApp;
  let admin: SignedInUser;
  let instructor: SignedInUser;

  beforeAll(async () => {
    sut = await createTestApp();
  });
  beforeEach(async () => {
    admin = await aSignedInUser(sut, 'admin', { displayName: '县总工会管理员' });
    instructor = await aSignedInUser(sut, 'instructor', { displayName: '王指导员' });
  });
  afterEach(() => sut.reset());
  afterAll(() => sut.close());

  async function enterprise(name: string, instructorId: number, fields: object = {}): Promise<number> {
    const res = await request(sut.http)
      .post('/api/v1/enterprises')
      .set(admin.auth)
      .send(anEnterprise({ name, instructorId, unionFoundedOn: '2020-01-01', ...fields }))
      .expect(201);
    return res.body.id;
  }

  it("lists the instructor's digest items: an overdue offer reply and an uncovered enterprise, nobody else's", async () => {
    const late = await enterprise('迟复机械有限公司', instructor.id, { employeeCount: 80 });
    await enterprise('未签食品有限公司', instructor.id, { employeeCount: 300 });
    const other = await aSignedInUser(sut, 'instructor');
    await enterprise('别人的企业', other.id);
    const negotiation = await aNegotiation(sut, instructor, { enterpriseIds: [late] });
    await record(sut, instructor, negotiation, [
      { type: 'OFFER_SENT', occurredOn: daysAgo(27), sentBy: 'union', receivedOn: daysAgo(27) },
    ]);

    const replyDue = nationalDue(daysAgo(27), 20);
    const res = await request(sut.http).get('/api/v1/me/agenda').set(instructor.auth).expect(200);

    expect(res.body.today).toBe(today());
    expect(res.body.items).toEqual([
      {
        kind: 'offer_reply',
        negotiationId: negotiation.id,
        enterprise: '迟复机械有限公司',
        enterprises: [expect.objectContaining({ id: late, name: '迟复机械有限公司' })],
        // 20 days from receipt, moved off a rest day (民法典 art. 203): 7 days late, fewer after
        // a holiday (the round's stalled date, 30 days after the offer, is not reached yet).
        dueOn: replyDue,
        daysLeft: daysBetween(today(), replyDue),
        overdue: replyDue < today(),
        rule: '集体合同规定 art. 32',
        ruleZh: '集体合同规定第三十二条',
      },
      // Both are uncovered (the negotiation has not signed yet); the larger first.
      expect.objectContaining({
        kind: 'uncovered',
        enterprise: '未签食品有限公司',
        dueOn: null,
        daysLeft: null,
      }),
      expect.objectContaining({ kind: 'uncovered', enterprise: '迟复机械有限公司' }),
    ]);
    const others = await request(sut.http).get('/api/v1/me/agenda').set(other.auth).expect(200);
    expect(others.body.items.map((item: { enterprise: string }) => item.enterprise)).toEqual(['别人的企业']);
  });

  it('tells apart enterprises of the same name by their credit code and township (issue 14 item 17)', async () => {
    const first = await enterprise('万安镇兴旺水泥有限公司', instructor.id, { township: '万安镇' });
    const second = await enterprise('万安镇兴旺水泥有限公司', instructor.id, { township: '万安镇' });
    const late = await aNegotiation(sut, instructor, { enterpriseIds: [first] });
    await record(sut, instructor, late, [
      { type: 'OFFER_SENT', occurredOn: daysAgo(27), sentBy: 'union', receivedOn: daysAgo(27) },
    ]);
    const codes = new Map<number, string>();
    for (const id of [first, second]) {
      const res = await request(sut.http).get(`/api/v1/enterprises/${id}`).set(admin.auth).expect(200);
      codes.set(id, res.body.creditCode);
    }

    const res = await request(sut.http).get('/api/v1/me/agenda').set(instructor.auth).expect(200);

    const named = (kind: string) =>
      res.body.items
        .filter((item: { kind: string }) => item.kind === kind)
        .flatMap((item: { enterprises: object[] }) => item.enterprises);
    const entry = (id: number) => ({
      id,
      name: '万安镇兴旺水泥有限公司',
      creditCode: codes.get(id),
      township: '万安镇',
    });
    expect(named('offer_reply')).toEqual([entry(first)]);
    expect(named('uncovered')).toEqual(expect.arrayContaining([entry(first), entry(second)]));
    expect(codes.get(first)).not.toBe(codes.get(second));
  });

  it('answers an instructor with nothing to do with an empty list', async () => {
    const res = await request(sut.http).get('/api/v1/me/agenda').set(instructor.auth).expect(200);
    expect(res.body.items).toEqual([]);
  });

  it('names the covered enterprises of each negotiation, in one page or one negotiation', async () => {
    const a = await enterprise('甲公司', instructor.id);
    const b = await enterprise('乙公司', instructor.id);
    const regional = await aNegotiation(sut, admin, { scope: 'regional', enterpriseIds: [b, a] });
    await aNegotiation(sut, admin, { agreementKind: 'comprehensive', enterpriseIds: [b] });

    const one = await request(sut.http)
      .get(`/api/v1/negotiations/${regional.id}`)
      .set(admin.auth)
      .expect(200);
    expect(one.body.enterprises).toEqual([
      { id: a, name: '甲公司' },
      { id: b, name: '乙公司' },
    ]);
    const page = await request(sut.http).get('/api/v1/negotiations').set(instructor.auth).expect(200);
    expect(
      page.body.items.map((n: { enterprises: { name: string }[] }) => n.enterprises.map((e) => e.name)),
    ).toEqual([['甲公司', '乙公司'], ['乙公司']]);
  });

  it('names who recorded each event in the history, also for a recorded historical agreement', async () => {
    const id = await enterprise('丙公司', instructor.id);
    const negotiation = await aNegotiation(sut, admin, { enterpriseIds: [id] });
    await record(sut, instructor, negotiation, [
      { type: 'OFFER_SENT', occurredOn: daysAgo(3), sentBy: 'union', receivedOn: daysAgo(3) },
    ]);
    const historical = await request(sut.http)
      .post('/api/v1/agreements/historical')
      .set(admin.auth)
      .send({
        agreementKind: 'wage',
        scope: 'enterprise',
        enterpriseIds: [id],
        signedOn: '2025-01-10',
        effectiveOn: '2025-02-01',
        expiresOn: '2026-02-01',
        coveredEmployees: 50,
      })
      .expect(201);

    const history = await request(sut.http)
      .get(`/api/v1/negotiations/${negotiation.id}/events`)
      .set(instructor.auth)
      .expect(200);
    expect(history.body).toEqual([
      expect.objectContaining({ seq: 1, type: 'OFFER_SENT', actor: instructor.id, actorName: '王指导员' }),
    ]);
    const recorded = await request(sut.http)
      .get(`/api/v1/negotiations/${historical.body.id}/events`)
      .set(admin.auth)
      .expect(200);
    // Signed in 2025 and run out in 2026-02: recorded, then expired, both by the admin's hand.
    expect(recorded.body).toEqual([
      expect.objectContaining({ type: 'HISTORICAL_RECORDED', actor: admin.id, actorName: '县总工会管理员' }),
      expect.objectContaining({ type: 'EXPIRED', actor: admin.id, actorName: '县总工会管理员' }),
    ]);
  });

  it('lists only open negotiations with open=true, and overdue=true ignores the stalled date', async () => {
    const id = await enterprise('丁公司', instructor.id);
    const open = await aNegotiation(sut, admin, { enterpriseIds: [id] });
    // Nothing recorded for 40 days: its "stalled" date has passed, which is a state, not lateness.
    await record(sut, admin, open, [
      { type: 'OFFER_SENT', occurredOn: daysAgo(40), sentBy: 'union', receivedOn: daysAgo(40) },
      { type: 'OFFER_ACCEPTED', occurredOn: daysAgo(40) },
    ]);
    const historical = await request(sut.http)
      .post('/api/v1/agreements/historical')
      .set(admin.auth)
      .send({
        agreementKind: 'wage',
        scope: 'enterprise',
        enterpriseIds: [id],
        signedOn: daysAgo(100),
        effectiveOn: daysAgo(90),
        expiresOn: addDays(today(), 200),
        coveredEmployees: 50,
      })
      .expect(201);
    expect(historical.body.stage).toBe('in_force');

    const list = (query: object) =>
      request(sut.http).get('/api/v1/negotiations').query(query).set(instructor.auth).expect(200);
    expect((await list({})).body.items.map((n: { id: number }) => n.id)).toEqual([
      open.id,
      historical.body.id,
    ]);
    expect((await list({ open: 'true' })).body.items.map((n: { id: number }) => n.id)).toEqual([open.id]);
    const stalled = (await list({ open: 'true' })).body.items[0].deadlines;
    expect(stalled).toEqual([expect.objectContaining({ kind: 'stalled', overdue: false, daysLeft: -10 })]);
    expect((await list({ overdue: 'true' })).body.total).toBe(0);
    // A round whose offer reply is late is listed: due 20 days after a receipt 45 days ago, so
    // late on any day of the year, even when the due day is moved past a whole Spring Festival.
    const late = await aNegotiation(sut, admin, { agreementKind: 'women', enterpriseIds: [id] });
    await record(sut, admin, late, [
      { type: 'OFFER_SENT', occurredOn: daysAgo(45), sentBy: 'union', receivedOn: daysAgo(45) },
    ]);
    expect((await list({ overdue: 'true' })).body.items.map((n: { id: number }) => n.id)).toEqual([late.id]);
    const bad = await request(sut.http).get('/api/v1/negotiations?open=yes').set(instructor.auth).expect(422);
    expect(bad.body.errors).toEqual([{ field: 'open', message: 'open must be true or false' }]);
  });

  it('lists the townships of the enterprises the caller may see, with counts', async () => {
    await enterprise('甲', instructor.id, { township: '金山镇' });
    await enterprise('乙', instructor.id, { township: '金山镇' });
    await enterprise('丙', instructor.id, { township: '万安镇' });
    const other = await aSignedInUser(sut, 'instructor');
    await enterprise('丁', other.id, { township: '蟠龙镇' });

    const mine = await request(sut.http)
      .get('/api/v1/enterprises/townships')
      .set(instructor.auth)
      .expect(200);
    expect(mine.body.items).toEqual([
      { township: '万安镇', enterprises: 1 },
      { township: '金山镇', enterprises: 2 },
    ]);
    const all = await request(sut.http).get('/api/v1/enterprises/townships').set(admin.auth).expect(200);
    expect(all.body).toMatchObject({ total: 3, page: 1 });
    expect(all.body.items).toEqual([
      { township: '万安镇', enterprises: 1 },
      { township: '蟠龙镇', enterprises: 1 },
      { township: '金山镇', enterprises: 2 },
    ]);
  });

  it('names the instructors for supervisors, deactivated ones too, by id (not their e-mail or role)', async () => {
    const supervisor = await aSignedInUser(sut, 'supervisor');
    const gone = await aSignedInUser(sut, 'instructor', { displayName: '李已离任', active: false });
    const res = await request(sut.http).get('/api/v1/instructors').set(supervisor.auth).expect(200);
    expect(res.body).toEqual({
      items: [
        { id: instructor.id, username: instructor.username, displayName: '王指导员', active: true },
        { id: gone.id, username: gone.username, displayName: '李已离任', active: false },
      ],
      total: 2,
      page: 1,
      pageSize: 50,
    });
  });

  it('reads a negotiation by plain SQL exactly as TypeORM hydrates it (dates, JSON, booleans)', async () => {
    const id = await enterprise('戊公司', instructor.id);
    const negotiation = await aNegotiation(sut, admin, { enterpriseIds: [id], title: '2027 年度' });
    await record(sut, admin, negotiation, [
      { type: 'OFFER_SENT', occurredOn: daysAgo(3), sentBy: 'union', receivedOn: daysAgo(3) },
    ]);
    const repository = sut.app.get(NegotiationsRepository);
    const loaded = await repository.findWithCoverage(negotiation.id);
    expect(loaded?.negotiation).toEqual(await repository.findById(negotiation.id));
    // The roster facts the service checks events against, hydrated as TypeORM would (a date, not a Date).
    const stored = await sut.dataSource.getRepository(Enterprise).findOneByOrFail({ id });
    expect(loaded?.enterprises).toEqual([
      {
        id,
        name: '戊公司',
        instructorId: instructor.id,
        orgUnitId: stored.orgUnitId,
        employeeCount: 120,
        registeredOn: '2015-03-02',
      },
    ]);
    expect(await repository.findWithCoverage(negotiation.id + 1000)).toBeNull();
  });
});
