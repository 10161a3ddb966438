import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PizZip from 'pizzip';
import request from 'supertest';
import { CampaignRunner, CAMPAIGN_LEASE_MS } from '../src/campaigns/campaign-runner';
import { CampaignsRepository } from '../src/campaigns/campaigns.repository';
import { Clock } from '../src/common/clock/clock';
import { addDays, addMonths, daysBetween } from '../src/common/dates/business-date';
import { parseDatabaseUrl } from '../src/config/database-url';
import { loadMailConfig } from '../src/reminders/mail.config';
import { ReminderSender } from '../src/reminders/reminder-sender';
import { RemindersService } from '../src/reminders/reminders.service';
import { binaryBody } from './support/binary-body';
import { anEnterprise } from './support/factories';
import { aNegotiation, daysAgo, nationalDue, record, today } from './support/negotiations';
import { aCityOfTwoCounties } from './support/org-tree';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, type TestApp, type TestConfig } from './support/test-app';
import { isServerDatabase, testDatabaseConfig } from './support/test-database';
import { aSignedInUser, type SignedInUser } from './support/users';

/**
 * Offer campaigns (集中要约行动, docs/domain.md, Offer campaigns) over HTTP on a real database:
 * the preview's numbers and reasons against a county built for each reason, the rounds a
 * campaign opens (one each, through the one write path, with their events and audit rows),
 * restarts, reruns and two instances at once, access and bad input.
 */
