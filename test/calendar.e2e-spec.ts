import request from 'supertest';
import { CalendarService } from '../src/calendar/calendar.service';
import { CalendarYear } from '../src/calendar/calendar-year.entity';
import { readOfficialCalendar } from '../src/calendar/official-calendar';
import { Clock } from '../src/common/clock/clock';
import { addDays } from '../src/common/dates/business-date';
import { isWeekend } from '../src/common/dates/work-calendar';
import { Deadline } from '../src/negotiations/entities/deadline.entity';
import { NATIONAL_RULE_SET, resolveRuleSet } from '../src/negotiations/workflow';
import { Reminder } from '../src/reminders/reminder.entity';
import { RemindersService } from '../src/reminders/reminders.service';
import { anEnterprise } from './support/factories';
import { aNegotiation, anEnterpriseId, record, toSigning } from './support/negotiations';
import { createTestApp, type TestApp, type TestConfig } from './support/test-app';
import { aSignedInUser, type SignedInUser } from './support/users';

const official = readOfficialCalendar();
/** The first year the package does not know: deadlines in it are counted in calendar days. */
const MISSING = Math.max(...official.years.map((y) => y.year)) + 1;
/** "Today" for these tests: late December before the missing year (every date below is past). */
const TODAY = `${MISSING - 1}-12-28`;

async function startApp(overrides: TestConfig = {}): Promise<TestApp> {
  const sut = await createTestApp(overrides);
  jest.spyOn(sut.app.get(Clock), 'now').mockReturnValue(new Date(`${TODAY}T02:00:00Z`));
  return sut;
}

/** Truncated between tests: the calendar is read again (the package's years, no admin's). */
async function reset(sut: TestApp): Promise<void> {
  await sut.reset();
  await sut.app.get(CalendarService).refresh();
}

const deadlineOf = (body: { deadlines: { kind: string }[] }, kind: string) =>
  body.deadlines.find((d) => d.kind === kind);

