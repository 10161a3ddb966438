import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIfNeeded, freePort, root, startApp, waitForHealth } from '../../support/processes';
import { requireChromium } from './chromium';
import { FIXTURE_VARIABLE } from './fixture';
import { seedCounty } from './seed';

const ADMIN_PASSWORD = 'browser-admin-2026';

/** What globalTeardown stops and removes (Jest shares globalSetup's globals with it). */
declare global {
  var browserTestApp: { child: ChildProcess; directory: string } | undefined;
}

/**
 * Once per `npm run test:browser`: the built app (built first if its sources changed) on a new
 * SQLite file, seeded through the API; the test files find it through FIXTURE_VARIABLE.
 */
export default async function globalSetup(): Promise<void> {
  requireChromium();
  buildIfNeeded();
  const directory = mkdtempSync(join(tmpdir(), 'wagetrack-browser-'));
  const port = await freePort();
  const { child, output } = startApp(
    {
      DATABASE_URL: `sqlite:${join(directory, 'app.sqlite')}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
      SCHEDULER: 'off',
      LOG_LEVEL: 'warn',
      WEB_DIR: join(root, 'web', 'dist'),
    },
    directory,
  );
  globalThis.browserTestApp = { child, directory };
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(`${baseUrl}/health`, child, 30_000);
    process.env[FIXTURE_VARIABLE] = JSON.stringify(await seedCounty(baseUrl, ADMIN_PASSWORD));
  } catch (error) {
    child.kill('SIGTERM');
    throw new Error(`the app did not start or seed: ${String(error)}\n${output()}`);
  }
}
