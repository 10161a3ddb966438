import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * `database/` is the ground floor: features build on its transactions, SQL helpers and error
 * mapping, so it may not import a feature (nor the migrations, which import it). The entity list
 * and the data-source options, which name every feature, belong to the composition root
 * (`app.entities.ts`, `app.data-source.ts`, docs/architecture.md).
 */
const SRC = resolve(__dirname, '..');
/** What the database layer may lean on besides itself: configuration and the shared kernel. */
const ALLOWED = ['database', 'config', 'common'];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(folder, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(folder, entry.name)]
        : [],
  );
}

/** The relative imports of a file's text (static, dynamic and re-exports), resolved against it. */
function localImports(file: string, text: string): string[] {
  const specifiers = [...text.matchAll(/(?:\bfrom|\bimport|\brequire)\s*\(?\s*['"](\.[^'"]*)['"]/g)];
  return specifiers.map((match) => resolve(dirname(file), match[1]));
}

/** Where an import lands: `src/<top folder>`, or the path from the repository root outside src. */
function home(target: string): string {
  const fromSrc = relative(SRC, target);
  if (fromSrc.startsWith('..')) return relative(resolve(SRC, '..'), target);
  return fromSrc.split(sep)[0];
}

/** The imports of a file of src/database that land outside what it may use, as `file → home`. */
function forbiddenImports(file: string, text: string): string[] {
  return localImports(file, text)
    .filter((target) => !ALLOWED.includes(home(target)))
    .map((target) => `${relative(SRC, file)} → ${home(target)}`);
}

describe('database/ imports no feature', () => {
  it('catches a planted feature or migrations import (what entities.ts used to hold)', () => {
    const file = join(SRC, 'database', 'entities.ts');
    const text = [
      "import { Enterprise } from '../enterprises/enterprise.entity';",
      "import { MIGRATIONS } from '../../migrations';",
      "import { isMysqlFamily } from './transactions';",
      "import { ConfigError } from '../config/config.error';",
      "export { User } from '../users/user.entity';",
      "const lazy = () => import('../reports/reports.service');",
    ].join('\n');
    expect(forbiddenImports(file, text)).toEqual([
      'database/entities.ts → enterprises',
      'database/entities.ts → migrations',
      'database/entities.ts → users',
      'database/entities.ts → reports',
    ]);
  });

  it('every import of src/database resolves to database, config or common', () => {
    const files = sourceFiles(join(SRC, 'database')).filter((file) => !file.endsWith('.spec.ts'));
    expect(files.length).toBeGreaterThan(0);
    const outside = files.flatMap((file) => forbiddenImports(file, readFileSync(file, 'utf8')));
    expect(outside).toEqual([]);
  });
});
