import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PizZip from 'pizzip';
import request from 'supertest';
import { addDays } from '../src/common/dates/business-date';
import { BUILT_IN_TEMPLATES_DIR, DocumentTemplates } from '../src/documents/document-templates';
import { binaryBody } from './support/binary-body';
import { aCreditCode, anEnterprise } from './support/factories';
import { aNegotiation, daysAgo, nationalDue, record, toSigning } from './support/negotiations';
import { aUnitTree } from './support/org-tree';
import { createTestApp, TestApp } from './support/test-app';
import { aSignedInUser, SignedInUser } from './support/users';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** `2026-03-05` → `2026年3月5日`, as the documents write dates. */
const chineseDate = (iso: string) => {
  const [year, month, day] = iso.split('-').map(Number);
  return `${year}年${month}月${day}日`;
};

/** The text of a .docx's body, one line per paragraph. */
function textOf(docx: Buffer): string {
  const xml = new PizZip(docx).file('word/document.xml')!.asText();
  return [...xml.matchAll(/<w:p[ >].*?<\/w:p>/g)].map((p) => p[0].replace(/<[^>]+>/g, '')).join('\n');
}

/** A copy of a built-in template with its body text edited. */
function editedTemplate(name: string, edit: (xml: string) => string): Buffer {
  const zip = new PizZip(readFileSync(join(BUILT_IN_TEMPLATES_DIR, `${name}.docx`)));
  zip.file('word/document.xml', edit(zip.file('word/document.xml')!.asText()));
  return zip.generate({ type: 'nodebuffer' });
}

interface Round {
  id: number;
  version: number;
  enterprise: { id: number; name: string; creditCode: string };
}

/** An enterprise of the instructor's (or none) and a wage round for it, opened by the admin. */
async function aRound(sut: TestApp, admin: SignedInUser, instructorId?: number): Promise<Round> {
  const body = anEnterprise({ instructorId, name: `金八角水泥${aCreditCode().slice(-4)}有限公司` });
  const created = await request(sut.http).post('/api/v1/enterprises').set(admin.auth).send(body).expect(201);
  const negotiation = await aNegotiation(sut, admin, { enterpriseIds: [created.body.id] });
  return {
    ...negotiation,
    enterprise: { id: created.body.id, name: body.name, creditCode: body.creditCode },
  };
}

const list = (sut: TestApp, id: number, as: SignedInUser) =>
  request(sut.http).get(`/api/v1/negotiations/${id}/documents`).set(as.auth);

const download = (sut: TestApp, id: number, kind: string, as: SignedInUser) =>
  request(sut.http)
    .get(`/api/v1/negotiations/${id}/documents/${kind}.docx`)
    .set(as.auth)
    .buffer(true)
    .parse(binaryBody);

