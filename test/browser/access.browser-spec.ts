import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { browserFixture } from './support/fixture';
import { fillSignIn, newPage, signIn } from './support/pages';

/** What an instructor may reach, and the login screen's answers (issue 8, screens follow the role). */
describe('access', () => {
  const fixture = browserFixture();
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    page = await newPage(browser, fixture);
  });
  afterEach(() => page.context().close());

  it('shows an instructor no admin screen and sends a typed admin address back to the workbench', async () => {
    await signIn(page, fixture.instructor, fixture.password, '/workbench');
    await expect(page.locator('.side-menu .el-menu-item').allInnerTexts()).resolves.toEqual([
      '我的工作台',
      '协商',
      '企业',
    ]);
    for (const path of ['/users', '/reminders', '/reports', '/enterprises/import']) {
      await page.goto(path);
      await page.waitForURL('**/workbench');
      await page.getByTestId('my-negotiations').waitFor();
    }
  });

  it('says a wrong password is wrong, then that sign-ins are throttled after five failures', async () => {
    const alert = page.getByRole('alert');
    await fillSignIn(page, fixture.throttled, 'not the password');
    await expect(alert.innerText()).resolves.toBe('用户名或密码错误');

    for (let failure = 2; failure <= 5; failure++) {
      const response = await fetch(`${fixture.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: fixture.throttled, password: 'not the password' }),
      });
      expect(response.status).toBe(401);
    }
    // Throttled: even the right password is refused until the wait is over.
    await page.locator('input[name="password"]').fill(fixture.password);
    const answer = page.waitForResponse('**/api/v1/auth/login');
    await page.locator('button[type="submit"]').click();
    expect((await answer).status()).toBe(429);
    await expect(alert.innerText()).resolves.toMatch(/^登录失败次数过多，请 \d+ 分钟后再试$/);
    expect(page.url()).toMatch(/\/login$/);
  });
});