describe('Offer campaigns (e2e)', () => {
  const apps: TestApp[] = [];
  let directory: string;
  let sink: SmtpSink;
  let databases = 0;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'wagetrack-campaigns-'));
    sink = await new SmtpSink().start();
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    while (apps.length > 0) await apps.pop()!.close();
    sink.clear();
  });
  afterAll(async () => {
    await sink.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  /**
   * An app on a database of its own name (a SQLite file, so a second app can open it; the test
   * database on MySQL/MariaDB). The campaigns do not run by themselves: the test runs them.
   */
  async function anInstance(name: string, truncate: boolean, config: TestConfig = {}): Promise<TestApp> {
    const database = isServerDatabase()
      ? testDatabaseConfig()
      : parseDatabaseUrl(`sqlite:${join(directory, `${name}.sqlite`)}`);
    const app = await createTestApp(
      {
        ...config,
        server: { database },
        campaigns: { batchSize: 500, autoRun: false, ...config.campaigns },
        mail: { ...loadMailConfig({}), smtpUrl: sink.url },
      },
      { truncate },
    );
    apps.push(app);
    return app;
  }
  const aNewInstance = (config: TestConfig = {}) => anInstance(`db${++databases}`, true, config);

  const OFFER_ON = daysAgo(2);

  /**
   * 江川市's two counties, and in 金山县 one enterprise for each reason (the filter is the
   * non-public sector of 金山县): four eligible (two with agreements that do not count: another
   * kind, expired), one closed, two without a union by the offer day, one with a wage agreement
   * running, one with a wage round open; out of the filter a state-owned one; out of the unit
   * one in 云岭县.
   */
  async function aCounty(app: TestApp) {
    const units = await aCityOfTwoCounties(app);
    const admin = await aSignedInUser(app, 'admin');
    const instructor = await aSignedInUser(app, 'instructor', { orgUnitId: units['金山县'].id });
    const enterprise = async (overrides: Parameters<typeof anEnterprise>[0], unit = '金山镇') => {
      const res = await request(app.http)
        .post('/api/v1/enterprises')
        .set(admin.auth)
        .send({ ...anEnterprise(overrides), township: undefined, orgUnitId: units[unit].id });
      if (res.status !== 201) throw new Error(`enterprise: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.id as number;
    };
    const agreement = async (enterpriseId: number, body: Record<string, unknown>) =>
      request(app.http)
        .post('/api/v1/agreements/historical')
        .set(admin.auth)
        .send({ scope: 'enterprise', enterpriseIds: [enterpriseId], coveredEmployees: 40, ...body })
        .expect(201);
    const inForce = {
      signedOn: daysAgo(150),
      effectiveOn: daysAgo(140),
      expiresOn: addMonths(daysAgo(150), 12),
    };

    const big = await enterprise({
      name: '金山大型机械有限公司',
      employeeCount: 500,
      instructorId: instructor.id,
    });
    const foreign = await enterprise(
      { name: '万安外资电子有限公司', ownershipType: 'foreign', employeeCount: 300 },
      '万安镇',
    );
    const otherKind = await enterprise({ name: '金山综合合同企业', employeeCount: 100 });
    await agreement(otherKind, { agreementKind: 'comprehensive', ...inForce });
    const expired = await enterprise({
      name: '金山过期协议企业',
      ownershipType: 'hk_macao_taiwan',
      employeeCount: 80,
    });
    await agreement(expired, {
      agreementKind: 'wage',
      signedOn: '2023-01-10',
      effectiveOn: '2023-01-20',
      expiresOn: '2024-01-20',
    });
    const closed = await enterprise({ name: '金山已关闭企业', closedOn: daysAgo(30) });
    const noUnion = await enterprise({ name: '金山未建会企业', unionFoundedOn: undefined });
    const lateUnion = await enterprise({ name: '金山新建会企业', unionFoundedOn: daysAgo(1) });
    const covered = await enterprise({ name: '金山已签协议企业' });
    await agreement(covered, { agreementKind: 'wage', ...inForce });
    const open = await enterprise({ name: '金山协商中企业' });
    await aNegotiation(app, admin, { enterpriseIds: [open] });
    const stateOwned = await enterprise({ name: '金山国有企业', ownershipType: 'state_owned' });
    const otherCounty = await enterprise({ name: '云岭民营企业' }, '云岭镇');
    return {
      units,
      admin,
      instructor,
      eligible: [big, foreign, otherKind, expired],
      ids: {
        big,
        foreign,
        otherKind,
        expired,
        closed,
        noUnion,
        lateUnion,
        covered,
        open,
        stateOwned,
        otherCounty,
      },
    };
  }
  type County = Awaited<ReturnType<typeof aCounty>>;

  const body = (county: County, overrides: Record<string, unknown> = {}) => ({
    name: '2026年冬季集中要约行动',
    agreementKind: 'wage',
    offerOn: OFFER_ON,
    filter: { orgUnitId: county.units['金山县'].id, sector: 'non_public' },
    ...overrides,
  });

  async function start(app: TestApp, as: SignedInUser, payload: object): Promise<number> {
    const res = await request(app.http).post('/api/v1/campaigns').set(as.auth).send(payload);
    if (res.status !== 202) throw new Error(`start: ${res.status} ${JSON.stringify(res.body)}`);
    expect(res.body).toEqual({ id: expect.any(Number), status: 'running', eligible: expect.any(Number) });
    return res.body.id as number;
  }
  const campaign = async (app: TestApp, as: SignedInUser, id: number) =>
    (await request(app.http).get(`/api/v1/campaigns/${id}`).set(as.auth).expect(200)).body;

  /** Every negotiation covering the enterprise, over HTTP. */
  async function roundsOf(app: TestApp, as: SignedInUser, enterpriseId: number) {
    const res = await request(app.http)
      .get('/api/v1/negotiations')
      .query({ enterpriseId, pageSize: 200 })
      .set(as.auth)
      .expect(200);
    return res.body.items as Array<{
      id: number;
      stage: string;
      title: string | null;
      agreementKind: string;
    }>;
  }

  /** The negotiations the campaign (by its name, their title) opened on each enterprise. */
  async function campaignRounds(app: TestApp, as: SignedInUser, enterpriseIds: number[], name: string) {
    const byEnterprise = new Map<number, Array<{ id: number; stage: string }>>();
    for (const id of enterpriseIds) {
      byEnterprise.set(
        id,
        (await roundsOf(app, as, id)).filter((round) => round.title === name),
      );
    }
    return byEnterprise;
  }

  it('previews how many enterprises get an offer, the largest first, and why the others do not', async () => {
    const app = await aNewInstance();
    const county = await aCounty(app);
    const res = await request(app.http)
      .post('/api/v1/campaigns/preview')
      .set(county.admin.auth)
      .send(body(county, { name: undefined }))
      .expect(200);
    expect(res.body).toMatchObject({
      offerOn: OFFER_ON,
      agreementKind: 'wage',
      eligible: 4,
      skipped: { closed: 1, noUnion: 2, agreementInForce: 1, roundOpen: 1 },
      // The signing-rate base on the offer day: the open unionised ones; covered: the wage agreement.
      base: 6,
      covered: 1,
      rate: 1 / 6,
    });
    expect(res.body.items.map((item: { id: number }) => item.id)).toEqual(county.eligible);
    expect(res.body.items[0]).toMatchObject({ name: '金山大型机械有限公司', employeeCount: 500 });

    // Without a unit in the filter: the root admin's scope is everything (云岭县's enterprise too).
    const everywhere = await request(app.http)
      .post('/api/v1/campaigns/preview')
      .set(county.admin.auth)
      .send(body(county, { filter: { sector: 'non_public' } }))
      .expect(200);
    expect(everywhere.body.eligible).toBe(5);
    // The admin of 金山县 sees only 金山县 without naming it; 云岭县's admin may not name it.
    const jsAdmin = await aSignedInUser(app, 'admin', { orgUnitId: county.units['金山县'].id });
    const ylAdmin = await aSignedInUser(app, 'admin', { orgUnitId: county.units['云岭县'].id });
    const own = await request(app.http)
      .post('/api/v1/campaigns/preview')
      .set(jsAdmin.auth)
      .send(body(county, { filter: { sector: 'non_public' } }))
      .expect(200);
    expect(own.body.eligible).toBe(4);
    const foreign = await request(app.http)
      .post('/api/v1/campaigns/preview')
      .set(ylAdmin.auth)
      .send(body(county))
      .expect(404);
    expect(foreign.body.code).toBe('ORG_UNIT.NOT_FOUND');
    // Narrower filters: a township, an ownership type, an industry.
    const narrowed = async (filter: object) =>
      (
        await request(app.http)
          .post('/api/v1/campaigns/preview')
          .set(county.admin.auth)
          .send(body(county, { filter: { orgUnitId: county.units['金山县'].id, ...filter } }))
          .expect(200)
      ).body.eligible;
    expect(await narrowed({ township: '万安镇' })).toBe(1);
    expect(await narrowed({ ownershipTypes: ['foreign', 'hk_macao_taiwan'] })).toBe(2);
    expect(await narrowed({ ownershipTypes: ['state_owned'] })).toBe(1);
    expect(await narrowed({ industry: 'B' })).toBe(0);
  });

  it('opens one round at invitation with the offer for every eligible enterprise, each with its event and audit rows, and counts them right', async () => {
    const app = await aNewInstance();
    const county = await aCounty(app);
    const id = await start(app, county.admin, body(county));
    const started = await campaign(app, county.admin, id);
    expect(started).toMatchObject({ status: 'running', eligible: 4, opened: 0, pending: 4, skipped: [] });

    const report = await app.app.get(CampaignRunner).run(id);
    expect(report).toMatchObject({ opened: 4, skipped: 0, done: true });

    const rounds = await campaignRounds(
      app,
      county.admin,
      Object.values(county.ids),
      '2026年冬季集中要约行动',
    );
    for (const [enterpriseId, found] of rounds) {
      expect([enterpriseId, found.length]).toEqual([
        enterpriseId,
        county.eligible.includes(enterpriseId) ? 1 : 0,
      ]);
    }
    for (const enterpriseId of county.eligible) {
      const [round] = rounds.get(enterpriseId)!;
      const full = (
        await request(app.http).get(`/api/v1/negotiations/${round.id}`).set(county.admin.auth).expect(200)
      ).body;
      expect(full).toMatchObject({
        stage: 'invitation',
        scope: 'enterprise',
        agreementKind: 'wage',
        version: 1,
        enterpriseIds: [enterpriseId],
      });
      // The offer's reply deadline, from the rule set (集体合同规定 art. 32: 20 days after receipt).
      expect(full.deadlines).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            kind: 'offer_reply',
            dueOn: nationalDue(OFFER_ON, 20),
            unit: 'calendar',
            calendarMissing: false,
          }),
        ]),
      );
      const events = (
        await request(app.http)
          .get(`/api/v1/negotiations/${round.id}/events`)
          .set(county.admin.auth)
          .expect(200)
      ).body;
      expect(events).toEqual([
        expect.objectContaining({
          seq: 1,
          type: 'OFFER_SENT',
          occurredOn: OFFER_ON,
          actor: county.admin.id,
          fromStage: 'invitation',
          toStage: 'invitation',
          payload: { sentBy: 'union', receivedOn: OFFER_ON },
        }),
      ]);
      const audit = (
        await request(app.http)
          .get('/api/v1/audit')
          .query({ entityType: 'negotiation', entityId: String(round.id) })
          .set(county.admin.auth)
          .expect(200)
      ).body.items as Array<{ action: string; actorId: number; changes: Record<string, { to: unknown }> }>;
      expect(audit.map((row) => row.action).sort()).toEqual(['negotiation.create', 'negotiation.event']);
      expect(audit.every((row) => row.actorId === county.admin.id)).toBe(true);
      expect(audit.find((row) => row.action === 'negotiation.create')!.changes.campaignId.to).toBe(id);
    }

    // One of them moves on: the campaign counts its rounds by their stage now.
    const [moved] = rounds.get(county.ids.big)!;
    await record(app, county.admin, { id: moved.id, version: 1 }, [
      { type: 'OFFER_ACCEPTED', occurredOn: today() },
    ]);
    const done = await campaign(app, county.admin, id);
    const stages: Record<string, number> = {};
    for (const enterpriseId of county.eligible) {
      const [round] = await roundsOf(app, county.admin, enterpriseId).then((all) =>
        all.filter((r) => r.title === '2026年冬季集中要约行动'),
      );
      stages[round.stage] = (stages[round.stage] ?? 0) + 1;
    }
    expect(done).toMatchObject({
      status: 'done',
      eligible: 4,
      opened: 4,
      pending: 0,
      skippedCount: 0,
      skipped: [],
      progress: 1,
      excluded: { closed: 1, noUnion: 2, agreementInForce: 1, roundOpen: 1 },
      byStage: stages,
      repliesOverdue: 0,
      rateAtStart: 1 / 6,
      baseAtStart: 6,
      coveredAtStart: 1,
      // Today every target has an open round, and the union founded yesterday puts its
      // enterprise in the base: seven, one covered.
      rateNow: 1 / 7,
      baseNow: 7,
      coveredNow: 1,
      today: today(),
    });
    expect(stages).toEqual({ invitation: 3, preparation: 1 });
    expect(done.finishedAt).toEqual(expect.any(String));

    // The list shows it.
    const list = (await request(app.http).get('/api/v1/campaigns').set(county.admin.auth).expect(200)).body;
    expect(list).toMatchObject({ total: 1, page: 1, pageSize: 50 });
    expect(list.items[0]).toMatchObject({ id, status: 'done', eligible: 4, opened: 4, pending: 0 });
  });

  it('opens nothing more when run again, and a second campaign finds every enterprise with its round open', async () => {
    const app = await aNewInstance();
    const county = await aCounty(app);
    const id = await start(app, county.admin, body(county));
    await app.app.get(CampaignRunner).run(id);

    await request(app.http).post(`/api/v1/campaigns/${id}/run`).set(county.admin.auth).expect(202);
    expect(await app.app.get(CampaignRunner).run(id)).toMatchObject({ opened: 0, skipped: 0, done: true });
    expect(await campaign(app, county.admin, id)).toMatchObject({
      status: 'done',
      opened: 4,
      skippedCount: 0,
    });

    const again = await start(app, county.admin, body(county, { name: '再来一次' }));
    expect(await app.app.get(CampaignRunner).run(again)).toMatchObject({ opened: 0, done: true });
    expect(await campaign(app, county.admin, again)).toMatchObject({
      status: 'done',
      eligible: 0,
      opened: 0,
      excluded: { closed: 1, noUnion: 2, agreementInForce: 1, roundOpen: 5 },
    });
    const rounds = await campaignRounds(app, county.admin, county.eligible, '2026年冬季集中要约行动');
    expect([...rounds.values()].map((found) => found.length)).toEqual([1, 1, 1, 1]);
  });

  it('downloads the offer letters of the whole campaign as one .zip of Word documents, one per round opened', async () => {
    const app = await aNewInstance();
    const county = await aCounty(app);
    const id = await start(app, county.admin, body(county));
    await request(app.http).get(`/api/v1/campaigns/${id}/offers.zip`).set(county.admin.auth).expect(404);
    await app.app.get(CampaignRunner).run(id);

    const res = await request(app.http)
      .get(`/api/v1/campaigns/${id}/offers.zip`)
      .set(county.admin.auth)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(res.headers['content-type']).toContain('application/zip');
    expect(decodeURIComponent(res.headers['content-disposition'])).toContain(
      '要约书_2026年冬季集中要约行动.zip',
    );
    const zip = new PizZip(res.body as Buffer);
    const files = Object.keys(zip.files).sort();
    expect(files).toHaveLength(county.eligible.length);
    expect(
      files.every((name, index) => name.startsWith(`${index + 1}_要约书_`) && name.endsWith('.docx')),
    ).toBe(true);
    const names: string[] = [];
    for (const enterpriseId of county.eligible) {
      const found = await request(app.http)
        .get(`/api/v1/enterprises/${enterpriseId}`)
        .set(county.admin.auth)
        .expect(200);
      names.push(found.body.name as string);
    }
    const texts = files.map((name) =>
      (new PizZip(zip.file(name)!.asNodeBuffer()).file('word/document.xml')?.asText() ?? '').replace(
        /<[^>]+>/g,
        '',
      ),
    );
    for (const name of names) expect(texts.filter((text) => text.includes(`${name}：`)).length).toBe(1);
    expect(texts.every((text) => text.includes('集体合同规定第三十二条'))).toBe(true);

    await request(app.http)
      .get(`/api/v1/campaigns/${id}/offers.zip?part=2`)
      .set(county.admin.auth)
      .expect(404);
    await request(app.http)
      .get(`/api/v1/campaigns/${id}/offers.zip?part=0`)
      .set(county.admin.auth)
      .expect(422);
  });

  it('skips, with the reason, a target that got an open round or an agreement in the meantime', async () => {
    const app = await aNewInstance();
    const county = await aCounty(app);
    const id = await start(app, county.admin, body(county));
    await aNegotiation(app, county.admin, { enterpriseIds: [county.ids.foreign] });
    await request(app.http)
      .post('/api/v1/agreements/historical')
      .set(county.admin.auth)
      .send({
        agreementKind: 'wage',
        scope: 'enterprise',
        enterpriseIds: [county.ids.expired],
        signedOn: daysAgo(1),
        effectiveOn: daysAgo(1),
        expiresOn: addMonths(daysAgo(1), 12),
        coveredEmployees: 40,
      })
      .expect(201);

    expect(await app.app.get(CampaignRunner).run(id)).toMatchObject({ opened: 2, skipped: 2, done: true });
    const done = await campaign(app, county.admin, id);
    expect(done).toMatchObject({
      eligible: 4,
      opened: 2,
      skippedCount: 2,
      pending: 0,
      byStage: { invitation: 2 },
    });
    expect(done.skipped).toEqual([
      { enterpriseId: county.ids.foreign, reason: 'roundOpen' },
      { enterpriseId: county.ids.expired, reason: 'agreementInForce' },
    ]);
    expect((await roundsOf(app, county.admin, county.ids.foreign)).length).toBe(1); // its own round only
  });

  it('goes on after a restart where it stopped, and takes a dead runner’s batch when its lease runs out: nothing opened twice', async () => {
    const first = await anInstance('restart', true, { campaigns: { batchSize: 1 } });
    const county = await aCounty(first);
    const id = await start(first, county.admin, body(county));
    expect(await first.app.get(CampaignRunner).run(id, { maxBatches: 1 })).toMatchObject({
      opened: 1,
      done: false,
    });
    // A runner claims the next item and dies before it opens anything.
    const now = first.app.get(Clock).now();
    const held = await first.app
      .get(CampaignsRepository)
      .claim(id, 1, now, 'a-runner-that-dies#1', new Date(now.getTime() + CAMPAIGN_LEASE_MS));
    expect(held).toHaveLength(1);
    await first.close();
    apps.splice(apps.indexOf(first), 1);

    const second = await anInstance('restart', false, { campaigns: { batchSize: 1 } });
    const admin = await aSignedInUser(second, 'admin'); // tokens are signed per app
    expect(await campaign(second, admin, id)).toMatchObject({
      status: 'running',
      opened: 1,
      pending: 3,
    });
    // The held item waits for its lease; the others are opened.
    expect(await second.app.get(CampaignRunner).run(id)).toMatchObject({ opened: 2, done: false });
    jest.spyOn(second.app.get(Clock), 'now').mockReturnValue(new Date(Date.now() + CAMPAIGN_LEASE_MS + 1000));
    expect(await second.app.get(CampaignRunner).run(id)).toMatchObject({ opened: 1, done: true });

    const rounds = await campaignRounds(second, admin, county.eligible, '2026年冬季集中要约行动');
    expect([...rounds.values()].map((found) => found.length)).toEqual([1, 1, 1, 1]);
    expect(await campaign(second, admin, id)).toMatchObject({ status: 'done', opened: 4, pending: 0 });
  });

  it('opens each enterprise once when two instances run the same campaign at the same moment', async () => {
    const a = await anInstance('pair', true, { campaigns: { batchSize: 1 } });
    const county = await aCounty(a);
    // More targets: twelve more eligible enterprises.
    for (let i = 0; i < 12; i++) {
      await request(a.http)
        .post('/api/v1/enterprises')
        .set(county.admin.auth)
        .send({
          ...anEnterprise({ employeeCount: 10 + i }),
          township: undefined,
          orgUnitId: county.units['金山镇'].id,
        })
        .expect(201);
    }
    const id = await start(a, county.admin, body(county));
    // MySQL/MariaDB: a second instance on the same database; SQLite is one process: the same one twice.
    const b = isServerDatabase() ? await anInstance('pair', false, { campaigns: { batchSize: 1 } }) : a;
    const reports = await Promise.all([a, b].map((app) => app.app.get(CampaignRunner).run(id)));
    expect(reports[0].opened + reports[1].opened).toBe(16);
    expect(reports[0].skipped + reports[1].skipped).toBe(0);

    const rows = (await a.dataSource.query(
      'SELECT ne.enterprise_id AS enterprise, COUNT(*) AS rounds FROM negotiations n JOIN negotiation_enterprises ne ON ne.negotiation_id = n.id WHERE n.title = ? GROUP BY ne.enterprise_id',
      ['2026年冬季集中要约行动'],
    )) as Array<{ enterprise: number; rounds: number | string }>;
    expect(rows).toHaveLength(16);
    expect(rows.every((row) => Number(row.rounds) === 1)).toBe(true);
    expect(await campaign(a, county.admin, id)).toMatchObject({ status: 'done', eligible: 16, opened: 16 });
  });

  it('labels the offer-reply items of a campaign in the instructor’s digest', async () => {
    const app = await aNewInstance();
    const county = await aCounty(app);
    // Offers received 15 days ago: the reply is due in 5 days (later if that is a rest day, 民法典
    // art. 203), inside the digest's week.
    const id = await start(app, county.admin, body(county, { offerOn: daysAgo(15) }));
    await app.app.get(CampaignRunner).run(id);
    await app.app.get(RemindersService).runNow({ includeSummary: false });
    await app.app.get(ReminderSender).deliverDue();
    const mail = sink.received.find((m) => m.to === `${county.instructor.username}@example.cn`);
    expect(mail).toBeDefined();
    expect(mail!.text).toContain('金山大型机械有限公司【集中要约：2026年冬季集中要约行动】');
    expect(mail!.html).toContain('集中要约：2026年冬季集中要约行动');
    const agenda = await request(app.http).get('/api/v1/me/agenda').set(county.instructor.auth).expect(200);
    expect(agenda.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'offer_reply',
          campaign: '2026年冬季集中要约行动',
          daysLeft: daysBetween(today(), nationalDue(daysAgo(15), 20)),
        }),
      ]),
    );
  });

  it('counts the replies overdue past the reply deadline', async () => {
    const app = await aNewInstance();
    const county = await aCounty(app);
    const id = await start(app, county.admin, body(county, { offerOn: daysAgo(30) }));
    await app.app.get(CampaignRunner).run(id);
    expect(await campaign(app, county.admin, id)).toMatchObject({ opened: 4, repliesOverdue: 4 });
  });

  describe('access and bad input', () => {
    let app: TestApp;
    let county: County;
    beforeAll(async () => {
      app = await anInstance('access', true);
      apps.splice(apps.indexOf(app), 1); // lives for the whole block, not one test
      county = await aCounty(app);
    });
    afterAll(() => app.close());

    const post = (path: string, as: SignedInUser, payload: object) =>
      request(app.http).post(`/api/v1/campaigns${path}`).set(as.auth).send(payload);

    it.each([
      ['an empty name', { name: '  ' }, 'name', '活动名称'],
      ['an unknown agreement kind', { agreementKind: 'pay' }, 'agreementKind', '协议种类'],
      ['an offer day after today', { offerOn: addDays(today(), 1) }, 'offerOn', '不能晚于今天'],
      ['an offer day more than a year ago', { offerOn: addDays(today(), -400) }, 'offerOn', '一年以内'],
      ['a date that is not one', { offerOn: '2026-02-30' }, 'offerOn', '要约日期'],
      [
        'an unknown ownership type',
        { filter: { ownershipTypes: ['private', 'martian'] } },
        'filter.ownershipTypes',
        '所有制类型',
      ],
      ['an unknown sector', { filter: { sector: 'public' } }, 'filter.sector', '经济类型'],
      ['an industry outside A–T', { filter: { industry: 'Z' } }, 'filter.industry', '行业门类'],
      ['no filter', { filter: undefined }, 'filter', '筛选条件'],
    ])('answers 422 naming the field in Chinese for %s', async (_case, overrides, field, words) => {
      // The preview takes the same body; the name may still be empty there.
      for (const path of field === 'name' ? [''] : ['', '/preview']) {
        const res = await post(path, county.admin, body(county, overrides)).expect(422);
        expect(res.body.code).toBe('REQUEST.VALIDATION_FAILED');
        expect(res.body.errors).toEqual([
          expect.objectContaining({ field, message: expect.stringContaining(words) }),
        ]);
      }
    });

    it('answers 400 for an unknown field, 403 to non-admins writing, 404 for unknown or out-of-scope campaigns', async () => {
      await post('', county.admin, { ...body(county), extra: 1 }).expect(400);
      const jsSupervisor = await aSignedInUser(app, 'supervisor', { orgUnitId: county.units['金山县'].id });
      const ylSupervisor = await aSignedInUser(app, 'supervisor', { orgUnitId: county.units['云岭县'].id });
      const jsAdmin = await aSignedInUser(app, 'admin', { orgUnitId: county.units['金山县'].id });
      for (const as of [jsSupervisor, county.instructor]) {
        await post('', as, body(county)).expect(403);
        await post('/preview', as, body(county)).expect(403);
      }
      await request(app.http).get('/api/v1/campaigns').set(county.instructor.auth).expect(403);

      const id = await start(app, jsAdmin, body(county, { filter: { sector: 'non_public' } }));
      await post(`/${id}/run`, jsSupervisor, {}).expect(403);
      // 金山县's supervisor reads it; 云岭县's does not find it, nor in the list.
      expect(await campaign(app, jsSupervisor, id)).toMatchObject({
        id,
        eligible: 4,
        unitId: county.units['金山县'].id,
      });
      const hidden = await request(app.http)
        .get(`/api/v1/campaigns/${id}`)
        .set(ylSupervisor.auth)
        .expect(404);
      expect(hidden.body.code).toBe('CAMPAIGN.NOT_FOUND');
      const ylList = await request(app.http).get('/api/v1/campaigns').set(ylSupervisor.auth).expect(200);
      expect(ylList.body).toMatchObject({ items: [], total: 0 });
      const jsList = await request(app.http).get('/api/v1/campaigns').set(jsSupervisor.auth).expect(200);
      expect(jsList.body.items.map((item: { id: number }) => item.id)).toEqual([id]);
      // The root admin sees it too (they govern everything).
      await request(app.http).get(`/api/v1/campaigns/${id}`).set(county.admin.auth).expect(200);

      await request(app.http).get('/api/v1/campaigns/999999').set(county.admin.auth).expect(404);
      await request(app.http).get('/api/v1/campaigns/abc').set(county.admin.auth).expect(404);
      await post('/999999/run', county.admin, {}).expect(404);
      await request(app.http)
        .get('/api/v1/campaigns')
        .query({ pageSize: 500 })
        .set(county.admin.auth)
        .expect(422);
    });
  });
});
