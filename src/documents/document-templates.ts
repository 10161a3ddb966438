import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TEMPLATE_NAMES, type TemplateName } from './content/document-kinds';
import { TEMPLATE_FIELDS } from './content/template-fields';
import { type DocumentsConfig, documentsConfig } from './documents.config';
import { DocumentTemplateInvalidError } from './documents.errors';
import { renderDocx, TemplateProblems, templateProblems } from './docx-render';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The built-in templates, `templates/documents/` at the top of the repository: the same two
 * levels up from `src/documents/` (tests, run from the sources) and from `dist/src/documents/`
 * (`npm start`), where scripts/copy-assets.mjs copies the folder to `dist/templates/documents/`.
 */
export const BUILT_IN_TEMPLATES_DIR = join(__dirname, '..', '..', 'templates', 'documents');

/** A template's name is a file name without a folder: `offer`, `work_summary`. */
const TEMPLATE_NAME = /^[a-z][a-z0-9_]*$/;

interface LocatedTemplate {
  path: string;
  /** The file name the errors name: `offer.docx`. */
  file: string;
  custom: boolean;
}

/**
 * Word documents from docxtemplater templates: `render(name, data)` fills `<name>.docx` from
 * DOCUMENT_TEMPLATES_DIR when the county put one there, else the built-in one. The negotiation
 * documents use it, and the reports feature for its work summary (`work_summary`).
 *
 * Templates are read on every render, so a replaced file counts at once. A template that cannot
 * be filled (a tag that does not parse, or names no field) answers DOCUMENT.TEMPLATE_INVALID
 * naming the file and the tags, and is logged; the custom ones are also checked at start-up,
 * each broken one logged as a warning (the app still starts).
 */
@Injectable()
export class DocumentTemplates implements OnApplicationBootstrap {
  private readonly logger = new Logger(DocumentTemplates.name);

  constructor(@Inject(documentsConfig.KEY) private readonly config: DocumentsConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const warning of await this.check()) this.logger.warn(warning);
  }

  /**
   * What is wrong with the templates that will be used: a built-in one missing (a broken build),
   * and every custom template that does not parse, uses a tag that names none of its fields, or
   * names no template. Empty when all is well.
   */
  async check(): Promise<string[]> {
    const missing = TEMPLATE_NAMES.filter(
      (name) => !existsSync(join(BUILT_IN_TEMPLATES_DIR, `${name}.docx`)),
    ).map((name) => `内置文书模板 ${name}.docx 不在 ${BUILT_IN_TEMPLATES_DIR}`);
    const dir = this.config.templatesDir;
    if (dir === null) return missing;
    const files = (await readdir(dir)).filter((file) => file.toLowerCase().endsWith('.docx')).sort();
    const custom = await Promise.all(
      files.map(async (file) => {
        const name = file.slice(0, -'.docx'.length);
        if (!(TEMPLATE_NAMES as readonly string[]).includes(name)) {
          return [
            `DOCUMENT_TEMPLATES_DIR 中的 ${file} 不对应任何文书模板，不会被使用（可用的名称：${TEMPLATE_NAMES.map((n) => `${n}.docx`).join('、')}）`,
          ];
        }
        const problems = templateProblems(
          await readFile(join(dir, file)),
          TEMPLATE_FIELDS[name as TemplateName],
        );
        return problems.length === 0 ? [] : [new DocumentTemplateInvalidError(file, problems).message];
      }),
    );
    return [...missing, ...custom.flat()];
  }

  /** `<name>.docx` filled with `data`, as a file to send; DOCUMENT.TEMPLATE_INVALID when the template is broken. */
  async render(name: string, data: Record<string, unknown>): Promise<Buffer> {
    const template = this.locate(name);
    const fields = (TEMPLATE_NAMES as readonly string[]).includes(name)
      ? TEMPLATE_FIELDS[name as TemplateName]
      : null;
    try {
      return renderDocx(await readFile(template.path), data, fields);
    } catch (error) {
      if (!(error instanceof TemplateProblems)) throw error;
      const invalid = new DocumentTemplateInvalidError(template.file, error.problems);
      this.logger.error(
        `${invalid.message} (${template.custom ? 'DOCUMENT_TEMPLATES_DIR' : 'built in'}: ${template.path})`,
      );
      throw invalid;
    }
  }

  private locate(name: string): LocatedTemplate {
    if (!TEMPLATE_NAME.test(name)) {
      throw new Error(`"${name}" is not a template name (lower case letters, digits, _)`);
    }
    const file = `${name}.docx`;
    const dir = this.config.templatesDir;
    if (dir !== null && existsSync(join(dir, file))) return { path: join(dir, file), file, custom: true };
    const builtIn = join(BUILT_IN_TEMPLATES_DIR, file);
    if (!existsSync(builtIn)) {
      throw new Error(
        `no template ${file}: not in DOCUMENT_TEMPLATES_DIR, nor built in (${BUILT_IN_TEMPLATES_DIR})`,
      );
    }
    return { path: builtIn, file, custom: false };
  }
}
