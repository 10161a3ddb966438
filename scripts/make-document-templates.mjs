// Writes the built-in Word templates, templates/documents/<name>.docx, from the paragraph lists
// below: `node scripts/make-document-templates.mjs` (the .docx files are committed; run it after
// changing a list). A county replaces any of them without touching code: DOCUMENT_TEMPLATES_DIR
// (docs/documents.md). The tags ({sender}, {#enterprises}…{/enterprises}) are docxtemplater's; the
// fields each template may use are listed in src/documents/content/template-fields.ts.
//
// Each file is the minimal WordprocessingML package (the parts Word, WPS and LibreOffice need):
// [Content_Types].xml, _rels/.rels, word/document.xml, word/_rels/document.xml.rels and
// word/styles.xml (宋体 title, 仿宋 body, A4). Every paragraph is one run, which keeps the XML
// plain to read (docxtemplater would read a tag split across runs of a paragraph too). The
// output is the same bytes on every run (fixed file dates).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PizZip from 'pizzip';

const root = new URL('..', import.meta.url).pathname;
const target = process.argv[2] ?? join(root, 'templates', 'documents');

/** The paragraph kinds: a centred bold title, body text (first line indented), a plain line, right-aligned, centred. */
const title = (text) => ({ style: 'Title', text });
const p = (text) => ({ style: 'Body', text });
const line = (text) => ({ style: 'Line', text });
const right = (text) => ({ style: 'Signature', text });
const center = (text) => ({ style: 'Center', text });
const blank = () => line('');
/** A list's own paragraphs: docxtemplater repeats the paragraphs between them and drops these (paragraphLoop). */
const each = (tag, ...paragraphs) => [line(`{#${tag}}`), ...paragraphs, line(`{/${tag}}`)];
const when = (tag, ...paragraphs) => each(tag, ...paragraphs);
const unless = (tag, ...paragraphs) => [line(`{^${tag}}`), ...paragraphs, line(`{/${tag}}`)];

const enterpriseList = each(
  'enterprises',
  p(
    '{index}. {name}（统一社会信用代码：{creditCode}；地址：{address}；{ownership}，{industry}，职工{employees}人）',
  ),
);

const TEMPLATES = {
  offer: [
    title('{title}'),
    blank(),
    line('{recipient}：'),
    p(
      '根据《中华人民共和国劳动法》《中华人民共和国劳动合同法》和《集体合同规定》的有关规定，{sender}（{senderSide}）向你方提出要约：就签订{agreementName}进行集体协商。本次协商为{scopeName}协商，涉及以下{enterpriseCount}家企业、职工{totalEmployees}人：',
    ),
    ...enterpriseList,
    p(
      '请你方自收到本要约书之日起{replyDays}日内以书面形式给予回应（{replyRule}），无正当理由不得拒绝或者拖延。',
    ),
    p('本要约书于{sentOn}发出，你方于{receivedOn}收到，答复期限至{replyDueOn}。'),
    blank(),
    right('要约方：{sender}（盖章）'),
    right('{sentOn}'),
  ],
  offer_reply: [
    title('{title}'),
    blank(),
    line('{sender}：'),
    p(
      '你方于{sentOn}发出、我方于{receivedOn}收到的关于签订{agreementName}进行集体协商的要约书收悉。根据{replyRule}的规定，现书面回应如下：',
    ),
    ...when('accepted', p('我方同意进行集体协商，将依法确定协商代表，与你方商定协商的时间、地点和内容。')),
    ...unless('accepted', p('我方不同意进行集体协商，理由如下：{refusalReason}')),
    p('本回应于{repliedOn}作出，{timeliness}（收到要约之日起{replyDays}日内，即{replyDueOn}前）。'),
    blank(),
    right('回应方：{recipient}（盖章）'),
    right('{repliedOn}'),
  ],
  vote_resolution: [
    title('{title}'),
    center('（{negotiationTitle}）'),
    blank(),
    p(
      '{votedOn}，{enterpriseNames}召开职工代表大会（全体职工大会），审议由双方协商代表协商一致形成的{agreementName}草案。',
    ),
    p('应到职工代表（职工）{total}人，实到{present}人；表决结果：赞成{inFavour}票。'),
    p(
      '依照{voteRule}，审议须有{quorumShare}以上职工代表（职工）出席（本次至少{quorumNeeded}人），并经全体职工代表（职工）{majorityShare}以上同意（本次至少{majorityNeeded}票），方获通过。',
    ),
    ...when('passed', p('大会决议：{agreementName}草案获得通过，由双方首席代表签字。')),
    ...unless(
      'passed',
      p('大会决议：{agreementName}草案未获通过（{failedBecause}），由双方协商代表重新协商。'),
    ),
    blank(),
    right('{unionParty}'),
    right('{votedOn}'),
  ],
  agreement_draft: [
    title('{agreementName}'),
    blank(),
    line('甲方（企业方）：{employerParty}'),
    line('乙方（职工方）：{unionParty}'),
    line('适用企业：'),
    ...enterpriseList,
    p(
      '第一条　为维护职工和企业的合法权益，依据《中华人民共和国劳动法》《中华人民共和国劳动合同法》《集体合同规定》等法律法规，甲乙双方协商代表经平等协商一致，订立本合同。',
    ),
    p('第二条　本合同对上述企业和全体职工具有约束力，覆盖职工{coveredEmployees}人。'),
    p('第三条　本合同期限为{termMonths}个月，{period}（{termRule}）。'),
    p('第四条　职工平均工资增长幅度：{wageIncrease}。'),
    p('第五条　企业最低工资标准：{minimumWage}。'),
    p(
      '第六条　本合同签订后{submissionDays}日内，由甲方报送劳动保障行政部门审查（{submissionRule}）。劳动保障行政部门自收到文本之日起{reviewDays}日内未提出异议的，本合同即行生效（{reviewRule}）。',
    ),
    p('第七条　本合同生效后{publicationDays}日内，由双方向全体职工公布（{publicationRule}）。'),
    p(
      '第八条　本合同期满前{renewalWindowMonths}个月内，任何一方均可向对方提出重新签订或者续订的要求（{termRule}）。',
    ),
    blank(),
    line('甲方首席代表：{employerChief}　　　　乙方首席代表：{workerChief}'),
    line('甲方协商代表：{employerReps}'),
    line('乙方协商代表：{workerReps}'),
    line('签订日期：{signedOn}'),
  ],
  review_submission: [
    title('{title}'),
    blank(),
    line('报送单位（企业方）：{employerParty}'),
    line('工会（职工方）：{unionParty}'),
    line('合同名称：{agreementName}　　协商范围：{scopeName}'),
    line('适用企业（{enterpriseCount}家）：'),
    ...each(
      'enterprises',
      line(
        '{index}. {name}　统一社会信用代码：{creditCode}　乡镇（街道）：{township}　{ownership}　{industry}　职工{employees}人',
      ),
    ),
    line('覆盖职工人数：{coveredEmployees}人'),
    line('合同期限：{termMonths}个月，{period}'),
    line('职工平均工资增长幅度：{wageIncrease}　　企业最低工资标准：{minimumWage}'),
    line(
      '职工代表大会审议：{votedOn}，应到{total}人，实到{present}人，赞成{inFavour}票，{result}（{voteRule}）',
    ),
    line('首席代表：企业方 {employerChief}；职工方 {workerChief}'),
    line('签订日期：{signedOn}'),
    line('报送期限：签订之日起{submissionDays}日内，即{submissionDueOn}前（{submissionRule}）'),
    line('报送日期：{submittedOn}'),
    line('劳动保障行政部门收到日期：{reviewReceivedOn}'),
    line(
      '审查期限：收到之日起{reviewDays}日，至{reviewEndsOn}；期满未提出异议的，合同自行生效（{reviewRule}）',
    ),
    blank(),
    line('报送单位（盖章）：　　　　　　　　填表日期：{generatedOn}'),
  ],
  work_summary: [
    title('{title}'),
    center('{unitName}'),
    center('{periodLabel}'),
    blank(),
    ...each('paragraphs', p('{text}')),
    blank(),
    right('{generatedOn}'),
  ],
};

