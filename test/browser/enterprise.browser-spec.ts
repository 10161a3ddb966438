import type { Browser, Locator, Page } from 'playwright-core';
import { addDays } from '../../src/common/dates/business-date';
import { aCreditCode } from '../support/factories';
import { Api } from './support/api';
import { launchChromium } from './support/chromium';
import { browserFixture } from './support/fixture';
import { chineseDate, newPage, signIn, typeDate } from './support/pages';

/**
 * The enterprise page (issue 14 items 8, 10 and 16): its details, its rounds and agreements with
 * links, its history in Chinese, 发起协商, and two people saving one enterprise at once.
 */
describe('enterprise page', () => {
  const fixture = browserFixture();
  let browser: Browser;
  let admin: Api;
  let instructorId: number;
  let pages: Page[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    admin = await Api.signIn(fixture.baseUrl, 'admin', fixture.adminPassword);
    const instructors = await admin.get<{ items: Array<{ id: number; username: string }> }>('/instructors');
    instructorId = instructors.items.find((user) => user.username === fixture.instructor)!.id;
  });
  afterAll(() => browser.close());
  afterEach(async () => {
    await Promise.all(pages.map((page) => page.context().close()));
    pages = [];
  });

  async function open(username: string, password: string, home: string, width = 1280): Promise<Page> {
    const page = await newPage(browser, fixture);
    pages.push(page);
    await page.setViewportSize({ width, height: 900 });
    await signIn(page, username, password, home);
    return page;
  }

  /** A PATCH as another user would send it, behind the page's back. */
  async function patch(path: string, body: unknown): Promise<void> {
    const response = await fetch(`${fixture.baseUrl}/api/v1${path}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${admin.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`PATCH ${path}: ${response.status} ${await response.text()}`);
  }

  let counter = 0;
  /**
   * An enterprise of the fixture's instructor, with its own name so that tests do not meet. No
   * union by default: the browser files share one county, and the report spec counts the
   * unionised enterprises of the seed, whichever file runs first.
   */
  async function anEnterprise(fields: Record<string, unknown> = {}): Promise<{ id: number; name: string }> {
    counter += 1;
    return admin.post('/enterprises', {
      name: `金山测试企业${counter}有限公司`,
      creditCode: aCreditCode(),
      ownershipType: 'private',
      township: '金山镇',
      industry: 'C',
      employeeCount: 100,
      unionFoundedOn: null,
      registeredOn: '2010-06-01',
      instructorId,
      ...fields,
    });
  }

  /** True when every element is laid out on one line (an inline box broken across lines has several rects). */
  const onOneLine = (elements: Locator) =>
    elements.evaluateAll((nodes) => nodes.map((node) => node.getClientRects().length === 1));

  it('shows an instructor the form of their enterprise (without the instructor field), the rounds and agreements by state with links, the history in Chinese, and 发起协商', async () => {
    const { today } = fixture;
    const enterprise = await anEnterprise();
    const expired = await admin.post<{ id: number }>('/agreements/historical', {
      agreementKind: 'comprehensive',
      scope: 'enterprise',
      enterpriseIds: [enterprise.id],
      signedOn: addDays(today, -800),
      effectiveOn: addDays(today, -790),
      expiresOn: addDays(today, -60),
      coveredEmployees: 90,
    });
    const inForce = await admin.post<{ id: number }>('/agreements/historical', {
      agreementKind: 'wage',
      scope: 'enterprise',
      enterpriseIds: [enterprise.id],
      signedOn: addDays(today, -50),
      effectiveOn: addDays(today, -40),
      expiresOn: addDays(today, 600),
      coveredEmployees: 95,
    });
    const round = await admin.post<{ id: number }>('/negotiations', {
      agreementKind: 'women',
      scope: 'enterprise',
      enterpriseIds: [enterprise.id],
      title: '女职工专项协商（浏览器测试）',
    });
    await patch(`/enterprises/${enterprise.id}`, { employeeCount: 120, closedOn: null });

    // A narrow screen: where dates would wrap if they could.
    const page = await open(fixture.instructor, fixture.password, '/workbench', 900);
    await page.goto('/enterprises');
    await page.getByTestId('enterprise-search').fill(enterprise.name);
    // The search has answered (one enterprise found) and the table no longer loads.
    await page.getByTestId('enterprise-pagination').getByText('共 1 条').waitFor();
    await page.getByTestId('enterprise-table').locator('.el-loading-mask').waitFor({ state: 'hidden' });
    const link = page.getByTestId('enterprise-table').getByRole('link', { name: enterprise.name });
    await expect(link.getAttribute('href')).resolves.toBe(`/enterprises/${enterprise.id}`);
    await link.click();
    await page.waitForURL(`**/enterprises/${enterprise.id}`);

    // Their own enterprise: the form, as the API allows, but not the choice of its instructor.
    await page.getByTestId('enterprise-form').waitFor();
    await expect(page.getByTestId('enterprise-title').innerText()).resolves.toContain(enterprise.name);
    await expect(page.getByTestId('enterprise-save').count()).resolves.toBe(1);
    await expect(page.getByTestId('enterprise-instructor').count()).resolves.toBe(0);

    const start = page.getByTestId('enterprise-start-round');
    await expect(start.getAttribute('href')).resolves.toBe(
      `/negotiations?new=1&enterpriseId=${enterprise.id}`,
    );

    const linksIn = (group: string) =>
      page.getByTestId(`enterprise-negotiations-${group}`).getByTestId('enterprise-negotiation-link');
    await linksIn('open').first().waitFor();
    await expect(
      linksIn('open').evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
    ).resolves.toEqual([`/negotiations/${round.id}`]);
    await expect(linksIn('open').innerText()).resolves.toBe('女职工专项协商（浏览器测试）');
    await expect(linksIn('inForce').getAttribute('href')).resolves.toBe(`/negotiations/${inForce.id}`);
    await expect(linksIn('past').getAttribute('href')).resolves.toBe(`/negotiations/${expired.id}`);
    await expect(page.getByTestId('enterprise-negotiations-inForce').innerText()).resolves.toContain(
      `${chineseDate(addDays(today, -40))} 至 ${chineseDate(addDays(today, 600))}`,
    );
    await expect(page.getByTestId('enterprise-negotiations-past').innerText()).resolves.toContain(
      `${chineseDate(addDays(today, -60))}到期`,
    );

    // The history: newest first, who and what, with the fields and values in Chinese.
    const entries = page.getByTestId('history-entry');
    await entries.first().waitFor();
    await expect(entries.count()).resolves.toBe(2);
    const update = entries.nth(0);
    await expect(update.getByTestId('history-actor').innerText()).resolves.toBe('系统管理员');
    await expect(update.innerText()).resolves.toContain('修改');
    await expect(
      update.locator('[data-testid="history-change"][data-field="employeeCount"]').innerText(),
    ).resolves.toBe('100 → 120');
    await expect(update.locator('dt').allInnerTexts()).resolves.toEqual(['职工人数']);
    const created = entries.nth(1);
    await expect(created.innerText()).resolves.toContain('创建');
    await expect(created.locator('dt').allInnerTexts()).resolves.toEqual(
      expect.arrayContaining(['企业名称', '所有制类型', '成立日期', '指导员']),
    );
    await expect(
      created.locator('[data-testid="history-change"][data-field="ownershipType"]').innerText(),
    ).resolves.toBe('私营企业');

    // Dates never break between two characters, even on this narrow screen.
    const dates = page.locator('[data-testid="round-date"], [data-testid="history-at"]');
    await expect(dates.count()).resolves.toBeGreaterThan(4);
    await expect(onOneLine(dates)).resolves.not.toContain(false);
  });

  it('shows a supervisor the same page read-only, without 发起协商', async () => {
    // With a union, to show its date; closed today, so that no report as of today counts it.
    const enterprise = await anEnterprise({ unionFoundedOn: '2019-04-28', closedOn: fixture.today });
    const page = await open(fixture.supervisor, fixture.password, '/reports');
    await page.goto(`/enterprises/${enterprise.id}`);
    const details = page.getByTestId('enterprise-details');
    await details.waitFor();
    await expect(details.getByTestId('detail-ownershipType').innerText()).resolves.toBe('私营企业');
    await expect(details.getByTestId('detail-industry').innerText()).resolves.toBe('C 制造业');
    await expect(details.getByTestId('detail-unionFoundedOn').innerText()).resolves.toBe('2019年4月28日');
    await expect(details.getByTestId('detail-instructorId').innerText()).resolves.toBe('王指导');
    await page.getByTestId('history-entry').first().waitFor();
    await expect(page.getByTestId('enterprise-negotiations-open').innerText()).resolves.toContain('无');
    await expect(page.getByTestId('enterprise-form').count()).resolves.toBe(0);
    await expect(page.getByTestId('enterprise-start-round').count()).resolves.toBe(0);
  });

  it('lets an admin record 会员人数 and 职代会建立日期, and shows them in the history and to a supervisor', async () => {
    const enterprise = await anEnterprise({ closedOn: fixture.today }); // closed: no report as of today counts it
    const page = await open('admin', fixture.adminPassword, '/negotiations');
    await page.goto(`/enterprises/${enterprise.id}`);
    await page.getByTestId('enterprise-form').waitFor();
    await page.getByTestId('enterprise-members').locator('input').fill('86');
    await typeDate(page.getByTestId('enterprise-workersCongressOn'), '2021-04-15');
    const answer = page.waitForResponse(
      (response) =>
        response.url().endsWith(`/enterprises/${enterprise.id}`) && response.request().method() === 'PATCH',
    );
    await page.getByTestId('enterprise-save').click();
    const saved = await answer;
    expect(saved.status()).toBe(200);
    expect(saved.request().postDataJSON()).toMatchObject({
      memberCount: 86,
      workersCongressOn: '2021-04-15',
      expectedVersion: 1,
    });
    await expect(admin.get(`/enterprises/${enterprise.id}`)).resolves.toMatchObject({
      memberCount: 86,
      workersCongressOn: '2021-04-15',
      version: 2,
    });
    const change = (field: string) =>
      page
        .getByTestId('history-entry')
        .first()
        .locator(`[data-testid="history-change"][data-field="${field}"]`);
    await change('memberCount').waitFor();
    await expect(change('memberCount').innerText()).resolves.toBe('（空） → 86');
    await expect(change('workersCongressOn').innerText()).resolves.toBe(
      `（空） → ${chineseDate('2021-04-15')}`,
    );
    await expect(page.getByTestId('history-entry').first().locator('dt').allInnerTexts()).resolves.toEqual([
      '会员人数',
      '职代会建立日期',
    ]);

    const reader = await open(fixture.supervisor, fixture.password, '/reports');
    await reader.goto(`/enterprises/${enterprise.id}`);
    const details = reader.getByTestId('enterprise-details');
    await details.waitFor();
    await expect(details.getByTestId('detail-memberCount').innerText()).resolves.toBe('86');
    await expect(details.getByTestId('detail-workersCongressOn').innerText()).resolves.toBe('2021年4月15日');
  });

  it('tells the second of two admins saving one enterprise that someone changed it, and keeps what they typed', async () => {
    const enterprise = await anEnterprise();
    const first = await open('admin', fixture.adminPassword, '/negotiations');
    const second = await open('admin', fixture.adminPassword, '/negotiations');
    for (const page of [first, second]) {
      await page.goto(`/enterprises/${enterprise.id}`);
      await page.getByTestId('enterprise-form').waitFor();
    }
    await expect(first.getByTestId('enterprise-start-round').getAttribute('href')).resolves.toBe(
      `/negotiations?new=1&enterpriseId=${enterprise.id}`,
    );
    const employees = (page: Page) => page.getByTestId('enterprise-employees').locator('input');
    // Element Plus puts an el-input's attributes on its <input>.
    const community = (page: Page) => page.getByTestId('enterprise-community');
    const save = async (page: Page) => {
      const answer = page.waitForResponse(
        (response) =>
          response.url().endsWith(`/enterprises/${enterprise.id}`) && response.request().method() === 'PATCH',
      );
      await page.getByTestId('enterprise-save').click();
      return (await answer).status();
    };

    await employees(second).fill('130');
    await expect(save(second)).resolves.toBe(200);

    await employees(first).fill('150');
    await community(first).fill('家和社区');
    await expect(save(first)).resolves.toBe(409);
    const conflict = first.getByTestId('enterprise-conflict');
    await expect(conflict.innerText()).resolves.toContain('在您编辑期间，他人已修改并保存了该企业的信息');
    // Nothing typed is lost, and nothing was saved.
    await expect(employees(first).inputValue()).resolves.toBe('150');
    await expect(community(first).inputValue()).resolves.toBe('家和社区');
    await expect(
      admin.get<{ employeeCount: number }>(`/enterprises/${enterprise.id}`),
    ).resolves.toMatchObject({
      employeeCount: 130,
      community: null,
    });

    await conflict.getByTestId('enterprise-reload').click();
    const unsaved = first.getByTestId('enterprise-unsaved');
    await unsaved.waitFor();
    // The current values in the form, what was typed beside them.
    await expect(employees(first).inputValue()).resolves.toBe('130');
    await expect(community(first).inputValue()).resolves.toBe('');
    const row = (field: string) => unsaved.locator(`tr[data-field="${field}"]`);
    await expect(row('employeeCount').innerText()).resolves.toBe('职工人数\t150\t130');
    await expect(row('community').innerText()).resolves.toBe('村（社区）\t家和社区\t（空）');

    await unsaved.getByTestId('enterprise-reapply').click();
    await expect(employees(first).inputValue()).resolves.toBe('150');
    await expect(save(first)).resolves.toBe(200);
    await expect(admin.get(`/enterprises/${enterprise.id}`)).resolves.toMatchObject({
      employeeCount: 150,
      community: '家和社区',
    });
    // The history now shows both saves, the latest first.
    await first
      .getByTestId('history-entry')
      .locator('[data-testid="history-change"][data-field="employeeCount"]', { hasText: '130 → 150' })
      .waitFor();
  });
});
