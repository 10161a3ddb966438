import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../config/config.error';
import { loadDocumentsConfig } from './documents.config';

describe(loadDocumentsConfig.name, () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'wagetrack-templates-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('uses the built-in templates only when DOCUMENT_TEMPLATES_DIR is unset or blank', () => {
    expect(loadDocumentsConfig({})).toEqual({ templatesDir: null });
    expect(loadDocumentsConfig({ DOCUMENT_TEMPLATES_DIR: '  ' })).toEqual({ templatesDir: null });
  });

  it('takes a folder that exists, as an absolute path', () => {
    expect(loadDocumentsConfig({ DOCUMENT_TEMPLATES_DIR: ` ${folder} ` })).toEqual({ templatesDir: folder });
  });

  it('refuses a folder that does not exist, or a file, naming the variable', () => {
    const missing = join(folder, 'missing');
    expect(() => loadDocumentsConfig({ DOCUMENT_TEMPLATES_DIR: missing })).toThrow(
      new ConfigError('DOCUMENT_TEMPLATES_DIR', `${missing} is not a folder`),
    );
    const file = join(folder, 'offer.docx');
    writeFileSync(file, '');
    expect(() => loadDocumentsConfig({ DOCUMENT_TEMPLATES_DIR: file })).toThrow(/^DOCUMENT_TEMPLATES_DIR: /);
  });
});
