import type { Browser, Locator, Page } from 'playwright-core';
import type { BrowserFixture } from './seed';

/** A page in a new context (no stored session), as a county office's screen: zh-CN, Beijing time. */
export async function newPage(browser: Browser, fixture: BrowserFixture): Promise<Page> {
  const context = await browser.newContext({
    baseURL: fixture.baseUrl,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
  });
  context.setDefaultTimeout(10_000);
  return context.newPage();
}

export async function fillSignIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
}

/** Signs in through the login screen and waits for the role's home screen. */
export async function signIn(page: Page, username: string, password: string, home: string): Promise<void> {
  await fillSignIn(page, username, password);
  await page.waitForURL(`**${home}`);
}

/** `2026-03-05` as the date pickers show it in Chinese: `2026年3月5日`. */
export function chineseDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** Types a date into an Element Plus date picker, as a user may instead of clicking the calendar. */
export async function typeDate(field: Locator, iso: string): Promise<void> {
  const input = field.locator('input');
  await input.fill(chineseDate(iso));
  await input.press('Enter');
}

/** Adds names to a multiple select that takes typed entries: each typed, offered, then Enter. */
export async function typeNames(field: Locator, names: readonly string[]): Promise<void> {
  const input = field.locator('input');
  for (const name of names) {
    await input.pressSequentially(name);
    await visibleOption(field.page(), name).waitFor();
    await input.press('Enter');
    await field.locator('.el-tag', { hasText: name }).waitFor();
  }
  await input.press('Escape');
}

const visibleOption = (page: Page, label: string) =>
  page.locator('.el-select-dropdown__item:visible', { hasText: label });

/** Picks an option of an Element Plus select; its list opens in a popper outside the field. */
export async function chooseOption(page: Page, field: Locator, label: string): Promise<void> {
  await field.locator('.el-select__wrapper').click();
  await visibleOption(page, label).click();
}
