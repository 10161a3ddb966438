import type { Browser, Page } from 'playwright-core';
import { aCreditCode } from '../support/factories';
import { Api } from './support/api';
import { launchChromium } from './support/chromium';
import { browserFixture } from './support/fixture';
import { newPage, signIn } from './support/pages';

interface NegotiationAnswer {
  id: number;
  version: number;
  deadlines: { kind: string; dueOn: string; unit: string; calendarMissing: boolean }[];
}

/**
 * How the negotiation page says how a deadline was counted: the 工作日 tag beside a limit the
 * county counts in working days (the browser app's rule set counts publication so), and the plain
 * warning under a date counted without the year in the working-day calendar (a round of a year
 * before the first the official data holds).
 */
describe('deadlines and the working-day calendar (negotiation page)', () => {
  const fixture = browserFixture();
  let browser: Browser;
  let admin: Api;
  let pages: Page[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    admin = await Api.signIn(fixture.baseUrl, 'admin', fixture.adminPassword);
  });
  afterAll(() => browser.close());
  afterEach(async () => {
    await Promise.all(pages.map((page) => page.context().close()));
    pages = [];
  });

  async function aRound(title: string): Promise<NegotiationAnswer> {
    const enterprise = await admin.post<{ id: number }>('/enterprises', {
      name: `金山日历测试${aCreditCode().slice(-5)}有限公司`,
      creditCode: aCreditCode(),
      ownershipType: 'private',
      township: '金山镇',
      industry: 'C',
      employeeCount: 120,
      unionFoundedOn: '2000-03-01',
      registeredOn: '2000-01-01',
    });
    return admin.post<NegotiationAnswer>('/negotiations', {
      agreementKind: 'comprehensive',
      scope: 'enterprise',
      enterpriseIds: [enterprise.id],
      title,
    });
  }

  async function record(
    round: NegotiationAnswer,
    events: Record<string, unknown>[],
  ): Promise<NegotiationAnswer> {
    let current = round;
    for (const event of events) {
      current = await admin.post<NegotiationAnswer>(`/negotiations/${round.id}/events`, {
        ...event,
        expectedVersion: current.version,
      });
    }
    return current;
  }

  /** The negotiation's page as an admin; `row(kind)` is the deadlines table's row of that kind. */
  async function openRound(id: number) {
    const page = await newPage(browser, fixture);
    pages.push(page);
    await signIn(page, 'admin', fixture.adminPassword, '/negotiations');
    await page.goto(`/negotiations/${id}`);
    const table = page.getByTestId('deadlines-table');
    await table.waitFor();
    return (kind: string) => table.locator('tr', { has: page.locator(`[data-kind="${kind}"]`) });
  }

  it('tags a deadline counted in working days (工作日)', async () => {
    const on = fixture.today;
    const round = await record(await aRound('浏览器测试：工作日'), [
      { type: 'OFFER_SENT', occurredOn: on, sentBy: 'union', receivedOn: on },
      { type: 'OFFER_ACCEPTED', occurredOn: on },
      {
        type: 'REPRESENTATIVES_CONFIRMED',
        occurredOn: on,
        workerReps: ['王芳', '李强', '张伟'],
        employerReps: ['刘洋', '陈静', '杨磊'],
        workerChief: '王芳',
        employerChief: '刘洋',
      },
      { type: 'DRAFT_AGREED', occurredOn: on },
      { type: 'VOTE_RECORDED', occurredOn: on, total: 100, present: 80, inFavour: 60 },
      { type: 'SIGNED', occurredOn: on, termMonths: 12, coveredEmployees: 100 },
      { type: 'SUBMITTED_FOR_REVIEW', occurredOn: on },
      { type: 'REVIEW_APPROVED', occurredOn: on },
    ]);
    const publication = round.deadlines.find((d) => d.kind === 'publication');
    expect(publication).toMatchObject({ unit: 'workday' });

    const row = await openRound(round.id);
    await expect(row('publication').getByTestId('deadline-workday').innerText()).resolves.toBe('工作日');
    // Only that limit: the renewal window and the expiry are counted as the law says (months).
    await expect(row('renewal_window_opens').getByTestId('deadline-workday').count()).resolves.toBe(0);
    await expect(row('publication').getByTestId('deadline-calendar-missing').count()).resolves.toBe(0);
  });

  it('warns under a date counted without its year in the calendar', async () => {
    const calendar = await admin.get<{ years: { year: number }[] }>('/calendar');
    const missing = Math.min(...calendar.years.map((y) => y.year)) - 1;
    const receivedOn = `${missing}-06-10`;
    const round = await record(await aRound('浏览器测试：日历缺年度'), [
      { type: 'OFFER_SENT', occurredOn: receivedOn, sentBy: 'union', receivedOn },
    ]);
    expect(round.deadlines.find((d) => d.kind === 'offer_reply')).toMatchObject({
      dueOn: `${missing}-06-30`,
      calendarMissing: true,
    });

    const row = await openRound(round.id);
    await expect(row('offer_reply').getByTestId('deadline-calendar-missing').innerText()).resolves.toBe(
      '该年度的节假日安排尚未导入，期限按自然日计算',
    );
    await expect(row('stalled').getByTestId('deadline-calendar-missing').count()).resolves.toBe(0);
  });
});
