import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Language } from '../users/domain/account';

export type TemplateName = 'digest' | 'summary';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface MailLabels {
  kinds: Record<string, string>;
  overdue: string;
  dueToday: string;
  dueIn: string;
  stalled: string;
  opened: string;
  noAgreement: string;
  yes: string;
  no: string;
  sectors: Record<string, string>;
  unassigned: string;
  /** The summary's unit when it covers a deployment of several roots. */
  allUnits: string;
}

const TEMPLATE_DIR = join(__dirname, 'templates');

/**
 * The e-mail templates (`templates/<language>/<name>.{subject,text,html}.hbs`, Handlebars)
 * and their wording (`labels.json`). Texts are not HTML-escaped; the HTML part is.
 */
@Injectable()
export class MailTemplates {
  private readonly handlebars = Handlebars.create();
  private readonly cache = new Map<string, Handlebars.TemplateDelegate>();

  constructor() {
    this.handlebars.registerHelper('inc', (value: number) => value + 1);
  }

  private readonly labelCache = new Map<Language, MailLabels>();

  labels(language: Language): MailLabels {
    let labels = this.labelCache.get(language);
    if (!labels) {
      labels = JSON.parse(readFileSync(join(TEMPLATE_DIR, language, 'labels.json'), 'utf8')) as MailLabels;
      this.labelCache.set(language, labels);
    }
    return labels;
  }

  render(language: Language, name: TemplateName, model: object): RenderedMail {
    return {
      subject: this.template(language, name, 'subject', true)(model).trim(),
      text: this.template(language, name, 'text', true)(model),
      html: this.template(language, name, 'html', false)(model),
    };
  }

  private template(
    language: Language,
    name: TemplateName,
    part: string,
    plain: boolean,
  ): Handlebars.TemplateDelegate {
    const key = `${language}/${name}.${part}`;
    let compiled = this.cache.get(key);
    if (!compiled) {
      const source = readFileSync(join(TEMPLATE_DIR, language, `${name}.${part}.hbs`), 'utf8');
      compiled = this.handlebars.compile(source, { noEscape: plain, strict: true });
      this.cache.set(key, compiled);
    }
    return compiled;
  }
}
