import type { Browser, Page } from 'playwright-core';
import { addDays, daysBetween } from '../../src/common/dates/business-date';
import { nationalDue } from '../support/negotiations';
import { Api } from './support/api';
import { launchChromium } from './support/chromium';
import { browserFixture } from './support/fixture';
import { chineseDate, chooseOption, newPage, signIn, typeDate, typeNames } from './support/pages';

/** An instructor records a round's events through the page's forms (issue 8, negotiation page). */
describe('negotiation page (instructor)', () => {
  const fixture = browserFixture();
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser.close());

  beforeEach(async () => {
    page = await newPage(browser, fixture);
    await signIn(page, fixture.instructor, fixture.password, '/workbench');
  });
  afterEach(() => page.context().close());

  const field = (name: string) => page.getByTestId(`field-${name}`);
  const deadline = (kind: string) =>
    page.getByTestId('deadlines-table').locator('tr', { has: page.locator(`[data-kind="${kind}"]`) });

  async function chooseEvent(type: string): Promise<void> {
    await page.getByTestId('event-select').click();
    await page.getByTestId(`event-option-${type}`).click();
  }

  async function submitAndWait(): Promise<void> {
    const answer = page.waitForResponse(
      (response) => response.url().endsWith('/events') && response.request().method() === 'POST',
    );
    await page.getByTestId('event-submit').click();
    await answer;
  }

  it('opens a round from the workbench, records the offer and its acceptance, and follows stage and deadlines', async () => {
    const { id, title } = fixture.negotiations.offer;
    await page.getByTestId('my-negotiations').getByRole('link', { name: title }).click();
    await page.waitForURL(`**/negotiations/${id}`);
    await expectStage('invitation', '要约');
    await expect(deadline('offer_reply').count()).resolves.toBe(0);

    await chooseEvent('OFFER_SENT');
    await field('sentBy').getByText('工会（职工方）').click();
    await typeDate(field('receivedOn'), fixture.today);
    await submitAndWait();

    // The reply is due 20 days after receipt (集体合同规定第三十二条), shown with the rule; a last
    // day on a rest day moves to the next working day (民法典 art. 203), so the offset varies.
    const reply = deadline('offer_reply');
    const replyDue = nationalDue(fixture.today, 20);
    await reply.waitFor();
    await expect(reply.innerText()).resolves.toContain(chineseDate(replyDue));
    await expect(reply.innerText()).resolves.toContain('集体合同规定第三十二条');
    await expect(reply.getByTestId('due-status').innerText()).resolves.toBe(
      `还剩 ${daysBetween(fixture.today, replyDue)} 天`,
    );
    await expectStage('invitation', '要约');

    await chooseEvent('OFFER_ACCEPTED');
    await submitAndWait();
    await expectStage('preparation', '确定代表');
    await reply.waitFor({ state: 'detached' });
    await expect(page.getByTestId('history-item').count()).resolves.toBe(2);
    await expect(page.getByTestId('negotiation-version').innerText()).resolves.toBe('第 2 版');
  });

  it('names the rule that refuses an event: the form’s own check first, then the API’s', async () => {
    const { id } = fixture.negotiations.rules;
    await page.goto(`/negotiations/${id}`);
    await expectStage('preparation', '确定代表');

    await chooseEvent('REPRESENTATIVES_CONFIRMED');
    await typeNames(field('workerReps'), ['陈一', '陈二']);
    await typeNames(field('employerReps'), ['林一', '林二']);
    await chooseOption(page, field('workerChief'), '陈一');
    await chooseOption(page, field('employerChief'), '林一');
    let sent = false;
    page.on('request', (request) => (sent ||= request.method() === 'POST'));
    await page.getByTestId('event-submit').click();
    await expect(errorOf('workerReps')).resolves.toBe('每方代表不少于 3 人（集体合同规定第十九条）');
    expect(sent).toBe(false);

    await typeNames(field('workerReps'), ['陈三']);
    await typeNames(field('employerReps'), ['林三']);
    await submitAndWait();
    await expectStage('consultation', '协商');

    // The form checks that the resume date follows the suspension; the API also caps the pause at 60 days.
    await chooseEvent('SUSPENDED');
    await typeDate(field('resumeOn'), addDays(fixture.today, 90));
    await submitAndWait();
    // The rule in Chinese with its article, then the API's own words.
    const refusal = await errorOf('resumeOn');
    expect(refusal).toContain('集体合同规定第三十五条');
    expect(refusal).toContain('suspensions are capped at 60 days');
    await expectStage('consultation', '协商');
  });

  it('says so and reloads when someone else changed the round first', async () => {
    const { id } = fixture.negotiations.stale;
    await page.goto(`/negotiations/${id}`);
    await expect(page.getByTestId('negotiation-version').innerText()).resolves.toBe('第 0 版');

    const colleague = await Api.signIn(fixture.baseUrl, 'admin', fixture.adminPassword);
    await colleague.post(`/negotiations/${id}/events`, {
      type: 'OFFER_SENT',
      occurredOn: fixture.today,
      sentBy: 'employer',
      receivedOn: fixture.today,
      expectedVersion: 0,
    });

    await chooseEvent('OFFER_SENT');
    await field('sentBy').getByText('工会（职工方）').click();
    await typeDate(field('receivedOn'), fixture.today);
    await submitAndWait();
    await expect(page.getByTestId('event-conflict').innerText()).resolves.toContain(
      '他人已更新此协商，已重新载入',
    );
    await page.getByTestId('negotiation-version').getByText('第 1 版').waitFor();
    await deadline('offer_reply').waitFor();
    await expect(page.getByTestId('history-item').count()).resolves.toBe(1);
  });

  async function expectStage(key: string, title: string): Promise<void> {
    await page.locator(`[data-testid="stage-steps"][data-stage="${key}"]`).waitFor();
    await expect(
      page.getByTestId('stage-steps').locator('.el-step__title.is-process').innerText(),
    ).resolves.toBe(title);
  }

  function errorOf(name: string): Promise<string> {
    return field(name).locator('.el-form-item__error').innerText();
  }
});
