import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import enGuards from './en/guards';
import type { Messages } from './messages';
import zhErrors from './zh-CN/errors';
import zhGuards from './zh-CN/guards';

function keysOf(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

function backendSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return backendSources(path);
    return entry.name.endsWith('.ts') && !entry.name.includes('.spec.') ? [path] : [];
  });
}

const backend = join(import.meta.dirname, '../../../src');

describe('message files', () => {
  const zh = import.meta.glob<Messages>('./zh-CN/*.ts', { eager: true, import: 'default' });
  const en = import.meta.glob<Messages>('./en/*.ts', { eager: true, import: 'default' });

  it('has the same files and keys in every language', () => {
    expect(Object.keys(en).map((path) => path.replace('./en/', ''))).toEqual(
      Object.keys(zh).map((path) => path.replace('./zh-CN/', '')),
    );
    for (const [path, messages] of Object.entries(zh)) {
      expect(keysOf(en[path.replace('./zh-CN/', './en/')]!)).toEqual(keysOf(messages));
    }
  });

  it('words every error code the backend can answer with', () => {
    const codes = new Set(
      backendSources(backend).flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/'([A-Z_]+\.[A-Z_]+)'/g)].map((match) => match[1]!),
      ),
    );
    expect(codes.size).toBeGreaterThan(30);
    const worded = new Set(keysOf(zhErrors));
    expect([...codes].filter((code) => !worded.has(code))).toEqual([]);
  });

  it('words every check of the workflow that can refuse an event, in every language', () => {
    const source = readFileSync(join(backend, 'negotiations/workflow/checks.ts'), 'utf8');
    const table = source.slice(source.indexOf('export const CHECKS = {'), source.indexOf('} satisfies'));
    const checks = [...table.matchAll(/^ {2}(\w+): \{$/gm)].map((match) => match[1]!);
    expect(checks.length).toBeGreaterThan(20);
    expect(Object.keys(zhGuards).sort()).toEqual([...checks].sort());
    expect(Object.keys(enGuards).sort()).toEqual([...checks].sort());
  });
});
