// Builds dist/ when it is missing or older than the sources, so `npm start` works right
// after `npm install` and stays fast on every later start.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const stamp = join(root, 'dist', '.build-stamp');
const inputs = ['src', 'migrations', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestMtime(join(path, name))),
    stat.mtimeMs,
  );
}

const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const changedAt = Math.max(...inputs.map((input) => newestMtime(join(root, input))));
if (builtAt > changedAt) process.exit(0);

const nest = join(root, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js');
if (!existsSync(nest)) {
  console.error(
    'wagetrack: dist/ is missing or stale and @nestjs/cli is not installed; run `npm install` first',
  );
  process.exit(1);
}
console.log('wagetrack: building (sources changed since the last build)…');
execFileSync(process.execPath, [nest, 'build'], { cwd: root, stdio: 'inherit' });
execFileSync(process.execPath, [join(root, 'scripts', 'copy-assets.mjs')], { cwd: root, stdio: 'inherit' });
writeFileSync(stamp, new Date().toISOString());