/** A download that must fail: its JSON error body. */
async function refusal(sut: TestApp, id: number, kind: string, as: SignedInUser, status: number) {
  const res = await download(sut, id, kind, as).expect(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect((res.body as Buffer).subarray(0, 2).toString('latin1')).not.toBe('PK');
  return JSON.parse((res.body as Buffer).toString('utf8')) as Record<string, unknown>;
}

/** Downloads a document and checks it is a Word file named after its title, the enterprise and the step's day. */
async function document(
  sut: TestApp,
  round: Round,
  kind: string,
  as: SignedInUser,
  expected: { title: string; datedOn: string },
): Promise<string> {
  const res = await download(sut, round.id, kind, as).expect(200);
  expect(res.headers['content-type']).toBe(DOCX);
  const fileName = `${expected.title}_${round.enterprise.name}_${expected.datedOn}.docx`;
  expect(res.headers['content-disposition']).toBe(
    `attachment; filename="document.docx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  );
  const text = textOf(res.body as Buffer);
  expect(text).not.toMatch(/[{}]/);
  return text;
}

describe('Negotiation documents (e2e)', () => {
  let sut: TestApp;
  let admin: SignedInUser;
  let instructor: SignedInUser;
  let round: Round;
  const start = daysAgo(60);
  const steps = toSigning(start);
  const [offer, accepted, representatives, meeting, draft, vote, signed] = steps;

  beforeAll(async () => {
    sut = await createTestApp();
  });
  beforeEach(async () => {
    admin = await aSignedInUser(sut, 'admin');
    instructor = await aSignedInUser(sut, 'instructor');
    round = await aRound(sut, admin, instructor.id);
  });
  afterEach(() => sut.reset());
  afterAll(() => sut.close());

  it('lists every document and says which step each one waits for', async () => {
    const before = await list(sut, round.id, instructor).expect(200);
    expect(before.body).toEqual([
      { kind: 'offer', title: '要约书', available: false, reason: expect.stringContaining('发出协商要约') },
      {
        kind: 'offer_reply',
        title: '要约回应书',
        available: false,
        reason: expect.stringContaining('发出协商要约'),
      },
      {
        kind: 'vote_resolution',
        title: '职工代表大会决议',
        available: false,
        reason: expect.stringContaining('职代会表决'),
      },
      {
        kind: 'agreement_draft',
        title: '工资专项集体合同文本',
        available: false,
        reason: expect.stringContaining('双方首席代表签字'),
      },
      {
        kind: 'review_submission',
        title: '集体合同报送审查登记表',
        available: false,
        reason: expect.stringContaining('双方首席代表签字'),
      },
    ]);

    await record(sut, instructor, round, [offer]);
    const after = await list(sut, round.id, instructor).expect(200);
    expect(after.body.map((d: { kind: string; available: boolean }) => [d.kind, d.available])).toEqual([
      ['offer', true],
      ['offer_reply', false],
      ['vote_resolution', false],
      ['agreement_draft', false],
      ['review_submission', false],
    ]);
    expect(after.body[0].reason).toBeUndefined();
    expect(after.body[1].reason).toBe(
      `${chineseDate(start)}发出的要约尚未得到回应：请先记录“对方接受要约”或“对方拒绝要约”`,
    );
  });

  it('answers 409 DOCUMENT.NOT_AVAILABLE, naming the missing step, before the step a document records', async () => {
    const early = await refusal(sut, round.id, 'offer', instructor, 409);
    expect(early).toMatchObject({
      statusCode: 409,
      code: 'DOCUMENT.NOT_AVAILABLE',
      message: '要约书暂不能生成：尚未记录“发出协商要约”：要约书在发出要约后生成',
      kind: 'offer',
    });

    await record(sut, instructor, round, [offer, accepted, representatives, meeting, draft]);
    const noVote = await refusal(sut, round.id, 'vote_resolution', instructor, 409);
    expect(noVote.message).toContain('尚未记录“职代会表决”');
    const notSigned = await refusal(sut, round.id, 'agreement_draft', instructor, 409);
    expect(notSigned.message).toMatch(/^工资专项集体合同文本暂不能生成：尚未记录“双方首席代表签字”/);
  });

  it('writes the offer letter: the parties, the dates in Chinese and the reply limit with its article', async () => {
    await record(sut, instructor, round, [offer]);
    const text = await document(sut, round, 'offer', instructor, { title: '要约书', datedOn: start });
    expect(text).toContain('要约书');
    expect(text).toContain(`${round.enterprise.name}：`);
    expect(text).toContain(
      `${round.enterprise.name}工会（职工方）向你方提出要约：就签订工资专项集体合同进行集体协商`,
    );
    expect(text).toContain(`统一社会信用代码：${round.enterprise.creditCode}；地址：金山镇家和社区`);
    expect(text).toContain('请你方自收到本要约书之日起20日内以书面形式给予回应（集体合同规定第三十二条）');
    expect(text).toContain(
      `本要约书于${chineseDate(start)}发出，你方于${chineseDate(start)}收到，答复期限至${chineseDate(addDays(start, 20))}。`,
    );
  });

  it('writes the reply: accepted, on the day it was recorded, within the limit', async () => {
    await record(sut, instructor, round, [offer, accepted]);
    const repliedOn = addDays(start, 5);
    const text = await document(sut, round, 'offer_reply', instructor, {
      title: '要约回应书',
      datedOn: repliedOn,
    });
    expect(text).toContain(`${round.enterprise.name}工会：`);
    expect(text).toContain('我方同意进行集体协商');
    expect(text).not.toContain('不同意');
    expect(text).toContain(`本回应于${chineseDate(repliedOn)}作出，在答复期限内`);
    expect(text).toContain(`回应方：${round.enterprise.name}（盖章）`);
  });

  it('writes a refusal with its reason', async () => {
    const refusedOn = addDays(start, 3);
    await record(sut, instructor, round, [
      offer,
      { type: 'OFFER_REFUSED', occurredOn: refusedOn, reason: '企业正在改制' },
    ]);
    const text = await document(sut, round, 'offer_reply', instructor, {
      title: '要约回应书',
      datedOn: refusedOn,
    });
    expect(text).toContain('我方不同意进行集体协商，理由如下：企业正在改制');
  });

  it('writes the resolution with the vote’s numbers, the required shares and the result', async () => {
    await record(sut, instructor, round, steps.slice(0, 6));
    const votedOn = addDays(start, 18);
    const text = await document(sut, round, 'vote_resolution', instructor, {
      title: '职工代表大会决议',
      datedOn: votedOn,
    });
    expect(text).toContain(`${chineseDate(votedOn)}，${round.enterprise.name}召开职工代表大会`);
    expect(text).toContain('应到职工代表（职工）100人，实到80人；表决结果：赞成60票。');
    expect(text).toContain('依照集体合同规定第三十六条');
    expect(text).toContain('三分之二以上职工代表（职工）出席（本次至少67人）');
    expect(text).toContain('二分之一以上同意（本次至少51票）');
    expect(text).toContain('大会决议：工资专项集体合同草案获得通过');
    expect(vote).toMatchObject({ total: 100, present: 80, inFavour: 60 });
  });

  it('writes a failed vote as not passed, with what it missed', async () => {
    const failed = { ...vote, present: 60, inFavour: 55 };
    await record(sut, instructor, round, [...steps.slice(0, 5), failed]);
    const text = await document(sut, round, 'vote_resolution', instructor, {
      title: '职工代表大会决议',
      datedOn: addDays(start, 18),
    });
    expect(text).toContain('草案未获通过（实到60人，不足应到人数的三分之二（至少67人））');
  });

  it('writes the agreement text with its terms, representatives and time limits', async () => {
    await record(sut, instructor, round, steps);
    const signedOn = addDays(start, 20);
    const text = await document(sut, round, 'agreement_draft', instructor, {
      title: '工资专项集体合同文本',
      datedOn: signedOn,
    });
    expect(text.split('\n')[0]).toBe('工资专项集体合同');
    expect(text).toContain(`甲方（企业方）：${round.enterprise.name}`);
    expect(text).toContain(round.enterprise.creditCode);
    expect(text).toContain('覆盖职工120人');
    expect(text).toContain('本合同期限为12个月，自生效之日起计算（集体合同规定第三十八条）');
    expect(text).toContain('职工平均工资增长幅度：6.5%');
    expect(text).toContain('企业最低工资标准：2000元/月');
    expect(text).toContain(
      '本合同签订后7日内，由甲方报送劳动保障行政部门审查（工资集体协商试行办法第二十一条）',
    );
    expect(text).toContain(
      '自收到文本之日起15日内未提出异议的，本合同即行生效（集体合同规定第四十七条；劳动合同法第五十四条）',
    );
    expect(text).toContain('甲方首席代表：刘洋');
    expect(text).toContain('乙方首席代表：张伟');
    expect(text).toContain('乙方协商代表：张伟、李娜、王芳');
    expect(text).toContain(`签订日期：${chineseDate(signedOn)}`);
    expect(signed).toMatchObject({ coveredEmployees: 120 });
  });

  it('writes the review form with the submission and the review period once submitted', async () => {
    const signedOn = addDays(start, 20);
    const submittedOn = addDays(start, 22);
    await record(sut, instructor, round, [
      ...steps,
      { type: 'SUBMITTED_FOR_REVIEW', occurredOn: submittedOn },
    ]);
    const text = await document(sut, round, 'review_submission', instructor, {
      title: '集体合同报送审查登记表',
      datedOn: submittedOn,
    });
    expect(text).toContain(`报送单位（企业方）：${round.enterprise.name}`);
    expect(text).toContain(`统一社会信用代码：${round.enterprise.creditCode}`);
    expect(text).toContain(
      `职工代表大会审议：${chineseDate(addDays(start, 18))}，应到100人，实到80人，赞成60票，通过（集体合同规定第三十六条）`,
    );
    expect(text).toContain(
      `报送期限：签订之日起7日内，即${chineseDate(addDays(signedOn, 7))}前（工资集体协商试行办法第二十一条）`,
    );
    expect(text).toContain(`报送日期：${chineseDate(submittedOn)}`);
    expect(text).toContain(`审查期限：收到之日起15日，至${chineseDate(nationalDue(submittedOn, 15))}`);
  });

  it('covers every enterprise of a regional round', async () => {
    const names = ['金山织造有限公司', '金山茶业有限公司'];
    // One after the other: the document lists the enterprises in the order they were registered.
    const enterprises: { id: number; creditCode: string }[] = [];
    for (const name of names) {
      const body = anEnterprise({ name, instructorId: instructor.id });
      const res = await request(sut.http).post('/api/v1/enterprises').set(admin.auth).send(body).expect(201);
      enterprises.push({ id: res.body.id as number, creditCode: body.creditCode });
    }
    const regional = await aNegotiation(sut, admin, {
      scope: 'regional',
      enterpriseIds: enterprises.map((e) => e.id),
    });
    await record(sut, admin, regional, [offer]);
    const res = await download(sut, regional.id, 'offer', instructor).expect(200);
    expect(res.headers['content-disposition']).toContain(
      encodeURIComponent(`要约书_金山织造有限公司等2家_${start}.docx`),
    );
    const text = textOf(res.body as Buffer);
    expect(text).toContain('本次协商为区域性协商，涉及以下2家企业、职工240人');
    expect(text).toContain(`1. 金山织造有限公司（统一社会信用代码：${enterprises[0].creditCode}`);
    expect(text).toContain(`2. 金山茶业有限公司（统一社会信用代码：${enterprises[1].creditCode}`);
    expect(text).toContain('金山镇区域性工会联合会');
  });

  it('gives an agreement recorded after the fact its text only', async () => {
    const historical = await request(sut.http)
      .post('/api/v1/agreements/historical')
      .set(admin.auth)
      .send({
        agreementKind: 'comprehensive',
        scope: 'enterprise',
        enterpriseIds: [round.enterprise.id],
        signedOn: daysAgo(200),
        effectiveOn: daysAgo(190),
        expiresOn: addDays(daysAgo(190), 365),
        coveredEmployees: 100,
        termMonths: 12,
      })
      .expect(201);
    const res = await list(sut, historical.body.id, instructor).expect(200);
    expect(
      res.body.filter((d: { available: boolean }) => d.available).map((d: { title: string }) => d.title),
    ).toEqual(['集体合同文本']);
    expect(res.body.find((d: { kind: string }) => d.kind === 'review_submission').reason).toContain(
      '补录的历史协议',
    );
    const text = textOf(
      (await download(sut, historical.body.id, 'agreement_draft', instructor).expect(200)).body,
    );
    expect(text).toContain(`自${chineseDate(daysAgo(190))}起至${chineseDate(addDays(daysAgo(190), 364))}止`);
    expect(text).toContain('甲方首席代表：（未记录）');
  });

  it('answers 404 for a kind of document there is not', async () => {
    const unknown = await refusal(sut, round.id, 'contract', instructor, 404);
    expect(unknown).toMatchObject({ code: 'DOCUMENT.UNKNOWN_KIND' });
    expect(unknown.message).toContain(
      'offer、offer_reply、vote_resolution、agreement_draft、review_submission',
    );
    await request(sut.http)
      .get(`/api/v1/negotiations/${round.id}/documents/offer.pdf`)
      .set(instructor.auth)
      .expect(404);
  });

  it('shows the documents to whoever may read the negotiation, and to nobody else (404)', async () => {
    await record(sut, instructor, round, [offer]);
    const supervisor = await aSignedInUser(sut, 'supervisor');
    await list(sut, round.id, supervisor).expect(200);
    await download(sut, round.id, 'offer', supervisor).expect(200);

    // A supervisor of another county's unit, and an instructor of other enterprises.
    const neighbour = await aUnitTree(sut, { code: '990100', name: '邻县', children: [] }, 'county');
    const outsider = await aSignedInUser(sut, 'supervisor', { orgUnitId: neighbour['邻县'].id });
    expect(await refusal(sut, round.id, 'offer', outsider, 404)).toMatchObject({
      code: 'NEGOTIATION.NOT_FOUND',
    });
    await list(sut, round.id, outsider).expect(404);

    const other = await aSignedInUser(sut, 'instructor');
    await aRound(sut, admin, other.id);
    const hidden = await list(sut, round.id, other).expect(404);
    expect(hidden.body.code).toBe('NEGOTIATION.NOT_FOUND');
    expect(await refusal(sut, round.id, 'offer', other, 404)).toMatchObject({
      code: 'NEGOTIATION.NOT_FOUND',
    });
    expect(await refusal(sut, 999999, 'offer', admin, 404)).toMatchObject({ code: 'NEGOTIATION.NOT_FOUND' });
  });
});

/**
 * An app that reads its templates from a folder holding `files` (file name → content), with a
 * new admin for each test; the folder is removed afterwards.
 */
function appWithTemplates(files: () => Record<string, Buffer>): { sut: TestApp; admin: SignedInUser } {
  const app = {} as { sut: TestApp; admin: SignedInUser };
  let folder: string;
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'wagetrack-templates-'));
    for (const [name, content] of Object.entries(files())) writeFileSync(join(folder, name), content);
    app.sut = await createTestApp({ documents: { templatesDir: folder } });
  });
  beforeEach(async () => {
    app.admin = await aSignedInUser(app.sut, 'admin');
  });
  afterEach(() => app.sut.reset());
  afterAll(async () => {
    await app.sut.close();
    rmSync(folder, { recursive: true, force: true });
  });
  return app;
}

describe('Negotiation documents from a county’s own templates (e2e)', () => {
  const app = appWithTemplates(() => ({
    'offer.docx': editedTemplate('offer', (xml) =>
      xml.replace('>{title}<', '>金山县总工会专用要约书：{sender}致{recipient}，{replyDays}日内答复<'),
    ),
  }));

  it('fills the county’s offer.docx and keeps the built-in template for the other documents', async () => {
    const round = await aRound(app.sut, app.admin);
    const start = daysAgo(30);
    await record(app.sut, app.admin, round, toSigning(start).slice(0, 2));
    const offer = textOf((await download(app.sut, round.id, 'offer', app.admin).expect(200)).body);
    expect(offer.split('\n')[0]).toBe(
      `金山县总工会专用要约书：${round.enterprise.name}工会致${round.enterprise.name}，20日内答复`,
    );
    const reply = textOf((await download(app.sut, round.id, 'offer_reply', app.admin).expect(200)).body);
    expect(reply.split('\n')[0]).toBe('要约回应书');
  });

  it('finds nothing wrong with it at start-up', async () => {
    await expect(app.sut.app.get(DocumentTemplates).check()).resolves.toEqual([]);
  });
});

describe('Negotiation documents from a broken template (e2e)', () => {
  const app = appWithTemplates(() => ({
    'offer.docx': editedTemplate('offer', (xml) => xml.replace('{recipient}', '{recipient')),
    'offer_reply.docx': editedTemplate('offer_reply', (xml) => xml.replace('{sender}', '{enterpriseNme}')),
    'offer_letter.docx': readFileSync(join(BUILT_IN_TEMPLATES_DIR, 'offer.docx')),
  }));

  it('answers 500 DOCUMENT.TEMPLATE_INVALID naming the template and the tag, and sends no document', async () => {
    const round = await aRound(app.sut, app.admin);
    await record(app.sut, app.admin, round, toSigning(daysAgo(30)).slice(0, 2));

    const unclosed = await refusal(app.sut, round.id, 'offer', app.admin, 500);
    expect(unclosed).toEqual({
      statusCode: 500,
      code: 'DOCUMENT.TEMPLATE_INVALID',
      message: '文书模板 offer.docx 有误：标签 {recipient 没有闭合（缺少“}”）',
      messageZh: '文书模板 offer.docx 有误：标签 {recipient 没有闭合（缺少“}”）',
      template: 'offer.docx',
    });
    const typo = await refusal(app.sut, round.id, 'offer_reply', app.admin, 500);
    expect(typo).toMatchObject({
      code: 'DOCUMENT.TEMPLATE_INVALID',
      message: '文书模板 offer_reply.docx 有误：标签 {enterpriseNme} 不是可用的字段',
    });
  });

  it('lists each broken template, and a file that names no template, in the start-up check', async () => {
    await expect(app.sut.app.get(DocumentTemplates).check()).resolves.toEqual([
      '文书模板 offer.docx 有误：标签 {recipient 没有闭合（缺少“}”）',
      expect.stringMatching(/^DOCUMENT_TEMPLATES_DIR 中的 offer_letter\.docx 不对应任何文书模板/),
      '文书模板 offer_reply.docx 有误：标签 {enterpriseNme} 不是可用的字段',
    ]);
  });
});
