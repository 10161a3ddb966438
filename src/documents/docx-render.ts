import Docxtemplater, { type DXT } from 'docxtemplater';
import InspectModule from 'docxtemplater/js/inspect-module.js';
import PizZip from 'pizzip';
import type { TemplateData } from './content/document-data';
import type { TemplateField } from './content/template-fields';
import { type TagTree, unknownTags } from './content/template-tags';

/** What is wrong with a template, one problem per tag, in Chinese (the office that edits it reads it). */
export class TemplateProblems extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('; '));
    this.name = 'TemplateProblems';
  }
}

/** docxtemplater's own error, as `MultiError.properties.errors[]` carries each one. */
interface TemplateErrorProperties {
  id?: string;
  xtag?: string;
  explanation?: string;
}

/** Where a tag typed without its brace ends: at a space or punctuation. */
const STOP = '\\s：，。、；！？（）《》“”‘’:,;!?()<>{}';
const TAG_START = new RegExp(`^[^${STOP}]*`);
const TAG_END = new RegExp(`[^${STOP}]*$`);

/**
 * The tag as the office typed it: docxtemplater reports an unclosed tag with the text after it,
 * up to the next space (none in Chinese), so it is cut at the first punctuation, and kept short.
 */
function typedTag(xtag: string | undefined, id: string | undefined): string {
  const text = xtag ?? '';
  // An unopened tag is reported with the text before its `}`: keep the end of it.
  const tag = id === 'unopened_tag' ? (TAG_END.exec(text)?.[0] ?? '') : (TAG_START.exec(text)?.[0] ?? '');
  if (tag.length <= 30) return tag;
  return id === 'unopened_tag' ? `…${tag.slice(-30)}` : `${tag.slice(0, 30)}…`;
}

/** docxtemplater's syntax errors in words an office understands. */
function syntaxProblem({ id, xtag: raw, explanation }: TemplateErrorProperties): string {
  const xtag = typedTag(raw, id);
  switch (id) {
    case 'unclosed_tag':
      return `标签 {${xtag} 没有闭合（缺少“}”）`;
    case 'unopened_tag':
      return `标签 ${xtag}} 缺少开头的“{”`;
    case 'duplicate_open_tag':
      return `标签 {{${xtag} 多了一个“{”`;
    case 'duplicate_close_tag':
      return `标签 ${xtag}}} 多了一个“}”`;
    case 'unclosed_loop':
      return `标签 {#${xtag}} 没有对应的 {/${xtag}}`;
    case 'unopened_loop':
      return `标签 {/${xtag}} 没有对应的 {#${xtag}}`;
    case 'raw_xml_tag_should_be_only_text_in_paragraph':
      return rawXmlProblem(xtag);
    case 'closing_tag_does_not_match_opening_tag':
      return `标签 {/${xtag}} 与前面打开的列表或条件不对应`;
    default:
      return `标签 {${xtag}} 有误（${explanation ?? id ?? '无法解析'}）`;
  }
}

/** `{@tag}` puts its value into the document as XML, unescaped: a name with `&` would break the file. */
const rawXmlProblem = (tag: string) => `标签 {@${tag}} 不可用：不支持插入原始 XML`;

/** The raw XML tags of a template, inside lists too. */
function rawXmlTags(parts: readonly DXT.Part[]): string[] {
  return parts.flatMap((part) => [
    ...(part.module === 'rawxml' ? [part.value] : []),
    ...rawXmlTags(part.subparsed ?? []),
  ]);
}

function problemsOf(error: unknown): string[] {
  const properties = (error as { properties?: { errors?: Array<{ properties?: TemplateErrorProperties }> } })
    .properties;
  if (properties?.errors?.length) return properties.errors.map((e) => syntaxProblem(e.properties ?? {}));
  if (properties && 'id' in properties) return [syntaxProblem(properties as TemplateErrorProperties)];
  return [`无法解析（${error instanceof Error ? error.message : String(error)}）`];
}

/** Loads and compiles a template: a file that is no .docx, or a tag that does not parse, is a problem. */
function compile(
  template: Buffer,
  onMissing: (tag: string) => void,
): { doc: Docxtemplater; tags: TagTree; raw: string[] } {
  let zip: PizZip;
  try {
    zip = new PizZip(template);
  } catch {
    throw new TemplateProblems(['不是有效的 Word（.docx）文件']);
  }
  const inspect = new InspectModule();
  try {
    const doc = new Docxtemplater(zip, {
      modules: [inspect],
      // A list's tags on paragraphs of their own repeat whole paragraphs (one per enterprise).
      paragraphLoop: true,
      linebreaks: true,
      errorLogging: false,
      // A tag that finds no value names no field: a typo in the template (the data has no gaps).
      nullGetter(part) {
        onMissing(part.module === 'loop' ? `${part.inverted ? '^' : '#'}${part.value}` : part.value);
        return '';
      },
    });
    const raw = rawXmlTags(inspect.getAllStructuredTags());
    return { doc, tags: inspect.getAllTags() as TagTree, raw };
  } catch (error) {
    throw new TemplateProblems(problemsOf(error));
  }
}

const unknownTagProblem = (tag: string) => `标签 {${tag}} 不是可用的字段`;

/** What can be told before filling: raw XML tags, and tags that name none of the fields (when known). */
function tagProblems(
  tags: TagTree,
  raw: readonly string[],
  fields: readonly TemplateField[] | null,
): string[] {
  return [...raw.map(rawXmlProblem), ...(fields ? unknownTags(tags, fields).map(unknownTagProblem) : [])];
}

/**
 * The problems of a template against the fields it may use (empty when it is fine): syntax, tags
 * that name no field, raw XML tags (`{@…}`, which would put text unescaped into the document).
 */
export function templateProblems(template: Buffer, fields: readonly TemplateField[] | null): string[] {
  try {
    const { tags, raw } = compile(template, () => undefined);
    return tagProblems(tags, raw, fields);
  } catch (error) {
    if (error instanceof TemplateProblems) return [...error.problems];
    throw error;
  }
}

/**
 * Fills a Word template with `data`; throws {@link TemplateProblems} (and makes no file) when
 * the template does not parse, inserts raw XML, or uses a tag that names no field: checked
 * against `fields` when they are known, else by every tag that finds no value in `data`.
 */
export function renderDocx(
  template: Buffer,
  data: TemplateData | Record<string, unknown>,
  fields: readonly TemplateField[] | null,
): Buffer {
  const missing = new Set<string>();
  const { doc, tags, raw } = compile(template, (tag) => missing.add(tag));
  const problems = tagProblems(tags, raw, fields);
  if (problems.length > 0) throw new TemplateProblems(problems);
  try {
    doc.render(data);
  } catch (error) {
    throw new TemplateProblems(problemsOf(error));
  }
  if (missing.size > 0) {
    // Every tag names a field here: the caller left one out, which is no fault of the template.
    if (fields) throw new Error(`the data lacks ${[...missing].join(', ')}, which the template uses`);
    throw new TemplateProblems([...missing].map(unknownTagProblem));
  }
  return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}
