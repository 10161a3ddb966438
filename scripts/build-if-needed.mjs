// Builds the server (dist/) and the web front end (web/dist/) when missing or older than their
// sources, so `npm start` works right after `npm install` and stays fast on every later start.
// Each has its own stamp: a change to one does not rebuild the other.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = (...path) => join(root, 'node_modules', ...path);
const run = (script, args, cwd = root) =>
  execFileSync(process.execPath, [script, ...args], { cwd, stdio: 'inherit' });

const targets = [
  {
    // The shared package first: the server's build compiles against it and runs it from its dist.
    name: 'shared package',
    stamp: 'packages/shared/dist/.build-stamp',
    inputs: ['packages/shared/src', 'packages/shared/tsconfig.json', 'packages/shared/tsconfig.build.json'],
    tool: bin('typescript', 'bin', 'tsc'),
    build(tsc) {
      run(tsc, ['-p', join(root, 'packages', 'shared', 'tsconfig.build.json')]);
    },
  },
  {
    name: 'server',
    stamp: 'dist/.build-stamp',
    inputs: [
      'src',
      'migrations',
      'templates',
      'tsconfig.json',
      'tsconfig.build.json',
      'package-lock.json',
      'packages/shared/src',
    ],
    tool: bin('@nestjs', 'cli', 'bin', 'nest.js'),
    build(nest) {
      run(nest, ['build']);
      run(join(root, 'scripts', 'copy-assets.mjs'), []);
    },
  },
  {
    name: 'web front end',
    stamp: 'web/dist/.build-stamp',
    inputs: [
      'web/src',
      'packages/shared/src',
      'web/public',
      'web/index.html',
      'web/vite.config.ts',
      'web/package.json',
      'package-lock.json',
    ],
    tool: bin('vite', 'bin', 'vite.js'),
    build(vite) {
      run(vite, ['build'], join(root, 'web'));
    },
  },
];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestMtime(join(path, name))),
    stat.mtimeMs,
  );
}

// `--dry-run`: only say what would be built (a test checks that running the tests leaves it empty).
const dryRun = process.argv.includes('--dry-run');

for (const { name, stamp, inputs, tool, build } of targets) {
  const stampPath = join(root, stamp);
  const builtAt = existsSync(stampPath) ? statSync(stampPath).mtimeMs : 0;
  const changedAt = Math.max(...inputs.map((input) => newestMtime(join(root, input))));
  if (builtAt > changedAt) continue;
  if (dryRun) {
    console.log(`would build the ${name}`);
    continue;
  }
  if (!existsSync(tool)) {
    console.error(
      `wagetrack: the ${name} build is missing or stale and its build tool is not installed; run \`npm install\` first`,
    );
    process.exit(1);
  }
  console.log(`wagetrack: building the ${name} (sources changed since the last build)…`);
  build(tool);
  writeFileSync(stampPath, new Date().toISOString());
}
