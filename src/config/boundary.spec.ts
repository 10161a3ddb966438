import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * `config/` is the ground floor: the environment readers and `ConfigError`, which every feature's
 * config slice builds on. It imports nothing of the app's own, neither a feature nor common/ or
 * database/ (docs/architecture.md, "Configuration"); a slice that needs a domain type lives in
 * its feature.
 */
const CONFIG = resolve(__dirname);

/** The relative imports of a file's text (static, dynamic and re-exports) that leave `config/`. */
function importsLeavingConfig(file: string, text: string): string[] {
  const specifiers = [...text.matchAll(/(?:\bfrom|\bimport|\brequire)\s*\(?\s*['"](\.[^'"]*)['"]/g)];
  return specifiers
    .map((match) => relative(CONFIG, resolve(dirname(file), match[1])))
    .filter((target) => target.startsWith('..'))
    .map((target) => `${relative(CONFIG, file)} → ${target.split(sep).join('/')}`);
}

describe('config/ imports nothing of the app', () => {
  it('catches a planted import of a feature, common/ or database/ (what targets.ts used to hold)', () => {
    const file = join(CONFIG, 'targets.ts');
    const text = [
      "import { DEFAULT_TARGETS } from '../reports/rates/signing-rates';",
      "import { ConfigError } from './config.error';",
      "import type { Clock } from '../common/clock/clock';",
      "export { isMysqlFamily } from '../database/transactions';",
    ].join('\n');
    expect(importsLeavingConfig(file, text)).toEqual([
      'targets.ts → ../reports/rates/signing-rates',
      'targets.ts → ../common/clock/clock',
      'targets.ts → ../database/transactions',
    ]);
  });

  it('every import of src/config stays inside it', () => {
    const files = readdirSync(CONFIG).filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'));
    expect(files.length).toBeGreaterThan(0);
    const outside = files.flatMap((name) =>
      importsLeavingConfig(join(CONFIG, name), readFileSync(join(CONFIG, name), 'utf8')),
    );
    expect(outside).toEqual([]);
  });
});
