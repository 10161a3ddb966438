import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { composeDocument } from './content/document-data';
import { DOCUMENT_KINDS, TEMPLATE_NAMES } from './content/document-kinds';
import { dossierAfter, UP_TO } from './content/documents.fixtures';
import { TEMPLATE_FIELDS } from './content/template-fields';
import { BUILT_IN_TEMPLATES_DIR } from './document-templates';
import { renderDocx, TemplateProblems, templateProblems } from './docx-render';

const builtIn = (name: string) => readFileSync(join(BUILT_IN_TEMPLATES_DIR, `${name}.docx`));

/** The text of a document's body, paragraph by paragraph. */
function paragraphs(docx: Buffer): string[] {
  const xml = new PizZip(docx).file('word/document.xml')!.asText();
  return [...xml.matchAll(/<w:p[ >].*?<\/w:p>/g)].map((p) => p[0].replace(/<[^>]+>/g, ''));
}

/** A copy of a built-in template with its document text edited. */
function edited(name: string, edit: (xml: string) => string): Buffer {
  const zip = new PizZip(builtIn(name));
  zip.file('word/document.xml', edit(zip.file('word/document.xml')!.asText()));
  return zip.generate({ type: 'nodebuffer' });
}

function problemsOfRender(template: Buffer, data: Record<string, unknown>): string[] {
  try {
    renderDocx(template, data, TEMPLATE_FIELDS.offer);
  } catch (error) {
    if (error instanceof TemplateProblems) return [...error.problems];
    throw error;
  }
  return [];
}

describe('built-in templates', () => {
  it.each(TEMPLATE_NAMES)('%s.docx uses only its own fields', (name) => {
    expect(templateProblems(builtIn(name), TEMPLATE_FIELDS[name])).toEqual([]);
  });

  it.each(DOCUMENT_KINDS)('%s.docx renders every tag from the negotiation, leaving none behind', (kind) => {
    const composition = composeDocument(kind, dossierAfter(UP_TO.submitted), '2026-05-08');
    if (!composition.available) throw new Error(composition.reason);
    const text = paragraphs(renderDocx(builtIn(kind), composition.document.data, TEMPLATE_FIELDS[kind])).join(
      '\n',
    );
    expect(text).not.toMatch(/[{}]/);
    expect(text).toContain('金八角水泥有限公司');
  });

  it('repeats a paragraph per enterprise and keeps one branch of a condition', () => {
    const enterprises = ['甲', '乙', '丙'].map((name, i) => ({
      ...dossierAfter([]).enterprises[0]!,
      id: i + 1,
      name: `${name}公司`,
    }));
    const composition = composeDocument(
      'offer_reply',
      dossierAfter(UP_TO.accepted, { scope: 'regional', enterprises }),
      '2026-05-08',
    );
    if (!composition.available) throw new Error(composition.reason);
    const text = paragraphs(
      renderDocx(builtIn('offer_reply'), composition.document.data, TEMPLATE_FIELDS.offer_reply),
    );
    expect(text.filter((p) => p.includes('同意进行集体协商'))).toEqual([
      '我方同意进行集体协商，将依法确定协商代表，与你方商定协商的时间、地点和内容。',
    ]);
    expect(text.some((p) => p.includes('不同意'))).toBe(false);
    const offer = composeDocument(
      'offer',
      dossierAfter(UP_TO.accepted, { scope: 'regional', enterprises }),
      '2026-05-08',
    );
    if (!offer.available) throw new Error(offer.reason);
    const listed = paragraphs(
      renderDocx(builtIn('offer'), offer.document.data, TEMPLATE_FIELDS.offer),
    ).filter((p) => /^\d\. /.test(p));
    expect(listed.map((p) => p.slice(0, 6))).toEqual(['1. 甲公司', '2. 乙公司', '3. 丙公司']);
  });

  it('fills the work summary with one paragraph per item', () => {
    const text = paragraphs(
      renderDocx(
        builtIn('work_summary'),
        {
          title: '2026年上半年工会工作总结（摘录）',
          unitName: '金山县总工会',
          periodLabel: '2026年上半年',
          paragraphs: [{ text: '第一段。' }, { text: '第二段。' }],
          generatedOn: '2026年7月1日',
        },
        TEMPLATE_FIELDS.work_summary,
      ),
    );
    expect(text.filter(Boolean)).toEqual([
      '2026年上半年工会工作总结（摘录）',
      '金山县总工会',
      '2026年上半年',
      '第一段。',
      '第二段。',
      '2026年7月1日',
    ]);
  });
});

describe(renderDocx.name, () => {
  const data = { title: '要约书' };

  it('names a tag that is no field, and makes no file', () => {
    const typo = edited('offer', (xml) => xml.replace('{recipient}', '{enterpriseNme}'));
    expect(problemsOfRender(typo, data)).toEqual(['标签 {enterpriseNme} 不是可用的字段']);
  });

  it('blames the caller, not the template, for data that lacks a field the template may use', () => {
    expect(() => renderDocx(builtIn('work_summary'), { title: 'x' }, TEMPLATE_FIELDS.work_summary)).toThrow(
      'the data lacks unitName, periodLabel, #paragraphs, generatedOn, which the template uses',
    );
  });

  it('names a tag without data when it knows no fields (a template of another feature)', () => {
    expect(() => renderDocx(builtIn('work_summary'), { title: 'x' }, null)).toThrow(
      new TemplateProblems([
        '标签 {unitName} 不是可用的字段',
        '标签 {periodLabel} 不是可用的字段',
        '标签 {#paragraphs} 不是可用的字段',
        '标签 {generatedOn} 不是可用的字段',
      ]),
    );
  });

  it('names an unclosed tag and an unclosed list', () => {
    const broken = edited('offer', (xml) =>
      xml.replace('{recipient}', '{recipient').replace('{/enterprises}', ''),
    );
    expect(problemsOfRender(broken, data)).toEqual([
      '标签 {recipient 没有闭合（缺少“}”）',
      '标签 {#enterprises} 没有对应的 {/enterprises}',
    ]);
  });

  it('names a tag without its opening brace', () => {
    const broken = edited('offer', (xml) => xml.replace('{recipient}', 'recipient}'));
    expect(problemsOfRender(broken, data)).toEqual(['标签 recipient} 缺少开头的“{”']);
  });

  it('refuses raw XML tags', () => {
    const raw = edited('offer', (xml) => xml.replace('>{title}<', '>{@title}<'));
    expect(problemsOfRender(raw, data)).toEqual(['标签 {@title} 不可用：不支持插入原始 XML']);
  });

  it('says when the file is no Word document', () => {
    expect(problemsOfRender(Buffer.from('not a zip'), data)).toEqual(['不是有效的 Word（.docx）文件']);
  });
});