const escape = (text) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function documentXml(paragraphs) {
  const body = paragraphs
    .map(
      ({ style, text }) =>
        `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr>${
          text === '' ? '' : `<w:r><w:t xml:space="preserve">${escape(text)}</w:t></w:r>`
        }</w:p>`,
    )
    .join('');
  // A4, margins as official documents set them (上 37 mm, 下 35 mm, 左 28 mm, 右 26 mm).
  const section =
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>';
  return `${XML}<w:document xmlns:w="${W}"><w:body>${body}${section}</w:body></w:document>\n`;
}

const fonts = (eastAsia) =>
  `<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="${eastAsia}" w:cs="Times New Roman"/>`;

const STYLES = `${XML}<w:styles xmlns:w="${W}">
<w:docDefaults><w:rPrDefault><w:rPr>${fonts('仿宋')}<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="360" w:lineRule="auto"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="240" w:after="240"/><w:jc w:val="center"/></w:pPr><w:rPr>${fonts('宋体')}<w:b/><w:bCs/><w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Body"><w:name w:val="Body Text"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:firstLineChars="200" w:firstLine="560"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Line"><w:name w:val="Plain Line"/><w:basedOn w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Center"><w:name w:val="Centred"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Signature"><w:name w:val="Signature"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="right"/></w:pPr></w:style>
</w:styles>
`;

const CONTENT_TYPES = `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>
`;

const PACKAGE_RELS = `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
`;

const DOCUMENT_RELS = `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
`;

/** Fixed, so that running the script again writes the same bytes. */
const FILE_DATE = new Date('2026-01-01T00:00:00Z');

mkdirSync(target, { recursive: true });
for (const [name, paragraphs] of Object.entries(TEMPLATES)) {
  const zip = new PizZip();
  const add = (path, text) => zip.file(path, text, { date: FILE_DATE, createFolders: false });
  add('[Content_Types].xml', CONTENT_TYPES);
  add('_rels/.rels', PACKAGE_RELS);
  add('word/document.xml', documentXml(paragraphs.flat()));
  add('word/_rels/document.xml.rels', DOCUMENT_RELS);
  add('word/styles.xml', STYLES);
  writeFileSync(
    join(target, `${name}.docx`),
    zip.generate({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'DOS' }),
  );
  console.log(`wrote ${join(target, `${name}.docx`)}`);
}
