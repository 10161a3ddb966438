import type { Browser, Page } from 'playwright-core';
import { Api } from './support/api';
import { launchChromium } from './support/chromium';
import { browserFixture } from './support/fixture';
import { newPage, signIn } from './support/pages';

interface CalendarYears {
  years: { year: number; source: string }[];
  nextYear: { year: number; loaded: boolean; remindToLoad: boolean };
}

/**
 * The working-day calendar's admin page: a year of the package with its source, a year not loaded
 * (the notice, then entered and saved; refused dates named in Chinese), the December reminder, and
 * no menu entry for an instructor. Year 2099 for the save, so that no other file's deadlines move.
 */
describe('working-day calendar', () => {
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

  async function open(username: string, password: string, home: string): Promise<Page> {
    const page = await newPage(browser, fixture);
    pages.push(page);
    await signIn(page, username, password, home);
    return page;
  }

  /** Element Plus puts a textarea's attributes on the textarea itself. */
  const textarea = (page: Page, testId: string) =>
    page.locator(`textarea[data-testid="${testId}"], [data-testid="${testId}"] textarea`);

  async function pickYear(page: Page, year: number): Promise<void> {
    const input = page.getByTestId('calendar-year').locator('input');
    await input.fill(String(year));
    await input.press('Tab'); // the number is taken when the field is left
  }

  it('shows a year of the package, and lets an admin enter a missing one, naming what is wrong', async () => {
    const status = await admin.get<CalendarYears>('/calendar');
    const page = await open('admin', fixture.adminPassword, '/negotiations');
    // December without next year: a reminder at the top of every page.
    if (status.nextYear.remindToLoad) {
      await page.getByTestId('calendar-reminder').waitFor();
      await expect(page.getByTestId('calendar-reminder').innerText()).resolves.toContain(
        `${status.nextYear.year} 年的节假日安排尚未导入`,
      );
    }
    await page.locator('.side-menu').getByText('节假日安排').click();
    await page.waitForURL('**/calendar');

    await pickYear(page, 2026);
    await page.getByTestId('calendar-source').waitFor();
    // The page says it in its own words: the banner is not repeated above it.
    await expect(page.getByTestId('calendar-reminder').count()).resolves.toBe(0);
    await expect(page.getByTestId('calendar-source').innerText()).resolves.toMatch(
      /chinese-days@\d+\.\d+\.\d+/,
    );
    await expect(textarea(page, 'calendar-holidays').inputValue()).resolves.toContain('2026-10-01');
    await expect(textarea(page, 'calendar-workdays').inputValue()).resolves.toContain('2026-10-10');

    await pickYear(page, 2099);
    await page.getByTestId('calendar-missing').waitFor();
    await textarea(page, 'calendar-holidays').fill('2099-01-01\n2099-01-02');
    await textarea(page, 'calendar-workdays').fill('2099-01-05'); // a Monday
    await page.getByTestId('calendar-save').click();
    await page.getByTestId('calendar-problems').waitFor();
    await expect(page.getByTestId('calendar-problems').innerText()).resolves.toContain('调休上班日');

    await textarea(page, 'calendar-workdays').fill('');
    await page.getByTestId('calendar-save').click();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="calendar-source"]')?.textContent?.includes('管理员录入'),
    );
    await expect(page.getByTestId('calendar-missing').count()).resolves.toBe(0);
    await expect(admin.get<{ source: string; holidays: string[] }>('/calendar/2099')).resolves.toMatchObject({
      source: 'admin',
      holidays: ['2099-01-01', '2099-01-02'],
    });
  });

  it('has no calendar entry in an instructor’s menu', async () => {
    const page = await open(fixture.instructor, fixture.password, '/workbench');
    await page.locator('.side-menu').waitFor();
    await expect(page.locator('.side-menu').innerText()).resolves.not.toContain('节假日安排');
    await expect(page.getByTestId('calendar-reminder').count()).resolves.toBe(0);
  });
});
