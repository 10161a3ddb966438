import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { buildIfNeeded, root } from '../support/processes';

/**
 * `npm test` must leave the build current: a test run that rewrites a source file (the web
 * app's generated type files, say) makes the next `npm start` rebuild for a minute.
 */
describe('the build after the tests', () => {
  it('stays current after the web unit tests run', () => {
    buildIfNeeded();
    execFileSync(process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run'], {
      cwd: join(root, 'web'),
      stdio: 'pipe',
    });
    const pending = execFileSync(
      process.execPath,
      [join(root, 'scripts', 'build-if-needed.mjs'), '--dry-run'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(pending.trim()).toBe('');
  }, 240_000);
});
