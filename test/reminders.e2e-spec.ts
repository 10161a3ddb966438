import request from 'supertest';
import { addDays, daysBetween } from '../src/common/dates/business-date';
import { Clock } from '../src/common/clock/clock';
import { Reminder } from '../src/reminders/reminder.entity';
import { ReminderSender } from '../src/reminders/reminder-sender';
import { RemindersService } from '../src/reminders/reminders.service';
import { loadMailConfig } from '../src/reminders/mail.config';
import { anEnterprise } from './support/factories';
import { daysAgo, nationalDue, record, REPRESENTATIVES, today } from './support/negotiations';

/** Days from today to a due date, as the digest says them (还剩 N 天). */
const left = (dueOn: string) => daysBetween(today(), dueOn);
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, TestApp } from './support/test-app';
import { aSignedInUser, SignedInUser } from './support/users';

/** The sections of a Chinese digest: title → lines under it. */
function sections(text: string): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  let current = '';
  for (const line of text.split('\n')) {
    const heading = /^【(.+)】\d+ 项$/.exec(line);
    if (heading) result[(current = heading[1])] = [];
    else if (current && line.startsWith('- ')) result[current].push(line);
  }
  return result;
}

describe('Reminder e-mails (e2e, real SMTP)', () => {
  let sink: SmtpSink;
  let sut: TestApp;
  let admin: SignedInUser;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    const mail = { ...loadMailConfig({}), smtpUrl: sink.url };
    sut = await createTestApp({ mail });
  });
  beforeEach(async () => {
    sink.clear();
    admin = await aSignedInUser(sut, 'admin');
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await sut.reset();
  });
  afterAll(async () => {
    await sut.close();
    await sink.stop();
  });

  const deliver = () => sut.app.get(ReminderSender).deliverDue();
  const run = () => request(sut.http).post('/api/v1/reminders/run').set(admin.auth).expect(200);

  async function enterprise(name: string, instructorId: number, fields: object = {}): Promise<number> {
    const res = await request(sut.http)
      .post('/api/v1/enterprises')
      .set(admin.auth)
      .send(anEnterprise({ name, instructorId, unionFoundedOn: '2020-01-01', ...fields }))
      .expect(201);
    return res.body.id;
  }

  async function round(enterpriseId: number, events: Record<string, unknown>[]): Promise<void> {
    const opened = await request(sut.http)
      .post('/api/v1/negotiations')
      .set(admin.auth)
      .send({ agreementKind: 'wage', scope: 'enterprise', enterpriseIds: [enterpriseId] })
      .expect(201);
    if (events.length > 0) await record(sut, admin, opened.body, events);
  }

  const upToSigning = (signedOn: string) => {
    const start = addDays(signedOn, -20);
    return [
      { type: 'OFFER_SENT', occurredOn: start, sentBy: 'union', receivedOn: start },
      { type: 'OFFER_ACCEPTED', occurredOn: addDays(start, 2) },
      { type: 'REPRESENTATIVES_CONFIRMED', occurredOn: addDays(start, 4), ...REPRESENTATIVES },
      { type: 'DRAFT_AGREED', occurredOn: addDays(start, 8) },
      { type: 'VOTE_RECORDED', occurredOn: addDays(start, 10), total: 30, present: 25, inFavour: 20 },
      { type: 'SIGNED', occurredOn: signedOn, coveredEmployees: 50 },
    ];
  };

  /** One instructor with an item of every kind, one opted out, one with nothing due, one in English. */
  async function aCountyWithEveryKindOfItem() {
    const anna = await aSignedInUser(sut, 'instructor', { displayName: '王丽' });
    const optedOut = await aSignedInUser(sut, 'instructor', { digestOptOut: true });
    const idle = await aSignedInUser(sut, 'instructor');
    const english = await aSignedInUser(sut, 'instructor', { language: 'en', displayName: 'Li Ming' });
    const supervisor = await aSignedInUser(sut, 'supervisor', { displayName: '赵主席' });

    await round(await enterprise('甲·要约待答复', anna.id), [
      { type: 'OFFER_SENT', occurredOn: daysAgo(15), sentBy: 'union', receivedOn: daysAgo(15) },
    ]);
    await round(await enterprise('乙·待报送审查', anna.id), upToSigning(daysAgo(5)));
    await round(await enterprise('丙·审查期将满', anna.id), [
      ...upToSigning(daysAgo(20)),
      { type: 'SUBMITTED_FOR_REVIEW', occurredOn: daysAgo(10) },
    ]);
    await round(await enterprise('丁·待公布', anna.id), [
      ...upToSigning(daysAgo(15)),
      { type: 'SUBMITTED_FOR_REVIEW', occurredOn: daysAgo(12) },
      // Publication due in 5 days: moved off a weekend (民法典 art. 203) it stays within the week.
      { type: 'REVIEW_APPROVED', occurredOn: daysAgo(5) },
    ]);
    await round(await enterprise('戊·中止待恢复', anna.id), [
      ...upToSigning(daysAgo(30)).slice(0, 3),
      { type: 'SUSPENDED', occurredOn: daysAgo(2), resumeOn: addDays(today(), 4) },
    ]);
    const expiring = await enterprise('己·即将到期', anna.id);
    await request(sut.http)
      .post('/api/v1/agreements/historical')
      .set(admin.auth)
      .send({
        agreementKind: 'wage',
        scope: 'enterprise',
        enterpriseIds: [expiring],
        signedOn: daysAgo(320),
        effectiveOn: daysAgo(305),
        expiresOn: addDays(today(), 60),
        coveredEmployees: 80,
      })
      .expect(201);
    await round(await enterprise('庚·无进展', anna.id), [
      { type: 'OFFER_SENT', occurredOn: daysAgo(40), sentBy: 'union', receivedOn: daysAgo(40) },
      { type: 'OFFER_ACCEPTED', occurredOn: daysAgo(35) },
    ]);
    await enterprise('辛·未签订', anna.id);
    await enterprise('壬·未建会', anna.id, { unionFoundedOn: null });
    await round(await enterprise('癸·退订者的企业', optedOut.id), [
      { type: 'OFFER_SENT', occurredOn: daysAgo(15), sentBy: 'union', receivedOn: daysAgo(15) },
    ]);
    await enterprise('English Ltd', english.id);
    return { anna, optedOut, idle, english, supervisor };
  }

  it('sends one digest per instructor with exactly their items, grouped by kind, with the rule behind each', async () => {
    const { anna, english, supervisor } = await aCountyWithEveryKindOfItem();
    expect((await run()).body).toEqual({ queued: 3 }); // anna, english, supervisor
    expect(await deliver()).toEqual({ sent: 3, failed: 0, parked: 0 });

    const toAnna = sink.received.filter((m) => m.to === anna.username + '@example.cn');
    expect(toAnna).toHaveLength(1);
    const digest = toAnna[0];
    expect(digest.subject).toBe('【协商提醒】0 项逾期，8 项将到期，4 家企业未签');
    expect(digest.messageId).toBe(`<instructor_digest.${anna.id}.${today()}@wagetrack.reminders>`);
    const bySection = sections(digest.text);
    expect(Object.keys(bySection)).toEqual([
      '要约答复期限',
      '报送劳动保障部门审查',
      '审查期届满（届时自动生效）',
      '向全体职工公布',
      '中止协商后恢复协商',
      '续订协商（到期前3个月内）',
      '集体合同即将到期',
      '协商长期无进展',
      '已建会未签订工资集体协议的企业',
    ]);
    expect(bySection['要约答复期限']).toEqual([
      expect.stringMatching(
        new RegExp(
          `^- 甲·要约待答复：.*（还剩 ${left(nationalDue(daysAgo(15), 20))} 天）。依据：集体合同规定第三十二条$`,
        ),
      ),
    ]);
    expect(bySection['报送劳动保障部门审查']).toEqual([
      expect.stringMatching(
        new RegExp(
          `^- 乙·待报送审查：.*（还剩 ${left(nationalDue(daysAgo(5), 7))} 天）。依据：工资集体协商试行办法第二十一条$`,
        ),
      ),
    ]);
    expect(bySection['审查期届满（届时自动生效）']).toEqual([
      expect.stringMatching(
        new RegExp(`^- 丙·审查期将满：.*（还剩 ${left(nationalDue(daysAgo(10), 15))} 天）`),
      ),
    ]);
    expect(bySection['向全体职工公布']).toEqual([expect.stringMatching(/^- 丁·待公布/)]);
    expect(bySection['中止协商后恢复协商']).toEqual([
      expect.stringMatching(/^- 戊·中止待恢复：.*（还剩 4 天）/),
    ]);
    expect(bySection['续订协商（到期前3个月内）']).toEqual([
      expect.stringMatching(/^- 己·即将到期：.*续订窗口已开启/),
    ]);
    expect(bySection['集体合同即将到期']).toEqual([
      expect.stringMatching(/^- 己·即将到期：.*（还剩 60 天）/),
    ]);
    expect(bySection['协商长期无进展']).toEqual([expect.stringMatching(/^- 庚·无进展：.*已 35 天无新进展/)]);
    expect(bySection['已建会未签订工资集体协议的企业'].map((line) => line.split('：')[0])).toEqual(
      ['- 戊·中止待恢复', '- 庚·无进展', '- 甲·要约待答复', '- 辛·未签订'].sort((a, b) => a.localeCompare(b)),
    );
    expect(digest.text).not.toContain('壬·未建会');
    expect(digest.text).not.toContain('癸');
    expect(digest.html).toContain('<h3>要约答复期限（1 项）</h3>');

    const toEnglish = sink.received.find((m) => m.to === english.username + '@example.cn')!;
    expect(toEnglish.subject).toBe(
      '[Bargaining reminder] 0 overdue, 0 due soon, 1 enterprises without agreement',
    );
    expect(toEnglish.text).toContain('Dear Li Ming,');

    // The opted-out instructor and the one with nothing due get nothing.
    expect(sink.received.map((m) => m.to).sort()).toEqual(
      [anna, english, supervisor].map((u) => `${u.username}@example.cn`).sort(),
    );
  });

  it('gives supervisors a weekly summary whose numbers are those of the report', async () => {
    const { supervisor } = await aCountyWithEveryKindOfItem();
    await run();
    await deliver();
    const summary = sink.received.find((m) => m.to === `${supervisor.username}@example.cn`)!;
    const report = (
      await request(sut.http).get('/api/v1/reports/signing-rates').set(supervisor.auth).expect(200)
    ).body;
    const nonPublic = report.rows.find((row: { group: string }) => row.group === 'non_public');
    expect(summary.text).toContain(
      `- 非公企业：应签 ${nonPublic.enterprises} 家，已签 ${nonPublic.covered} 家，签订率 ${(nonPublic.rate * 100).toFixed(1)}%，目标 90.0%，尚差 ${nonPublic.shortBy} 家`,
    );
    expect(summary.text).toContain(
      `- 合计：应签 ${report.total.enterprises} 家，已签 ${report.total.covered} 家`,
    );
    expect(summary.text).toMatch(/- 王丽：逾期 0 个，无进展 1 个/);
    expect(summary.text).toContain('三、差距最大的十家未签企业\n1. ');
    expect(summary.subject).toMatch(/^【周报·本县】工资集体协议签订率 \d+\.\d%，0 个协商逾期，1 个无进展$/);
  });

  it("counts an instructor's overdue negotiations in the summary as the negotiation list does", async () => {
    const supervisor = await aSignedInUser(sut, 'supervisor');
    const late = await aSignedInUser(sut, 'instructor', { displayName: '陈晨' });
    // An offer unanswered past its 20 days, a review period past its end that no timer has
    // closed yet (the scheduler is off in tests), and a negotiation with nothing recorded for
    // 35 days (a state, not a time limit).
    await round(await enterprise('逾期·要约', late.id), [
      { type: 'OFFER_SENT', occurredOn: daysAgo(25), sentBy: 'union', receivedOn: daysAgo(25) },
    ]);
    await round(await enterprise('逾期·审查期', late.id), [
      ...upToSigning(daysAgo(30)),
      { type: 'SUBMITTED_FOR_REVIEW', occurredOn: daysAgo(20) },
    ]);
    await round(await enterprise('无进展', late.id), [
      { type: 'OFFER_SENT', occurredOn: daysAgo(40), sentBy: 'union', receivedOn: daysAgo(40) },
      { type: 'OFFER_ACCEPTED', occurredOn: daysAgo(35) },
    ]);
    const listed = await request(sut.http)
      .get(`/api/v1/negotiations?overdue=true&instructorId=${late.id}`)
      .set(supervisor.auth)
      .expect(200);
    expect(listed.body.total).toBe(2);

    await run();
    await deliver();
    const summary = sink.received.find((m) => m.to === `${supervisor.username}@example.cn`)!;
    expect(summary.text).toMatch(/- 陈晨：逾期 2 个，无进展 1 个/);
  });

  it('builds a slot once: running it twice queues nothing more and delivers each digest once', async () => {
    await aCountyWithEveryKindOfItem();
    expect((await run()).body.queued).toBe(3);
    expect((await run()).body.queued).toBe(0);
    await Promise.all([deliver(), deliver()]);
    await deliver();
    const ids = sink.received.map((m) => m.messageId);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
  });

  describe('faults', () => {
    async function oneQueued(): Promise<Reminder> {
      const instructor = await aSignedInUser(sut, 'instructor');
      await enterprise('待签企业', instructor.id);
      const result = await sut.app.get(RemindersService).runNow({ includeSummary: false });
      expect(result.queued).toBe(1);
      return sut.dataSource.getRepository(Reminder).findOneByOrFail({ recipientId: instructor.id });
    }

    it('retries a temporary failure (421) later with back-off, and then delivers it', async () => {
      const row = await oneQueued();
      sink.outageWith(421, 'Service not available, try again later');
      expect(await deliver()).toEqual({ sent: 0, failed: 1, parked: 0 });
      const failed = await sut.dataSource.getRepository(Reminder).findOneByOrFail({ id: row.id });
      expect(failed).toMatchObject({
        status: 'failed',
        attempts: 1,
        lastError: expect.stringContaining('421'),
      });
      expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000); // 30 s back-off

      sink.recover();
      expect(await deliver()).toEqual({ sent: 0, failed: 0, parked: 0 }); // not yet due
      const clock = sut.app.get(Clock);
      const later = new Date(Date.now() + 31_000);
      jest.spyOn(clock, 'now').mockReturnValue(later);
      expect(await deliver()).toEqual({ sent: 1, failed: 0, parked: 0 });
      expect(sink.received).toHaveLength(1);
      const list = await request(sut.http).get('/api/v1/reminders').query({ status: 'sent' }).set(admin.auth);
      expect(list.body.items[0]).toMatchObject({ id: row.id, status: 'sent', attempts: 1 });
    });

    it('parks a permanent failure (550) with the error, and an admin can requeue it', async () => {
      const row = await oneQueued();
      sink.failNext(550, 'No such user here');
      expect(await deliver()).toEqual({ sent: 0, failed: 0, parked: 1 });
      const parked = await request(sut.http)
        .get('/api/v1/reminders')
        .query({ status: 'parked' })
        .set(admin.auth);
      expect(parked.body.items).toEqual([
        expect.objectContaining({ id: row.id, status: 'parked', lastError: expect.stringContaining('550') }),
      ]);

      const retried = await request(sut.http)
        .post(`/api/v1/reminders/${row.id}/retry`)
        .set(admin.auth)
        .expect(200);
      expect(retried.body).toMatchObject({ status: 'pending', attempts: 0 });
      expect(await deliver()).toEqual({ sent: 1, failed: 0, parked: 0 });
      await request(sut.http).post(`/api/v1/reminders/${row.id}/retry`).set(admin.auth).expect(409);
      await request(sut.http).post('/api/v1/reminders/999999/retry').set(admin.auth).expect(404);
    });

    it('parks a reminder after the configured number of temporary failures', async () => {
      const row = await oneQueued();
      const clock = sut.app.get(Clock);
      let now = Date.now();
      sink.outageWith(451, 'Local error in processing');
      for (let attempt = 1; attempt <= 8; attempt++) {
        jest.spyOn(clock, 'now').mockReturnValue(new Date(now));
        await deliver();
        now += 2 * 60 * 60_000; // past any back-off
      }
      const parked = await sut.dataSource.getRepository(Reminder).findOneByOrFail({ id: row.id });
      expect(parked).toMatchObject({ status: 'parked', attempts: 8 });
      expect(sink.received).toHaveLength(0);
    });
  });

  it('lists the outbox for admins and supervisors, not instructors, and checks its query', async () => {
    const supervisor = await aSignedInUser(sut, 'supervisor');
    const instructor = await aSignedInUser(sut, 'instructor');
    await request(sut.http).get('/api/v1/reminders').set(supervisor.auth).expect(200);
    await request(sut.http).get('/api/v1/reminders').set(instructor.auth).expect(403);
    await request(sut.http).post('/api/v1/reminders/run').set(supervisor.auth).expect(403);
    const bad = await request(sut.http)
      .get('/api/v1/reminders')
      .query({ status: 'lost' })
      .set(admin.auth)
      .expect(422);
    expect(bad.body.errors[0].field).toBe('status');
  });

  it('builds the digests when their schedule comes, in the business time zone, and not before', async () => {
    const instructor = await aSignedInUser(sut, 'instructor');
    await enterprise('待签企业', instructor.id);
    const reminders = sut.app.get(RemindersService);
    // 2026-11-25 is a Wednesday: digests at 08:00 Shanghai (00:00 UTC); the summary waits for Monday.
    expect(await reminders.buildDueSlots(new Date('2026-11-24T23:59:00Z'))).toBe(0);
    expect(await reminders.buildDueSlots(new Date('2026-11-25T00:00:00Z'))).toBe(1);
    expect(await reminders.buildDueSlots(new Date('2026-11-25T03:00:00Z'))).toBe(0);
    expect(await reminders.buildDueSlots(new Date('2026-11-28T03:00:00Z'))).toBe(0); // Saturday
    const rows = await sut.dataSource.getRepository(Reminder).find();
    expect(rows.map((r) => [r.slotKind, r.slotDate])).toEqual([['instructor_digest', '2026-11-25']]);
  });
});
