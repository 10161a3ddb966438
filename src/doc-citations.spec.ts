import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

// The code cites the project's own documents for its rules ("docs/domain.md, Signing rate"):
// every cited document must be in the repository and every cited section must exist, so a
// newcomer can follow each citation from a clone alone.

const repository = resolve(__dirname, '..');
const SCANNED = ['src', 'test', 'migrations', 'bench', 'scripts', 'web/src', 'packages', 'README.md'];
const SKIPPED = /(^|\/)(node_modules|dist)(\/|$)/;

function files(path: string): string[] {
  if (!existsSync(path) || SKIPPED.test(relative(repository, path))) return [];
  if (statSync(path).isFile()) return /\.(ts|mts|mjs|cjs|js|vue|md)$/.test(path) ? [path] : [];
  return readdirSync(path).flatMap((name) => files(join(path, name)));
}

function headingsOf(document: string): string[] {
  return [...readFileSync(join(repository, document), 'utf8').matchAll(/^#{1,6} +(.+)$/gm)].map((m) =>
    m[1].trim(),
  );
}

function numberedItemsOf(document: string): Set<number> {
  return new Set(
    [...readFileSync(join(repository, document), 'utf8').matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1])),
  );
}

interface Citation {
  file: string;
  document: string;
  section: string | null;
  raw: string;
}

function citations(): Citation[] {
  const self = relative(repository, __filename);
  return SCANNED.flatMap((path) => files(join(repository, path)))
    .filter((file) => relative(repository, file) !== self)
    .flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return [
        ...text.matchAll(
          /([\w./-]*?)([\w-]+\.md)\b(?:(?:, | § )"?([A-Z][^;:()[\].,"'`*\n]*|invariants? [\d, and]+))?/g,
        ),
      ]
        .filter((m) => !['README.md', 'CHANGELOG.md', 'LICENSE.md'].includes(m[2]) || m[1])
        .map((m) => ({
          file: relative(repository, file),
          document: `${m[1]}${m[2]}`.replace(/^(\.\.\/)+|^\.\//, ''),
          section: m[3]?.trim() ?? null,
          raw: m[0],
        }));
    });
}

describe('citations of the project documents', () => {
  const found = citations();

  it('finds the citations (the scan works)', () => {
    expect(found.filter((c) => c.document === 'docs/domain.md').length).toBeGreaterThan(10);
  });

  it('name a document of this repository, by its path', () => {
    const broken = found
      .filter((c) => !c.document.startsWith('docs/') || !existsSync(join(repository, c.document)))
      .filter((c) => !/^(web\/)?README\.md$/.test(c.document))
      .map((c) => `${c.file}: ${c.raw}`);
    expect(broken).toEqual([]);
  });

  it('name sections that exist', () => {
    const broken = found
      .filter(
        (c) =>
          c.section !== null && c.document.startsWith('docs/') && existsSync(join(repository, c.document)),
      )
      .filter((c) => {
        const section = c.section as string;
        const items = /^invariants? ([\d, and]+)$/.exec(section);
        if (items) {
          const numbers = items[1].match(/\d+/g)!.map(Number);
          return !numbers.every((n) => numberedItemsOf(c.document).has(n));
        }
        return !headingsOf(c.document).some((heading) => heading.startsWith(section));
      })
      .map((c) => `${c.file}: ${c.raw}`);
    expect(broken).toEqual([]);
  });
});
