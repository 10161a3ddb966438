// The demo county in the built app and a headless Chromium to look at it: shared by
// `npm run screenshots` and `npm run bench:web` (both build first through build-if-needed.mjs).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname;

export const DEMO_USERS = {
  admin: ['admin', 'demo-admin-2026'],
  supervisor: ['demo.supervisor', 'demo-supervisor-2026'],
  instructor: ['demo.instructor1', 'demo-instructor-2026'],
};

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** `demo:load` into a new SQLite file, then the app on it; `stop()` ends it and removes the file. */
export async function startDemoApp() {
  const directory = mkdtempSync(join(tmpdir(), 'wagetrack-demo-'));
  const port = await freePort();
  const env = {
    PATH: process.env.PATH,
    DATABASE_URL: `sqlite:${join(directory, 'demo.sqlite')}`,
    BOOTSTRAP_ADMIN_PASSWORD: DEMO_USERS.admin[1],
    ROOT_UNIT_CODE: '990100',
    ROOT_UNIT_NAME: '江川市',
    ROOT_UNIT_LEVEL: 'city',
    SCHEDULER: 'off',
    LOG_LEVEL: 'warn',
    WEB_DIR: join(root, 'web', 'dist'),
    HOST: '127.0.0.1',
    PORT: String(port),
  };
  const load = spawnSync(process.execPath, [join(root, 'dist/src/cli/main.js'), 'demo:load'], {
    cwd: directory,
    env,
    encoding: 'utf8',
  });
  if (load.status !== 0) throw new Error(`demo:load failed:\n${load.stdout}${load.stderr}`);
  const child = spawn(process.execPath, [join(root, 'dist/src/main.js')], {
    cwd: directory,
    env,
    stdio: 'inherit',
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 30_000; ;) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error(`no answer from ${baseUrl}/health within 30 s`);
    if (
      await fetch(`${baseUrl}/health`).then(
        (res) => res.ok,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    baseUrl,
    async stop() {
      child.kill('SIGTERM');
      if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** POST /auth/login: `{accessToken, expiresIn, user}`. */
export async function login(baseUrl, [username, password]) {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return res.json();
}

/** Signs every page of the context in before its scripts run, as web/src/session/session.ts stores a session. */
export function storeSession(context, { accessToken, expiresIn, user }) {
  const session = { token: accessToken, expiresAt: Date.now() + expiresIn * 1000, user };
  return context.addInitScript(
    (stored) => localStorage.setItem('wagetrack.session', stored),
    JSON.stringify(session),
  );
}

/** Debian's Chromium (CHROMIUM_PATH overrides), headless and quiet, as in test/browser/support/chromium.ts. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** A desktop screen of a county office: 1280×800, Chinese, Beijing time. */
export const SCREEN = {
  viewport: { width: 1280, height: 800 },
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
};
