import { readFile } from 'node:fs/promises';
import PizZip from 'pizzip';
import type { Browser, Page } from 'playwright-core';
import { aCreditCode } from '../support/factories';
import { Api } from './support/api';
import { launchChromium } from './support/chromium';
import { browserFixture } from './support/fixture';
import { chooseOption, newPage, signIn } from './support/pages';

/**
 * An offer campaign (集中要约行动) from the admin's screens: the form's live preview counts the
 * enterprises of a township, the start runs the campaign in the app's own process (the browser
 * app runs with SCHEDULER=off), and the campaign's page follows it until every eligible
 * enterprise has its offer.
 */
describe('offer campaigns', () => {
  const fixture = browserFixture();
  let browser: Browser;
  let page: Page;
  let admin: Api;
  const TOWNSHIP = '要约镇';

  beforeAll(async () => {
    browser = await launchChromium();
    admin = await Api.signIn(fixture.baseUrl, 'admin', fixture.adminPassword);
    // A township of its own in the first start's root county 本县 (see open-round.browser-spec.ts).
    const units = await admin.get<{ items: { id: number; code: string }[] }>(
      '/org-units?level=county&pageSize=200',
    );
    const county = units.items.find((unit) => unit.code === '999999000000')!;
    const townships = await admin.get<{ items: { name: string }[] }>(
      `/org-units?parentId=${county.id}&pageSize=200`,
    );
    if (!townships.items.some((unit) => unit.name === TOWNSHIP))
      await admin.post('/org-units', {
        code: '999999903',
        name: TOWNSHIP,
        level: 'township',
        parentId: county.id,
      });
    const enterprise = (name: string, employeeCount: number, unionFoundedOn?: string) =>
      admin.post<{ id: number }>('/enterprises', {
        name,
        creditCode: aCreditCode(),
        ownershipType: 'private',
        township: TOWNSHIP,
        industry: 'M',
        employeeCount,
        registeredOn: '2012-03-01',
        ...(unionFoundedOn ? { unionFoundedOn } : {}),
      });
    await enterprise('要约镇精工科技有限公司', 260, '2019-04-01');
    await enterprise('要约镇新材料有限公司', 180, '2020-06-01');
    await enterprise('要约镇食品加工厂', 90, '2021-09-01');
    await enterprise('要约镇未建会小作坊', 12); // no union: left out
  });
  afterAll(() => browser.close());
  afterEach(() => page.context().close());

  it('previews the count, starts, and shows every eligible enterprise with its offer when done', async () => {
    page = await newPage(browser, fixture);
    await signIn(page, 'admin', fixture.adminPassword, '/negotiations');
    await page.getByRole('menuitem', { name: '集中要约行动' }).click();
    await page.waitForURL('**/campaigns');
    await page.getByTestId('campaign-new').click();
    await page.waitForURL('**/campaigns/new');

    await page.getByTestId('campaign-name').fill('要约镇冬季集中要约行动');
    await chooseOption(page, page.getByTestId('campaign-township'), TOWNSHIP);
    await chooseOption(page, page.getByTestId('campaign-industry'), 'M');
    const eligible = page.getByTestId('campaign-preview-eligible');
    await eligible.filter({ hasText: '将向 3 家企业发出要约' }).waitFor();
    await page.getByTestId('campaign-preview-skipped-noUnion').filter({ hasText: '1' }).waitFor();
    const firstRows = page.getByTestId('campaign-preview-items').locator('tbody tr');
    expect(await firstRows.count()).toBe(3);
    expect(await firstRows.first().innerText()).toContain('要约镇精工科技有限公司');

    await page.getByTestId('campaign-start').click();
    await page.getByTestId('campaign-confirm-text').filter({ hasText: '3 家企业' }).waitFor();
    await page.getByTestId('campaign-confirm').click();
    await page.waitForURL(/\/campaigns\/\d+$/);

    // The page polls while it runs: it ends done, every eligible enterprise opened.
    await page.locator('[data-testid="campaign-status"][data-status="done"]').waitFor({ timeout: 30_000 });
    const figure = async (testId: string) =>
      (await page.getByTestId(testId).locator('.el-statistic__content').innerText()).trim();
    expect(await figure('campaign-eligible')).toBe('3');
    expect(await figure('campaign-opened')).toBe('3');
    expect(await page.getByTestId('campaign-stages').innerText()).toContain('3');
    expect(await page.getByTestId('campaign-title').innerText()).toBe('要约镇冬季集中要约行动');

    // Through the API: three rounds at invitation, each with the union's offer.
    const id = Number(page.url().split('/').pop());
    const campaign = await admin.get<{ opened: number; byStage: Record<string, number> }>(`/campaigns/${id}`);
    expect(campaign).toMatchObject({ opened: 3, byStage: { invitation: 3 } });

    // Running it again opens nothing more.
    await page.getByTestId('campaign-run-again').click();
    await page.locator('[data-testid="campaign-status"][data-status="done"]').waitFor({ timeout: 30_000 });
    expect(await figure('campaign-opened')).toBe('3');

    // The offer letters of the whole campaign, one download: a .zip of three Word documents.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('campaign-offer-letters-1').click(),
    ]);
    expect(download.suggestedFilename()).toBe('要约书_要约镇冬季集中要约行动.zip');
    const zip = new PizZip(await readFile(await download.path()));
    const letters = Object.keys(zip.files).filter((name) => name.endsWith('.docx'));
    expect(letters).toHaveLength(3);
    expect(letters.some((name) => name.includes('要约镇精工科技有限公司'))).toBe(true);
  });
});
