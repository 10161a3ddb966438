import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * Identity has one home (docs/architecture.md, Access): `access/` leans on the shared kernel only,
 * and the features below it do not import back up. `auth/` builds on `users/` and `audit/`,
 * `users/` on `enterprises/` (it releases a leaving instructor's enterprises), never the reverse.
 */
const SRC = resolve(__dirname, '..');
const FORBIDDEN: Record<string, (home: string) => boolean> = {
  access: (home) => !['access', 'common'].includes(home),
  users: (home) => home === 'auth',
  audit: (home) => ['auth', 'users'].includes(home),
  enterprises: (home) => ['auth', 'users'].includes(home),
};

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(folder, entry.name))
      : entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')
        ? [join(folder, entry.name)]
        : [],
  );
}

/** The imports of a file that its folder may not make, as `file → folder`. */
function forbiddenImports(file: string, text: string): string[] {
  const folder = relative(SRC, file).split(sep)[0];
  const specifiers = [...text.matchAll(/(?:\bfrom|\bimport|\brequire)\s*\(?\s*['"](\.[^'"]*)['"]/g)];
  return specifiers
    .map((match) => relative(SRC, resolve(dirname(file), match[1])).split(sep)[0])
    .filter((home) => FORBIDDEN[folder](home))
    .map((home) => `${relative(SRC, file)} → ${home}`);
}

describe('access/ and the features it serves do not import back', () => {
  it('catches planted imports', () => {
    const text = [
      "import { AuthService } from '../auth/auth.service';",
      "import type { Actor } from '../access/actor';",
      "import { User } from '../users/user.entity';",
    ].join('\n');
    expect(forbiddenImports(join(SRC, 'enterprises', 'x.ts'), text)).toEqual([
      'enterprises/x.ts → auth',
      'enterprises/x.ts → users',
    ]);
    expect(forbiddenImports(join(SRC, 'access', 'x.ts'), text)).toEqual([
      'access/x.ts → auth',
      'access/x.ts → users',
    ]);
  });

  it.each(Object.keys(FORBIDDEN))('%s/ imports none of what it may not', (folder) => {
    const files = sourceFiles(join(SRC, folder));
    expect(files.length).toBeGreaterThan(0);
    expect(files.flatMap((file) => forbiddenImports(file, readFileSync(file, 'utf8')))).toEqual([]);
  });
});
