import type { Browser, Page } from 'playwright-core';
import { aCreditCode } from '../support/factories';
import { Api } from './support/api';
import { launchChromium } from './support/chromium';
import { browserFixture } from './support/fixture';
import { newPage, signIn } from './support/pages';

interface Unit {
  id: number;
  code: string;
  name: string;
}

/**
 * The federation hierarchy on screen (issue 16, Web): a city supervisor picks a county in the
 * header and drills down from the city's report into a county by clicking its row, the
 * breadcrumbs leading back up; an admin adds a unit in the tree and sets a target that the
 * report then names as the source.
 *
 * A city of its own (江川市, a second root beside the seed's county) so that the seed's numbers,
 * which other files count, stay as they are: its enterprises have no union, and the reports
 * here count all open enterprises.
 */
describe('org units', () => {
  const fixture = browserFixture();
  let browser: Browser;
  let admin: Api;
  let city: Unit;
  let yunling: Unit;
  let qinghe: Unit;
  const townships: Record<string, Unit> = {};
  let pages: Page[] = [];
  const citySupervisor = 'browser.city';

  beforeAll(async () => {
    browser = await launchChromium();
    admin = await Api.signIn(fixture.baseUrl, 'admin', fixture.adminPassword);
    const unit = (code: string, name: string, level: string, parentId?: number) =>
      admin.post<Unit>('/org-units', { code, name, level, ...(parentId ? { parentId } : {}) });
    city = await unit('360700', '江川市', 'city');
    yunling = await unit('360731', '云岭县', 'county', city.id);
    qinghe = await unit('360702', '清河区', 'county', city.id);
    townships.yunshan = await unit('360731100', '云山镇', 'township', yunling.id);
    townships.lingnan = await unit('360731101', '岭南乡', 'township', yunling.id);
    townships.qinghe = await unit('360702001', '清河街道', 'township', qinghe.id);

    await admin.post('/users', {
      username: citySupervisor,
      displayName: '周主席',
      email: `${citySupervisor}@example.cn`,
      role: 'supervisor',
      password: fixture.password,
      language: 'zh-CN',
      orgUnitId: city.id,
    });
    const enterprise = (name: string, township: Unit, ownershipType: string) =>
      admin.post('/enterprises', {
        name,
        creditCode: aCreditCode(),
        ownershipType,
        orgUnitId: township.id,
        township: township.name,
        industry: 'C',
        employeeCount: 120,
        unionFoundedOn: null,
        registeredOn: '2012-03-01',
      });
    await enterprise('云山机械有限公司', townships.yunshan, 'private');
    await enterprise('云山电力有限公司', townships.yunshan, 'state_owned');
    await enterprise('岭南竹业有限公司', townships.lingnan, 'private');
    await enterprise('清河纺织有限公司', townships.qinghe, 'private');
  });
  afterAll(() => browser.close());
  afterEach(async () => {
    await Promise.all(pages.map((page) => page.context().close()));
    pages = [];
  });

  async function open(username: string, password: string, home: string): Promise<Page> {
    const page = await newPage(browser, fixture);
    pages.push(page);
    await signIn(page, username, password, home);
    return page;
  }

  /** Picks a unit in the header's picker: each unit of the path clicked in turn, the panel then closed. */
  async function pickUnit(page: Page, codes: string[]): Promise<void> {
    await page.getByTestId('unit-picker').click();
    const popper = page.locator('.unit-picker__popper');
    for (const code of codes) await popper.getByTestId(`unit-option-${code.padEnd(12, '0')}`).click();
    await page.locator('.app-name').click();
    await popper.waitFor({ state: 'hidden' });
  }

  const crumbs = (page: Page) =>
    page.getByTestId('report-breadcrumbs').locator('.el-breadcrumb__item').allInnerTexts();
  const groupCell = (page: Page, unit: Unit) => page.getByTestId(`report-cell-${unit.id}-group`);

  async function countAllEnterprises(page: Page): Promise<void> {
    await page.getByTestId('report-base').locator('.el-select__wrapper').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '全部在营企业' }).click();
  }

  it('lets a city supervisor pick a county in the header, remembered in the tab until they pick their city again', async () => {
    const page = await open(citySupervisor, fixture.password, '/reports');
    await page.getByTestId('unit-picker').waitFor();
    await expect(crumbs(page)).resolves.toEqual(['江川市']);

    await pickUnit(page, [city.code, yunling.code]);
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="report-breadcrumbs"]')?.textContent?.includes('云岭县'),
    );
    await expect(
      crumbs(page).then((items) => items.map((item) => item.replace(/\s*\/\s*$/, ''))),
    ).resolves.toEqual(['江川市', '云岭县']);
    // The reports are the county's: grouped by its townships.
    await page.getByRole('tab', { name: '按下级单位' }).click();
    await countAllEnterprises(page);
    await groupCell(page, townships.yunshan).waitFor();
    await expect(groupCell(page, townships.yunshan).innerText()).resolves.toBe('云山镇');
    await expect(
      page.getByTestId(`report-cell-${townships.yunshan.id}-enterprises`).innerText(),
    ).resolves.toBe('2');

    // Remembered in this tab: a reload keeps the county.
    await page.reload();
    await page.getByTestId(`report-crumb-${yunling.id}`).waitFor();
    await page.waitForFunction(() =>
      document.querySelector<HTMLInputElement>('[data-testid="unit-picker"] input')?.value.includes('云岭县'),
    );

    // Their own city again: the reports are the city's.
    await pickUnit(page, [city.code]);
    await page.getByTestId(`report-crumb-${yunling.id}`).waitFor({ state: 'detached' });
    await expect(crumbs(page)).resolves.toEqual(['江川市']);
  });

  it('drills down from the city into a county by clicking its row, and back up by the breadcrumbs', async () => {
    const page = await open(citySupervisor, fixture.password, '/reports');
    await page.getByRole('tab', { name: '按下级单位' }).click();
    await countAllEnterprises(page);
    await groupCell(page, yunling).waitFor();
    await expect(groupCell(page, qinghe).innerText()).resolves.toBe('清河区');
    // The rows of the first base (unionised: none here) may still be showing: wait for those of
    // every open enterprise (a timeout fails the test).
    await page.waitForFunction(
      (id) =>
        document.querySelector(`[data-testid="report-cell-${id}-enterprises"]`)?.textContent?.trim() === '3',
      yunling.id,
    );

    await groupCell(page, yunling).click();
    await groupCell(page, townships.lingnan).waitFor();
    await expect(page.getByTestId(`report-crumb-${yunling.id}`).innerText()).resolves.toBe('云岭县');
    await expect(groupCell(page, qinghe).count()).resolves.toBe(0);
    await expect(
      page.getByTestId(`report-cell-${townships.lingnan.id}-enterprises`).innerText(),
    ).resolves.toBe('1');

    // The address says which report this is: a reload (or the link sent to a colleague) opens
    // the county's, by its townships, counting every open enterprise (unionised: 0 here).
    await page.waitForURL((url) => url.searchParams.get('unit') === String(yunling.id));
    const address = new URL(page.url()).searchParams;
    expect([address.get('tab'), address.get('base')]).toEqual(['orgUnit', 'all']);
    await page.reload();
    await groupCell(page, townships.lingnan).waitFor();
    await expect(page.getByTestId(`report-crumb-${yunling.id}`).innerText()).resolves.toBe('云岭县');
    await expect(
      page.getByTestId(`report-cell-${townships.lingnan.id}-enterprises`).innerText(),
    ).resolves.toBe('1');
    // The drill-down was a step of the browser's history: Back is the city, Forward the county.
    await page.goBack();
    await groupCell(page, qinghe).waitFor();
    await expect(crumbs(page)).resolves.toEqual(['江川市']);
    await page.goForward();
    await groupCell(page, townships.lingnan).waitFor();

    // Back up to the city: its counties again.
    await page.getByTestId(`report-crumb-${city.id}`).click();
    await groupCell(page, qinghe).waitFor();
    await expect(page.getByTestId(`report-crumb-${yunling.id}`).count()).resolves.toBe(0);
  });

  it('lets an admin add a unit in the tree and set a target that the report of that unit then names as its source', async () => {
    const page = await open('admin', fixture.adminPassword, '/negotiations');
    await page.locator('.side-menu').getByText('单位管理').click();
    await page.waitForURL('**/org-units');

    // 江川市 › 云岭县: add a township under the county.
    const tree = page.getByTestId('unit-tree');
    const node = (unit: { code: string }) => tree.getByTestId(`unit-node-${unit.code.padEnd(12, '0')}`);
    await node(city).waitFor();
    await tree
      .locator('.el-tree-node__content', { has: page.getByTestId(`unit-node-${city.code.padEnd(12, '0')}`) })
      .locator('.el-tree-node__expand-icon')
      .click();
    await node(yunling).waitFor();
    await node(yunling).getByTestId('unit-add-child').click();
    const dialog = page.getByTestId('unit-dialog');
    await expect(dialog.getByTestId('unit-level').innerText()).resolves.toBe('乡镇（街道）');
    await dialog.getByTestId('unit-code').fill('360731102');
    await dialog.getByTestId('unit-name').fill('新田镇');
    await dialog.getByTestId('unit-save').click();
    await node({ code: '360731102' }).waitFor();
    await expect(node({ code: '360731102' }).innerText()).resolves.toContain('新田镇');

    // The county's own targets: 95 % for the non-public sector and the state-owned one.
    await node(yunling).getByTestId('unit-targets').click();
    await page.waitForURL(`**/org-units/${yunling.id}/targets`);
    await expect(page.getByTestId('target-source-nonPublic').innerText()).resolves.not.toBe('云岭县');
    for (const key of ['nonPublic', 'state']) {
      const input = page.getByTestId(`target-own-${key}`).locator('input');
      await input.fill('95');
      await input.blur();
    }
    await page.getByTestId('targets-save').click();
    await page.getByText('目标已保存').waitFor();
    await expect(page.getByTestId('target-effective-nonPublic').innerText()).resolves.toBe('95.0%');
    await expect(page.getByTestId('target-source-nonPublic').innerText()).resolves.toBe('云岭县');

    // The report of the city, drilled into 云岭县: its sectors are judged against its own targets.
    await page.goto('/reports');
    await pickUnit(page, [city.code]);
    await page.getByRole('tab', { name: '按下级单位' }).click();
    await countAllEnterprises(page);
    await groupCell(page, yunling).click();
    await page.getByTestId(`report-crumb-${yunling.id}`).waitFor();
    await page.getByRole('tab', { name: '按所有制类别' }).click();
    const source = page.getByTestId('report-cell-non_public-targetSource');
    await expect(source.innerText()).resolves.toBe('云岭县');
    await expect(page.getByTestId('report-cell-non_public-target').innerText()).resolves.toBe('95%');
    // 清河区 sets none: the default, as the city sets none either.
    await page.getByTestId(`report-crumb-${city.id}`).click();
    await page.getByRole('tab', { name: '按下级单位' }).click();
    await groupCell(page, qinghe).click();
    await page.getByTestId(`report-crumb-${qinghe.id}`).waitFor();
    await page.getByRole('tab', { name: '按所有制类别' }).click();
    await expect(source.innerText()).resolves.toBe('默认');
  });

  it('imports a list of units after a dry run that lists the bad rows', async () => {
    const page = await open('admin', fixture.adminPassword, '/negotiations');
    await page.goto('/org-units');
    await page.getByTestId('unit-import-open').click();
    const drawer = page.locator('.el-drawer');
    const csv = [
      '区划代码,名称,上级区划代码',
      '360702002,清河新区街道,360702',
      '360799001,无名镇,360799',
    ].join('\n');
    await drawer
      .locator('input[type=file]')
      .setInputFiles({ name: '单位名册.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await drawer.getByTestId('unit-import-dry-run').click();
    await drawer.getByTestId('unit-import-result').waitFor();
    await expect(drawer.getByTestId('unit-import-result').innerText()).resolves.toContain(
      '检查完成，尚未导入',
    );
    const errors = drawer.getByTestId('unit-import-errors');
    await expect(errors.locator('tbody tr').count()).resolves.toBe(1);
    await expect(errors.locator('tbody tr').first().innerText()).resolves.toContain('360799');
    await expect(admin.get<{ total: number }>(`/org-units?parentId=${qinghe.id}`)).resolves.toMatchObject({
      total: 1,
    });

    await drawer.getByTestId('unit-import-apply').click();
    await drawer.getByText('导入完成').waitFor();
    await expect(drawer.getByTestId('unit-import-counts').innerText()).resolves.toMatch(/^新增 1 个/);
    await expect(admin.get<{ total: number }>(`/org-units?parentId=${qinghe.id}`)).resolves.toMatchObject({
      total: 2,
    });
  });

  it('offers the township units in the enterprise form, for the township the enterprise sits in', async () => {
    const page = await open('admin', fixture.adminPassword, '/negotiations');
    await page.goto('/enterprises/new');
    const field = page.getByTestId('enterprise-township');
    await field.locator('.el-select__wrapper').click();
    const option = (name: string) => page.locator('.el-select-dropdown__item:visible', { hasText: name });
    await option('云山镇').waitFor();
    await option('清河街道').waitFor();
    await option('岭南乡').click();
    await expect(field.locator('.el-select__wrapper').innerText()).resolves.toContain('岭南乡');
  });
});