describe('The working-day calendar (e2e)', () => {
  let sut: TestApp;
  let admin: SignedInUser;
  let instructor: SignedInUser;

  beforeAll(async () => {
    sut = await startApp();
  });
  beforeEach(async () => {
    admin = await aSignedInUser(sut, 'admin');
    instructor = await aSignedInUser(sut, 'instructor');
  });
  afterEach(() => reset(sut));
  afterAll(async () => {
    jest.restoreAllMocks();
    await sut.close();
  });

  const put = (year: number | string, body: object, as = admin) =>
    request(sut.http).put(`/api/v1/calendar/${year}`).set(as.auth).send(body);

  it('answers a year of the package to everyone signed in: the 2026 National Day week and its 调休', async () => {
    const res = await request(sut.http).get('/api/v1/calendar/2026').set(instructor.auth).expect(200);
    expect(res.body).toMatchObject({ year: 2026, source: official.source, updatedBy: null });
    expect(official.source).toMatch(/^chinese-days@\d+\.\d+\.\d+$/);
    for (let day = 1; day <= 7; day += 1) expect(res.body.holidays).toContain(`2026-10-0${day}`);
    // 2026-09-20 (Sunday) and 2026-10-10 (Saturday) are working days.
    expect(res.body.workdays).toEqual(expect.arrayContaining(['2026-09-20', '2026-10-10']));
    expect(res.body.workdays.every(isWeekend)).toBe(true);

    await request(sut.http).get('/api/v1/calendar/2026').expect(401);
    const missing = await request(sut.http)
      .get(`/api/v1/calendar/${MISSING}`)
      .set(instructor.auth)
      .expect(404);
    expect(missing.body.code).toBe('CALENDAR.YEAR_NOT_FOUND');
    await request(sut.http).get('/api/v1/calendar/20x6').set(instructor.auth).expect(422);
  });

  it('seeds the years the package knows into the database, never over a year an admin replaced', async () => {
    const calendar = sut.app.get(CalendarService);
    expect(await calendar.seed()).toHaveLength(official.years.length);
    const rows = await sut.dataSource.getRepository(CalendarYear).find();
    expect(rows.map((row) => row.year).sort()).toEqual(official.years.map((y) => y.year));
    expect(new Set(rows.map((row) => row.source))).toEqual(new Set([official.source]));
    expect(await calendar.seed()).toEqual([]); // already there

    await put(2026, { holidays: ['2026-10-01'], workdays: [] }).expect(200);
    expect(await calendar.seed()).toEqual([]);
    const year = await request(sut.http).get('/api/v1/calendar/2026').set(instructor.auth).expect(200);
    expect(year.body).toMatchObject({
      source: 'admin',
      holidays: ['2026-10-01'],
      workdays: [],
      updatedBy: { id: admin.id, username: admin.username },
    });
    const list = await request(sut.http).get('/api/v1/calendar').set(instructor.auth).expect(200);
    expect(list.body.years).toContainEqual({ year: 2026, source: 'admin' });
    expect(list.body.officialSource).toBe(official.source);
  });

  it('lets only admins replace a year, and refuses dates that cannot be right, naming the field', async () => {
    const body = { holidays: [`${MISSING}-01-01`], workdays: [] };
    await put(MISSING, body, instructor).expect(403);
    const supervisor = await aSignedInUser(sut, 'supervisor');
    await put(MISSING, body, supervisor).expect(403);
    await request(sut.http).put(`/api/v1/calendar/${MISSING}`).send(body).expect(401);

    const problems = async (payload: object) => {
      const res = await put(MISSING, payload).expect(422);
      expect(res.body.code).toBe('CALENDAR.BAD_DATES');
      return res.body.errors as { field: string; message: string }[];
    };
    expect(await problems({ holidays: [`${MISSING - 1}-12-31`], workdays: [] })).toEqual([
      { field: 'holidays[0]', message: expect.stringContaining(`不在 ${MISSING} 年内`) },
    ]);
    const weekday = firstDay(MISSING, (date) => !isWeekend(date));
    const saturday = firstDay(MISSING, (date) => new Date(`${date}T00:00:00Z`).getUTCDay() === 6);
    expect(await problems({ holidays: [], workdays: [weekday] })).toEqual([
      { field: 'workdays[0]', message: expect.stringContaining('调休上班日') },
    ]);
    expect(await problems({ holidays: [weekday, weekday], workdays: [] })).toEqual([
      { field: 'holidays[1]', message: expect.stringContaining('重复') },
    ]);
    expect(await problems({ holidays: [saturday], workdays: [saturday] })).toEqual([
      { field: 'workdays[0]', message: expect.stringContaining('同时列为节假日') },
    ]);
    expect(await problems({ holidays: [`${MISSING}-02-30`], workdays: [] })).toEqual([
      { field: 'holidays[0]', message: expect.stringContaining('不是有效日期') },
    ]);
    const notAList = await put(MISSING, { holidays: 'all', workdays: [] }).expect(422);
    expect(notAList.body.errors[0].field).toBe('holidays');
    await put(MISSING, { holidays: [], workdays: [], extra: 1 }).expect(400);
    await put('1999', body).expect(422);
    expect(await sut.dataSource.getRepository(CalendarYear).countBy({ year: MISSING })).toBe(0);

    // A weekend day listed as a holiday is fine (a holiday block names its weekend days).
    const res = await put(MISSING, { holidays: [saturday, weekday], workdays: [] }).expect(200);
    expect(res.body).toMatchObject({ year: MISSING, source: 'admin', holidays: [weekday, saturday].sort() });
  });

  it('moves a reply due on 1 October 2026 to the first working day after the National Day holiday (民法典 art. 203)', async () => {
    const enterpriseId = await anEnterpriseId(sut, admin, instructor.id);
    const negotiation = await aNegotiation(sut, instructor, { enterpriseIds: [enterpriseId] });
    // Received 2026-09-11: 20 calendar days end on 2026-10-01, a holiday until 2026-10-07.
    const offered = await record(sut, instructor, negotiation, [
      { type: 'OFFER_SENT', occurredOn: '2026-09-11', sentBy: 'union', receivedOn: '2026-09-11' },
    ]);
    expect(deadlineOf(offered, 'offer_reply')).toMatchObject({
      dueOn: '2026-10-08',
      unit: 'calendar',
      calendarMissing: false,
    });
    const stored = await sut.dataSource.getRepository(Deadline).findOneByOrFail({ kind: 'offer_reply' });
    expect(stored).toMatchObject({ dueOn: '2026-10-08', unit: 'calendar', calendarMissing: false });
    const read = await request(sut.http)
      .get(`/api/v1/negotiations/${negotiation.id}`)
      .set(admin.auth)
      .expect(200);
    expect(deadlineOf(read.body, 'offer_reply')).toMatchObject({
      dueOn: '2026-10-08',
      calendarMissing: false,
    });
    expect(deadlineOf(read.body, 'stalled')).toMatchObject({ unit: 'calendar', calendarMissing: false });
  });

  it('ends a review period due on 1 October 2026 on 8 October, written on the submission; the timer puts the agreement in force that day', async () => {
    const enterpriseId = await anEnterpriseId(sut, admin, instructor.id);
    const negotiation = await aNegotiation(sut, instructor, { enterpriseIds: [enterpriseId] });
    const signed = await record(sut, instructor, negotiation, toSigning('2026-08-20'));
    // Received 16 September: 15 days (集体合同规定 art. 47) end on 1 October, a holiday until the 7th.
    const submission = { type: 'SUBMITTED_FOR_REVIEW', occurredOn: '2026-09-16' };
    const sent = await request(sut.http)
      .post(`/api/v1/negotiations/${negotiation.id}/events`)
      .set(instructor.auth)
      .send({ ...submission, reviewEndsOn: '2026-12-31', expectedVersion: signed.version })
      .expect(400);
    expect(sent.body.errors).toEqual([expect.objectContaining({ field: 'reviewEndsOn' })]);

    const submitted = await record(sut, instructor, { ...negotiation, version: signed.version }, [
      submission,
    ]);
    expect(deadlineOf(submitted, 'review_period_end')).toMatchObject({
      dueOn: '2026-10-08',
      calendarMissing: false,
    });
    const events = await request(sut.http)
      .get(`/api/v1/negotiations/${negotiation.id}/events`)
      .set(instructor.auth)
      .expect(200);
    expect(events.body.at(-1)).toMatchObject({
      type: 'SUBMITTED_FOR_REVIEW',
      payload: { reviewEndsOn: '2026-10-08' },
    });

    const fired = await request(sut.http).post('/api/v1/timers/run').set(admin.auth).send({}).expect(200);
    expect(fired.body.fired).toBe(1);
    const read = await request(sut.http)
      .get(`/api/v1/negotiations/${negotiation.id}`)
      .set(instructor.auth)
      .expect(200);
    expect(read.body).toMatchObject({ stage: 'in_force', agreement: { effectiveOn: '2026-10-08' } });
  });

  it('counts in calendar days, unmoved, and says so, when the calendar lacks the year', async () => {
    const enterpriseId = await anEnterpriseId(sut, admin, instructor.id);
    const negotiation = await aNegotiation(sut, instructor, { enterpriseIds: [enterpriseId] });
    const receivedOn = `${MISSING - 1}-12-15`; // due on ${MISSING}-01-04, within the agenda's week
    const offered = await record(sut, instructor, negotiation, [
      { type: 'OFFER_SENT', occurredOn: receivedOn, sentBy: 'union', receivedOn },
    ]);
    expect(deadlineOf(offered, 'offer_reply')).toMatchObject({
      dueOn: addDays(receivedOn, 20),
      unit: 'calendar',
      calendarMissing: true,
    });
    const read = await request(sut.http)
      .get(`/api/v1/negotiations/${negotiation.id}`)
      .set(admin.auth)
      .expect(200);
    expect(deadlineOf(read.body, 'offer_reply')).toMatchObject({ calendarMissing: true });
    // The instructor's agenda (the workbench) carries the same flag.
    const agenda = await request(sut.http).get('/api/v1/me/agenda').set(instructor.auth).expect(200);
    expect(agenda.body.items).toContainEqual(
      expect.objectContaining({ kind: 'offer_reply', dueOn: addDays(receivedOn, 20), calendarMissing: true }),
    );
  });

  it('recounts the open deadlines when an admin loads the missing year', async () => {
    const enterpriseId = await anEnterpriseId(sut, admin, instructor.id);
    const negotiation = await aNegotiation(sut, instructor, { enterpriseIds: [enterpriseId] });
    const receivedOn = `${MISSING - 1}-12-15`; // 20 days: ${MISSING}-01-04, counted without the year
    await record(sut, instructor, negotiation, [
      { type: 'OFFER_SENT', occurredOn: receivedOn, sentBy: 'union', receivedOn },
    ]);
    const holidays = [1, 2, 3, 4, 5].map((day) => `${MISSING}-01-0${day}`);
    // The first day after the holidays that is not a weekend (no 调休 given): the reply's new last day.
    let expected = `${MISSING}-01-06`;
    while (isWeekend(expected)) expected = addDays(expected, 1);

    const loaded = await put(MISSING, { holidays, workdays: [] }).expect(200);
    expect(loaded.body.recountedDeadlines).toBe(1);
    const read = await request(sut.http)
      .get(`/api/v1/negotiations/${negotiation.id}`)
      .set(instructor.auth)
      .expect(200);
    expect(deadlineOf(read.body, 'offer_reply')).toMatchObject({ dueOn: expected, calendarMissing: false });
    const stored = await sut.dataSource.getRepository(Deadline).findOneByOrFail({ kind: 'offer_reply' });
    expect(stored).toMatchObject({ dueOn: expected, calendarMissing: false });

    // The same year again changes nothing; a year no deadline reaches changes nothing either.
    expect((await put(MISSING, { holidays, workdays: [] }).expect(200)).body.recountedDeadlines).toBe(0);
    expect(
      (await put(MISSING - 5, { holidays: [`${MISSING - 5}-01-01`], workdays: [] }).expect(200)).body
        .recountedDeadlines,
    ).toBe(0);
  });

  it('reminds admins in December to load next year while the calendar lacks it', async () => {
    const before = await request(sut.http).get('/api/v1/calendar').set(admin.auth).expect(200);
    expect(before.body.nextYear).toEqual({ year: MISSING, loaded: false, remindToLoad: true });
    await put(MISSING, { holidays: [`${MISSING}-01-01`], workdays: [] }).expect(200);
    const after = await request(sut.http).get('/api/v1/calendar').set(admin.auth).expect(200);
    expect(after.body.nextYear).toEqual({ year: MISSING, loaded: true, remindToLoad: false });
  });

  describe('the digest schedule', () => {
    async function anInstructorWithAnItem(): Promise<void> {
      await request(sut.http)
        .post('/api/v1/enterprises')
        .set(admin.auth)
        .send(anEnterprise({ name: '待签企业', instructorId: instructor.id, unionFoundedOn: '2020-01-01' }))
        .expect(201);
    }
    /** Digests built at 08:00 Shanghai (00:00 UTC) on `date` by the default daily schedule. */
    const digestsOn = (date: string) =>
      sut.app.get(RemindersService).buildDueSlots(new Date(`${date}T00:00:00Z`));

    it('goes out on a 调休 Saturday and not on a holiday Monday or an ordinary Saturday', async () => {
      await anInstructorWithAnItem();
      expect(await digestsOn('2026-10-05')).toBe(0); // Monday, National Day holiday
      expect(await digestsOn('2026-10-17')).toBe(0); // an ordinary Saturday
      expect(await digestsOn('2026-10-10')).toBe(1); // Saturday made a working day (调休)
      expect(await digestsOn('2026-10-12')).toBe(1); // an ordinary Monday
      const rows = await sut.dataSource.getRepository(Reminder).findBy({ slotKind: 'instructor_digest' });
      expect(rows.map((row) => row.slotDate).sort()).toEqual(['2026-10-10', '2026-10-12']);
    });

    it('falls back to Monday to Friday in a year the calendar lacks', async () => {
      await anInstructorWithAnItem();
      const monday = firstDay(MISSING, (date) => new Date(`${date}T00:00:00Z`).getUTCDay() === 1, 2);
      const saturday = addDays(monday, 5);
      expect(await digestsOn(saturday)).toBe(0);
      expect(await digestsOn(monday)).toBe(1);
    });
  });
});

