// `npm run demo`: the demo city federation in its own SQLite file (./data/demo.sqlite, never your
// real database), loaded once, then the app on it. Sign in with the printed demo users.
import { spawnSync, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
mkdirSync(`${root}data`, { recursive: true });
const env = {
  ...process.env,
  DATABASE_URL: process.env.DEMO_DATABASE_URL || 'sqlite:./data/demo.sqlite',
  BOOTSTRAP_ADMIN_PASSWORD: process.env.BOOTSTRAP_ADMIN_PASSWORD || 'demo-admin-2026',
  // The demo city is the deployment's root unit (src/demo/demo-city.ts).
  ROOT_UNIT_CODE: '990100',
  ROOT_UNIT_NAME: '江川市',
  ROOT_UNIT_LEVEL: 'city',
};
const run = (args) => spawnSync(process.execPath, args, { cwd: root, env, stdio: 'inherit' });

if (run(['scripts/build-if-needed.mjs']).status !== 0) process.exit(1);
if (run(['dist/src/cli/main.js', 'demo:load']).status !== 0) process.exit(1);
const app = spawn(process.execPath, ['dist/src/main.js'], { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal));
app.on('exit', (code) => process.exit(code ?? 0));
