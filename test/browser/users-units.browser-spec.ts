import type { Browser, Page } from 'playwright-core';
import { aCreditCode } from '../support/factories';
import { Api } from './support/api';
import { launchChromium } from './support/chromium';
import { browserFixture } from './support/fixture';
import { chooseOption, newPage, signIn } from './support/pages';

interface Unit {
  id: number;
  code: string;
  name: string;
}

/**
 * Users' units on screen: the users list names each user's unit, and the user dialog places a
 * user in one of the units the admin governs (their own at first); a unit the server refuses is
 * named next to the field.
 *
 * A city of its own (青山市, another root beside the seed's county and the org-units file's
 * city), so that the other files' users and numbers stay as they are.
 */
describe('users and their units', () => {
  const fixture = browserFixture();
  let browser: Browser;
  let admin: Api;
  let city: Unit;
  let songxi: Unit;
  let zhuling: Unit;
  let pages: Page[] = [];
  const cityAdmin = 'units.cityadmin';

  beforeAll(async () => {
    browser = await launchChromium();
    admin = await Api.signIn(fixture.baseUrl, 'admin', fixture.adminPassword);
    const unit = (code: string, name: string, level: string, parentId?: number) =>
      admin.post<Unit>('/org-units', { code, name, level, ...(parentId ? { parentId } : {}) });
    city = await unit('361100', '青山市', 'city');
    songxi = await unit('361121', '松溪县', 'county', city.id);
    zhuling = await unit('361122', '竹岭县', 'county', city.id);
    const township = await unit('361122100', '竹岭镇', 'township', zhuling.id);

    const user = (username: string, displayName: string, role: string, orgUnitId: number) =>
      admin.post<{ id: number }>('/users', {
        username,
        displayName,
        email: `${username}@example.cn`,
        role,
        password: fixture.password,
        language: 'zh-CN',
        orgUnitId,
      });
    await user(cityAdmin, '青山管理员', 'admin', city.id);
    // An instructor of 竹岭县 in charge of an enterprise there: not to be moved to 松溪县.
    const instructor = await user('units.zhuling', '竹岭指导员', 'instructor', zhuling.id);
    await admin.post('/enterprises', {
      name: '竹岭竹业有限公司',
      creditCode: aCreditCode(),
      ownershipType: 'private',
      orgUnitId: township.id,
      township: township.name,
      industry: 'C',
      employeeCount: 80,
      unionFoundedOn: null,
      registeredOn: '2015-05-01',
      instructorId: instructor.id,
    });
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

  async function openUsers(username: string, password: string): Promise<Page> {
    const page = await open(username, password, '/negotiations');
    await page.goto('/users');
    await page.getByTestId('user-table').waitFor();
    return page;
  }

  const unitInput = (page: Page) => page.getByTestId('user-unit').locator('input');
  const unitCell = (page: Page, username: string) => page.getByTestId(`user-unit-${username}`);

  /** Picks a unit in the dialog's unit field: the units above it opened in turn, its radio clicked, the panel closed. */
  async function pickUnit(page: Page, codes: string[]): Promise<void> {
    await unitInput(page).click();
    const popper = page.locator('.user-unit-field__popper');
    await popper.waitFor();
    const node = (code: string) =>
      popper.locator('.el-cascader-node', {
        has: page.getByTestId(`user-unit-option-${code.padEnd(12, '0')}`),
      });
    for (const code of codes.slice(0, -1)) await node(code).click();
    await node(codes.at(-1) ?? '')
      .locator('.el-radio')
      .click();
    await page.getByTestId('user-dialog').locator('.el-dialog__title').click();
    await popper.waitFor({ state: 'hidden' });
  }

  async function fillNewUser(page: Page, username: string, displayName: string, role: string): Promise<void> {
    await page.getByTestId('user-create').click();
    await page.getByTestId('user-dialog').waitFor();
    await page.getByTestId('user-username').fill(username);
    await page.getByTestId('user-display-name').fill(displayName);
    await chooseOption(page, page.getByTestId('user-role'), role);
    await page.locator('.el-select-dropdown').waitFor({ state: 'hidden' });
    await page.getByTestId('user-password').fill(fixture.password);
  }

  it('lets an admin create a supervisor in a county, whose header and reports then are that county’s', async () => {
    const page = await openUsers('admin', fixture.adminPassword);
    // The admin governs the whole deployment: they have no unit, nor has a new user at first.
    await expect(unitCell(page, 'admin').innerText()).resolves.toBe('全部（不限单位）');
    await fillNewUser(page, 'units.songxi', '松溪主席', '主管领导');
    await expect(unitInput(page).getAttribute('placeholder')).resolves.toBe('全部（不限单位）');
    await expect(unitInput(page).inputValue()).resolves.toBe('');

    await pickUnit(page, [city.code, songxi.code]);
    await expect(unitInput(page).inputValue()).resolves.toBe('青山市 / 松溪县');
    await page.getByTestId('user-save').click();
    await page.getByTestId('user-dialog').waitFor({ state: 'hidden' });
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="user-unit-units.songxi"]')?.textContent?.trim() === '松溪县',
    );
    await expect(unitCell(page, cityAdmin).innerText()).resolves.toBe('青山市');

    // Editing them shows the unit they are in.
    await page.getByTestId('user-edit-units.songxi').click();
    await page.waitForFunction(
      () =>
        document.querySelector<HTMLInputElement>('[data-testid="user-unit"] input')?.value ===
        '青山市 / 松溪县',
    );

    const supervisor = await open('units.songxi', fixture.password, '/reports');
    await expect(supervisor.getByTestId('own-unit').innerText()).resolves.toBe('松溪县');
    await supervisor.getByTestId('report-breadcrumbs').getByText('松溪县').waitFor();
    await expect(supervisor.getByTestId('report-crumb-all').count()).resolves.toBe(0);
  });

  it('starts a city admin’s new user in their city, and shows a refused move next to the unit', async () => {
    const page = await openUsers(cityAdmin, fixture.password);
    await fillNewUser(page, 'units.qingshan', '青山指导员', '指导员');
    // Their own unit at first, which they cannot clear.
    await page.waitForFunction(
      () => document.querySelector<HTMLInputElement>('[data-testid="user-unit"] input')?.value === '青山市',
    );
    await page.getByTestId('user-save').click();
    await page.getByTestId('user-dialog').waitFor({ state: 'hidden' });
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="user-unit-units.qingshan"]')?.textContent?.trim() === '青山市',
    );

    // The 竹岭县 instructor's enterprise lies outside 松溪县: the move is refused next to the field.
    await page.getByTestId('user-edit-units.zhuling').click();
    await page.waitForFunction(
      () =>
        document.querySelector<HTMLInputElement>('[data-testid="user-unit"] input')?.value ===
        '青山市 / 竹岭县',
    );
    await pickUnit(page, [city.code, songxi.code]);
    await page.getByTestId('user-save').click();
    const error = page
      .getByTestId('user-dialog')
      .locator('.el-form-item', { has: page.getByTestId('user-unit') })
      .locator('.el-form-item__error');
    await error.waitFor();
    await expect(error.innerText()).resolves.toContain('该指导员负责的企业不在新单位的管辖范围内');
    await page.getByTestId('user-dialog').getByRole('button', { name: '取消' }).click();
    await expect(unitCell(page, 'units.zhuling').innerText()).resolves.toBe('竹岭县');
    // Users without a unit lie outside the city admin's scope: not listed.
    await expect(unitCell(page, 'admin').count()).resolves.toBe(0);
  });
});