describe('A rule set that counts a deadline in working days (e2e)', () => {
  let sut: TestApp;
  const county = resolveRuleSet({
    version: 'county-workdays.1',
    counting: { submission_for_review: { unit: 'workday' } },
  });

  beforeAll(async () => {
    sut = await startApp({
      negotiations: { ruleSets: { all: [NATIONAL_RULE_SET, county], current: county } },
    });
  });
  afterEach(() => reset(sut));
  afterAll(async () => {
    jest.restoreAllMocks();
    await sut.close();
  });

  it('counts 7 working days (工作日) across the National Day holiday and a 调休 Saturday', async () => {
    const admin = await aSignedInUser(sut, 'admin');
    const negotiation = await aNegotiation(sut, admin, {
      enterpriseIds: [await anEnterpriseId(sut, admin)],
    });
    // Signed on Wednesday 2026-09-30. Working days after it: 10-08, 10-09, 10-10 (调休 Saturday),
    // 10-12, 10-13, 10-14, 10-15; 10-01..10-07 are the holiday, 10-11 an ordinary Sunday.
    const signed = await record(sut, admin, negotiation, toSigning('2026-09-10'));
    expect(signed.ruleSetVersion).toBe('county-workdays.1');
    expect(deadlineOf(signed, 'submission_for_review')).toMatchObject({
      dueOn: '2026-10-15',
      unit: 'workday',
      calendarMissing: false,
    });
  });

  it('counts calendar days and flags the deadline when the working days run into a missing year', async () => {
    const admin = await aSignedInUser(sut, 'admin');
    const negotiation = await aNegotiation(sut, admin, {
      enterpriseIds: [await anEnterpriseId(sut, admin)],
    });
    const signedOn = `${MISSING - 1}-12-27`;
    const signed = await record(sut, admin, negotiation, toSigning(addDays(signedOn, -20)));
    expect(deadlineOf(signed, 'submission_for_review')).toMatchObject({
      dueOn: addDays(signedOn, 7),
      unit: 'workday',
      calendarMissing: true,
    });
  });
});

/** The `nth` day of `year` (from 1 January) that `matches`. */
function firstDay(year: number, matches: (date: string) => boolean, nth = 1): string {
  let date = `${year}-01-01`;
  let found = 0;
  for (;;) {
    if (matches(date) && ++found === nth) return date;
    date = addDays(date, 1);
  }
}
