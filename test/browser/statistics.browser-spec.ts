import { readFile } from 'node:fs/promises';
import { Workbook } from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import PizZip from 'pizzip';
import { Api } from './support/api';
import { launchChromium } from './support/chromium';
import { browserFixture } from './support/fixture';
import { newPage, signIn } from './support/pages';

interface Figures {
  agreements: number;
  signedInPeriod: number;
  enterprisesCovered: number;
  employeesCovered: number;
  nonPublicEnterprisesCovered: number;
}

/**
 * A supervisor reads the statistics table and the work summary for a period and downloads them
 * (issue 19): the screen shows the API's numbers and paragraph, the .xlsx has the office's two
 * header rows, the .docx holds the paragraph.
 */
describe('statistics table and work summary (supervisor)', () => {
  const fixture = browserFixture();
  let browser: Browser;
  let page: Page;
  let supervisor: Api;
  const year = fixture.today.slice(0, 4);

  beforeAll(async () => {
    browser = await launchChromium();
    page = await newPage(browser, fixture);
    supervisor = await Api.signIn(fixture.baseUrl, fixture.supervisor, fixture.password);
    await signIn(page, fixture.supervisor, fixture.password, '/reports');
  });
  afterAll(() => browser.close());

  /** The period the page shows: this year to date (a usual period button). */
  async function chooseYearToDate(): Promise<{ from: string; to: string }> {
    await page.getByTestId('report-period-yearToDate').click();
    return { from: `${year}-01-01`, to: fixture.today };
  }

  const count = (text: string) => Number(text.replace(/[^\d]/g, ''));

  it("shows the statistics table with the API's figures and downloads it in the office's layout", async () => {
    await page.getByRole('tab', { name: '签订情况统计表' }).click();
    const period = await chooseYearToDate();
    const table: { total: Figures; kindTotals: (Figures & { agreementKind: string })[] } =
      await supervisor.get(`/reports/statistics?from=${period.from}&to=${period.to}`);
    expect(table.total.enterprisesCovered).toBeGreaterThan(0);
    const shown = (key: string) => page.getByTestId(`statistics-${key}`).innerText();
    await page.getByTestId('statistics-table').waitFor();
    for (const figure of [
      'agreements',
      'signedInPeriod',
      'enterprisesCovered',
      'employeesCovered',
    ] as const) {
      await expect(shown(`0.total-total-${figure}`).then(count)).resolves.toBe(table.total[figure]);
    }
    const wage = table.kindTotals.find((row) => row.agreementKind === 'wage')!;
    await expect(shown('0.total-wage-enterprisesCovered').then(count)).resolves.toBe(wage.enterprisesCovered);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('report-download-xlsx').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^集体合同签订情况统计表_.+\.xlsx$/);
    const workbook = new Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.worksheets[0];
    expect(sheet.getCell('A1').value).toBe('集体合同签订情况统计表');
    expect(sheet.getCell('C3').value).toBe('合计');
    expect(sheet.getCell('D3').master.address).toBe('C3');
    expect(sheet.getCell('E4').value).toBe('覆盖企业（家）');
    // The unit's block: rows 5–8, its subtotal last; column E = all kinds' enterprises covered.
    expect(sheet.getCell('B8').value).toBe('小计');
    expect(sheet.getCell('E8').value).toBe(table.total.enterprisesCovered);
  });

  it('shows the work summary paragraph and downloads it as a Word document', async () => {
    await page.getByRole('tab', { name: '工作总结数据' }).click();
    const period = await chooseYearToDate();
    const summary: { text: string; membersAdded: number; unionsFounded: number } = await supervisor.get(
      `/reports/work-summary?from=${period.from}&to=${period.to}`,
    );
    expect(summary.text).toContain('新建工会组织');
    const paragraph = page.getByTestId('work-summary-text');
    await paragraph.filter({ hasText: summary.text }).waitFor();
    await expect(page.getByTestId('work-summary-unionsFounded').innerText().then(count)).resolves.toBe(
      summary.unionsFounded,
    );
    await expect(page.getByTestId('report-download-csv').count()).resolves.toBe(0);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('report-download-docx').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^工作总结_.+\.docx$/);
    const file = await readFile(await download.path());
    const xml = new PizZip(file).file('word/document.xml')?.asText() ?? '';
    expect(xml.replace(/<[^>]+>/g, '')).toContain(summary.text);
  });
});
