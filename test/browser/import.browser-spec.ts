import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { browserFixture } from './support/fixture';
import { newPage, signIn } from './support/pages';

/** The roster import's refusals, as an office worker reads them (issue 14 item 13). */
describe('roster import', () => {
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

  it('says in Chinese, without English, that a picture renamed .xlsx is not a workbook', async () => {
    await signIn(page, 'admin', fixture.adminPassword, '/negotiations');
    await page.goto('/enterprises/import');
    // The PNG signature and a little more: what a screenshot saved under the wrong name starts with.
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Buffer.from('IHDR pixels')]);
    await page
      .getByTestId('import-file-enterprises')
      .locator('input[type=file]')
      .setInputFiles({ name: '名册.xlsx', mimeType: 'application/octet-stream', buffer: png });
    await page.getByTestId('import-dry-run').first().click();
    // The import panel's own alert (in December an admin's pages also show the calendar reminder).
    const alert = page.getByRole('tabpanel', { name: '企业名册' }).getByRole('alert');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toContain('PNG');
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(text).not.toMatch(/\b(the|file|is|not|a|workbook|found)\b/i);
  });
});
