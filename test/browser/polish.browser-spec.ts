/// <reference lib="dom" />
import type { Browser, Locator, Page } from 'playwright-core';
import { addDays } from '../../src/common/dates/business-date';
import { aCreditCode } from '../support/factories';
import { Api } from './support/api';
import { launchChromium } from './support/chromium';
import { browserFixture } from './support/fixture';
import { newPage, signIn } from './support/pages';

const SETTLED = ['in_force', 'expired', 'terminated', 'abandoned'];

/**
 * Chinese dates on screen (`2026年11月25日`) under the selector: how many, those drawn on more
 * than one line (a narrow column breaking one between 年 and 月, or inside the year), and those
 * that could break in a narrower column or with wider fonts (their text may wrap).
 */
function datesIn(
  page: Page,
  selector: string,
): Promise<{ found: number; wrapped: string[]; breakable: string[] }> {
  return page.locator(selector).evaluateAll((roots) => {
    const wrapped: string[] = [];
    const breakable: string[] = [];
    let found = 0;
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of (node.textContent ?? '').matchAll(/\d{4}年\d{1,2}月\d{1,2}日/g)) {
          found += 1;
          const range = document.createRange();
          range.setStart(node, match.index ?? 0);
          range.setEnd(node, (match.index ?? 0) + match[0].length);
          const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
          if (lines.size > 1) wrapped.push(match[0]);
          const whiteSpace = node.parentElement ? getComputedStyle(node.parentElement).whiteSpace : '';
          if (!['nowrap', 'pre'].includes(whiteSpace)) breakable.push(match[0]);
        }
      }
    }
    return { found, wrapped, breakable };
  });
}

