import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

describe('the rates core', () => {
  it('imports nothing from NestJS, TypeORM or Node I/O (architecture.md: pure domain core)', () => {
    const files = readdirSync(__dirname).filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'));
    const offending = files.filter((name) =>
      /from ['"](@nestjs\/|typeorm|(node:)?(fs|path|net|http|https|child_process|os)['"/])/.test(
        readFileSync(join(__dirname, name), 'utf8'),
      ),
    );
    expect(files.length).toBeGreaterThan(0);
    expect(offending).toEqual([]);
  });
});
