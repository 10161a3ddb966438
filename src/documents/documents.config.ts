import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { registerAs } from '@nestjs/config';
import { ConfigError } from '../config/config.error';

export interface DocumentsConfig {
  /**
   * DOCUMENT_TEMPLATES_DIR: a folder of the county's own Word templates; a `<name>.docx` there
   * replaces the built-in `templates/documents/<name>.docx`, the others stay built-in
   * (docs/documents.md). null: the built-in templates only.
   */
  templatesDir: string | null;
}

export function loadDocumentsConfig(env: NodeJS.ProcessEnv): DocumentsConfig {
  const raw = env.DOCUMENT_TEMPLATES_DIR?.trim();
  if (!raw) return { templatesDir: null };
  const templatesDir = resolve(raw);
  if (!existsSync(templatesDir) || !statSync(templatesDir).isDirectory()) {
    throw new ConfigError('DOCUMENT_TEMPLATES_DIR', `${templatesDir} is not a folder`);
  }
  return { templatesDir };
}

export const documentsConfig = registerAs('documents', () => loadDocumentsConfig(process.env));