/** Issue 14 item 16 (the negotiation screens) and item 17 (the agenda names enterprises apart). */
describe('negotiation screens, polished', () => {
  const fixture = browserFixture();
  let browser: Browser;
  let page: Page;
  let stalled: { id: number; name: string; creditCode: string };

  beforeAll(async () => {
    browser = await launchChromium();
    // A round of the instructor's with nothing recorded for 45 days: stalled, its reply overdue.
    // Its enterprise has no union, so the report tests' counts stay as seeded.
    const admin = await Api.signIn(fixture.baseUrl, 'admin', fixture.adminPassword);
    const me = await Api.signIn(fixture.baseUrl, fixture.instructor, fixture.password);
    const name = '金山停滞测试有限公司';
    const creditCode = aCreditCode();
    const enterprise = await admin.post<{ id: number }>('/enterprises', {
      name,
      creditCode,
      ownershipType: 'private',
      township: '金山镇',
      industry: 'C',
      employeeCount: 60,
      registeredOn: '2011-05-01',
      instructorId: me.user.id,
    });
    const round = await admin.post<{ id: number }>('/negotiations', {
      agreementKind: 'wage',
      scope: 'enterprise',
      enterpriseIds: [enterprise.id],
    });
    const longAgo = addDays(fixture.today, -45);
    await admin.post(`/negotiations/${round.id}/events`, {
      type: 'OFFER_SENT',
      occurredOn: longAgo,
      sentBy: 'union',
      receivedOn: longAgo,
      expectedVersion: 0,
    });
    stalled = { id: round.id, name, creditCode };
  });
  afterAll(() => browser.close());

  beforeEach(async () => {
    page = await newPage(browser, fixture);
    await signIn(page, fixture.instructor, fixture.password, '/workbench');
  });
  afterEach(() => page.context().close());

  // The order is the API's (sort=agenda, docs/api.md, Negotiations), built on the server beside this change.
  it('lists the open rounds first, the agreements in force after them', async () => {
    await page.goto('/negotiations');
    const table = page.getByTestId('negotiations-table');
    await table.locator('[data-stage]').first().waitFor();
    const stages = await table
      .locator('.el-table__body [data-stage]')
      .evaluateAll((tags) => tags.map((tag) => tag.getAttribute('data-stage')!));
    expect(stages.some((stage) => SETTLED.includes(stage))).toBe(true);
    const firstSettled = stages.findIndex((stage) => SETTLED.includes(stage));
    expect(stages.slice(firstSettled).every((stage) => SETTLED.includes(stage))).toBe(true);
    expect(firstSettled).toBeGreaterThan(0);
  });

  it('makes each row a link that opens in a new tab', async () => {
    await page.goto('/negotiations');
    const table = page.getByTestId('negotiations-table');
    const link = table.getByTestId('negotiation-link').first();
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/negotiations\/\d+$/);
    const [opened] = await Promise.all([
      page.context().waitForEvent('page'),
      link.click({ modifiers: ['Control'] }),
    ]);
    await opened.waitForURL(`**${href}`);
    expect(page.url()).toMatch(/\/negotiations$/);
  });

  it('words the rule set and the version, and says when a renewal window opens rather than counting down', async () => {
    const me = await Api.signIn(fixture.baseUrl, fixture.instructor, fixture.password);
    const inForce = await me.get<{ items: Array<{ id: number }> }>('/negotiations?stage=in_force');
    await page.goto(`/negotiations/${inForce.items[0].id}`);

    const header = page.getByTestId('negotiation-header');
    // The browser tests' app runs a county's own rule set (support/global-setup.ts, BROWSER_RULE_SETS).
    await expect(page.getByTestId('negotiation-rule-set').innerText()).resolves.toBe('适用规则：本地规定');
    await expect(page.getByTestId('negotiation-version').innerText()).resolves.toMatch(/^第 \d+ 版$/);
    await expect(header.innerText()).resolves.not.toMatch(/national-|county-|\bv\d+\b/);

    const renewal = page
      .getByTestId('deadlines-table')
      .locator('tr', { has: page.locator('[data-kind="renewal_window_opens"]') });
    await expect(renewal.getByTestId('due-status').innerText()).resolves.toMatch(/^\d+ 天后开始$/);
  });

  it('shows the stalled tag whole and never breaks a date, on a narrow screen', async () => {
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.goto(`/negotiations/${stalled.id}`);
    const row = page
      .getByTestId('deadlines-table')
      .locator('tr', { has: page.locator('[data-kind="stalled"]') });
    const tag = row.getByTestId('due-status');
    await expect(tag.innerText()).resolves.toBe('已 45 天无新进展');
    await expectWhole(tag);
    // English says it in more words: still whole.
    await page.locator('.app-header').getByText('English').click();
    await expect(tag.innerText()).resolves.toBe('nothing recorded for 45 days');
    await expectWhole(tag);
    await page.locator('.app-header').getByText('中文').click();

    for (const [path, selector] of [
      [`/negotiations/${stalled.id}`, '[data-testid="deadlines-table"], [data-testid="negotiation-header"]'],
      ['/negotiations', '[data-testid="negotiations-table"]'],
      ['/workbench', '.workbench'],
    ]) {
      await page.goto(path);
      await page
        .locator(selector)
        .first()
        .getByText(/\d{4}年/)
        .first()
        .waitFor();
      const { found, wrapped, breakable } = await datesIn(page, selector);
      expect(found).toBeGreaterThan(0);
      expect({ path, wrapped, breakable }).toEqual({ path, wrapped: [], breakable: [] });
    }
  });

  /** Nothing of the tag is hidden: its words fit inside it, and it inside its table cell. */
  async function expectWhole(tag: Locator): Promise<void> {
    const fits = await tag.evaluate((element) => {
      const cell = element.closest('.cell')!.getBoundingClientRect();
      const box = element.getBoundingClientRect();
      return box.right <= cell.right + 0.5 && element.scrollWidth <= element.clientWidth + 0.5;
    });
    expect(fits).toBe(true);
  }

  it('names the agenda’s enterprises with credit code and township', async () => {
    const overdue = page.getByTestId('agenda-overdue');
    await overdue.getByTestId('agenda-link').first().waitFor();
    await expect(overdue.getByTestId('agenda-link').allInnerTexts()).resolves.toContain(
      `${stalled.name}（${stalled.creditCode}，金山镇）`,
    );
  });
});
