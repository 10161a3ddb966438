import { readFile } from 'node:fs/promises';
import PizZip from 'pizzip';
import type { Browser, Page } from 'playwright-core';
import { aCreditCode } from '../support/factories';
import { Api } from './support/api';
import { launchChromium } from './support/chromium';
import { browserFixture } from './support/fixture';
import { chineseDate, newPage, signIn } from './support/pages';

/** An instructor finds the negotiation's documents on its page and downloads the offer letter. */
describe('negotiation documents (instructor)', () => {
  const fixture = browserFixture();
  const enterpriseName = `金山文书测试${aCreditCode().slice(-4)}有限公司`;
  const creditCode = aCreditCode();
  let browser: Browser;
  let page: Page;
  let negotiationId: number;

  beforeAll(async () => {
    // A round of its own, its offer sent today, so that no other test's steps change what it shows.
    const admin = await Api.signIn(fixture.baseUrl, 'admin', fixture.adminPassword);
    const instructor = await Api.signIn(fixture.baseUrl, fixture.instructor, fixture.password);
    const enterprise = await admin.post<{ id: number }>('/enterprises', {
      name: enterpriseName,
      creditCode,
      ownershipType: 'private',
      township: '金山镇',
      community: '红玉村',
      industry: 'C',
      employeeCount: 150,
      unionFoundedOn: '2019-04-28',
      registeredOn: '2010-06-01',
      instructorId: instructor.user.id,
    });
    const negotiation = await admin.post<{ id: number }>('/negotiations', {
      agreementKind: 'wage',
      scope: 'enterprise',
      enterpriseIds: [enterprise.id],
      title: '浏览器测试：文书',
    });
    negotiationId = negotiation.id;
    await admin.post(`/negotiations/${negotiationId}/events`, {
      type: 'OFFER_SENT',
      occurredOn: fixture.today,
      sentBy: 'union',
      receivedOn: fixture.today,
      expectedVersion: 0,
    });

    browser = await launchChromium();
    page = await newPage(browser, fixture);
    await signIn(page, fixture.instructor, fixture.password, '/workbench');
    await page.goto(`/negotiations/${negotiationId}`);
  });
  afterAll(() => browser.close());

  const download = (kind: string) => page.getByTestId(`document-download-${kind}`);

  it('lists the documents, the ones not yet available disabled with the step they wait for', async () => {
    const card = page.getByTestId('documents-card');
    await card.waitFor();
    await expect(card.locator('.documents__title').allInnerTexts()).resolves.toEqual([
      '要约书',
      '要约回应书',
      '职工代表大会决议',
      '工资专项集体合同文本',
      '集体合同报送审查登记表',
    ]);
    await expect(download('offer').isEnabled()).resolves.toBe(true);
    await expect(download('offer_reply').isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId('document-reason-offer_reply').innerText()).resolves.toBe(
      `${chineseDate(fixture.today)}发出的要约尚未得到回应：请先记录“对方接受要约”或“对方拒绝要约”`,
    );
    await expect(download('agreement_draft').isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId('document-reason-agreement_draft').innerText()).resolves.toContain(
      '尚未记录“双方首席代表签字”',
    );
  });

  it('downloads the offer letter as a Word file filled from the negotiation', async () => {
    const [file] = await Promise.all([page.waitForEvent('download'), download('offer').click()]);
    expect(file.suggestedFilename()).toBe(`要约书_${enterpriseName}_${fixture.today}.docx`);
    const bytes = await readFile(await file.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const xml = new PizZip(bytes).file('word/document.xml')!.asText();
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain(`${enterpriseName}工会（职工方）向你方提出要约`);
    expect(text).toContain(`统一社会信用代码：${creditCode}`);
    expect(text).toContain('集体合同规定第三十二条');
    expect(text).toContain(`本要约书于${chineseDate(fixture.today)}发出`);
  });
});
