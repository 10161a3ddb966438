import type { Browser, Page } from 'playwright-core';
import { Api } from './support/api';
import { launchChromium } from './support/chromium';
import { browserFixture } from './support/fixture';
import { newPage, signIn } from './support/pages';

/** Anyone changes their own e-mail, language, reminders and password (issue 14 item 6). */
describe('profile page', () => {
  const fixture = browserFixture();
  let browser: Browser;
  let page: Page;
  let admin: Api;

  beforeAll(async () => {
    browser = await launchChromium();
    admin = await Api.signIn(fixture.baseUrl, 'admin', fixture.adminPassword);
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    page = await newPage(browser, fixture);
  });
  afterEach(() => page.context().close());

  /** A user of their own, so that changing the password leaves the other tests' users alone. */
  async function newUser(username: string, role: string): Promise<{ id: number; password: string }> {
    const password = 'profile-test-2026';
    const created = await admin.post<{ id: number }>('/users', {
      username,
      displayName: `测试${role}`,
      email: `${username}@example.cn`,
      role,
      password,
      language: 'zh-CN',
    });
    return { id: created.id, password };
  }

  const homes: Array<[string, () => [string, string], string]> = [
    ['instructor', () => [fixture.instructor, fixture.password], '/workbench'],
    ['supervisor', () => [fixture.supervisor, fixture.password], '/reports'],
    ['admin', () => ['admin', fixture.adminPassword], '/negotiations'],
  ];
  it.each(homes)('takes an %s from the header to their own account', async (_role, who, home) => {
    const [username, password] = who();
    await signIn(page, username, password, home);
    await page.getByTestId('profile-link').click();
    await page.waitForURL('**/profile');
    await expect(page.getByTestId('profile-account').innerText()).resolves.toContain(username);
    await expect(page.getByTestId('profile-email').inputValue()).resolves.toBe(
      username === 'admin' ? '' : `${username}@example.cn`,
    );
  });

  it('saves the e-mail, the language and the reminder opt-out, and speaks the chosen language', async () => {
    const user = await newUser('profile.settings', 'instructor');
    await signIn(page, 'profile.settings', user.password, '/workbench');
    await page.goto('/profile');

    await page.getByTestId('profile-email').fill('new.address@example.cn');
    await page.getByTestId('profile-language').getByText('English').click();
    await page.getByTestId('profile-digest-opt-out').click();
    const saved = page.waitForResponse(
      (response) => response.url().endsWith(`/users/${user.id}`) && response.request().method() === 'PATCH',
    );
    await page.getByTestId('profile-save').click();
    expect((await saved).status()).toBe(200);

    // The screens now speak English, and the account says so too.
    await page.getByRole('heading', { name: 'My account' }).waitFor();
    const me = await (
      await Api.signIn(fixture.baseUrl, 'profile.settings', user.password)
    ).get<{
      email: string;
      language: string;
      digestOptOut: boolean;
    }>('/me');
    expect(me).toMatchObject({ email: 'new.address@example.cn', language: 'en', digestOptOut: true });
  });

  it('changes the password with the current one and stays signed in with the new one', async () => {
    const user = await newUser('profile.password', 'supervisor');
    const fresh = 'a-brand-new-password';
    await signIn(page, 'profile.password', user.password, '/reports');
    await page.getByTestId('profile-link').click();
    await page.waitForURL('**/profile');

    // A wrong current password: refused next to that field, the password unchanged.
    const field = (name: string) => page.getByTestId(`profile-${name}-password`);
    await field('current').locator('input').fill('not my password');
    await field('new').locator('input').fill(fresh);
    await field('again').locator('input').fill(fresh);
    await page.getByTestId('profile-change-password').click();
    await expect(field('current').locator('.el-form-item__error').innerText()).resolves.toBe(
      '修改自己的密码需要输入当前密码',
    );
    await Api.signIn(fixture.baseUrl, 'profile.password', user.password);

    await field('current').locator('input').fill(user.password);
    const relogin = page.waitForResponse('**/api/v1/auth/login');
    await page.getByTestId('profile-change-password').click();
    expect((await relogin).status()).toBe(200);
    await page.getByText('密码已修改').waitFor();

    // Still signed in, with a token the API accepts: another screen loads instead of the login screen.
    const rates = page.waitForResponse((response) => response.url().includes('/reports/signing-rates'));
    await page.locator('.side-menu .el-menu-item', { hasText: '报表' }).click();
    expect((await rates).status()).toBe(200);
    expect(page.url()).toMatch(/\/reports$/);
    // The old password no longer signs in; the new one does.
    await expect(Api.signIn(fixture.baseUrl, 'profile.password', user.password)).rejects.toThrow(/401/);
    await Api.signIn(fixture.baseUrl, 'profile.password', fresh);
  });

  it('checks the new password before sending it: long enough, typed twice alike', async () => {
    await signIn(page, fixture.instructor, fixture.password, '/workbench');
    await page.goto('/profile');
    let sent = false;
    page.on('request', (request) => (sent ||= request.method() === 'PATCH'));
    const field = (name: string) => page.getByTestId(`profile-${name}-password`);
    await field('current').locator('input').fill(fixture.password);
    await field('new').locator('input').fill('short');
    await field('again').locator('input').fill('shorter');
    await page.getByTestId('profile-change-password').click();
    await expect(field('new').locator('.el-form-item__error').innerText()).resolves.toBe('新密码至少 10 位');
    await expect(field('again').locator('.el-form-item__error').innerText()).resolves.toBe(
      '两次输入的新密码不一致',
    );
    expect(sent).toBe(false);
  });
});
