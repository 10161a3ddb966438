import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIfNeeded, freePort, root, startApp, waitForHealth } from '../../support/processes';
import { requireChromium } from './chromium';
import { FIXTURE_VARIABLE } from './fixture';
import { seedCounty } from './seed';

const ADMIN_PASSWORD = 'browser-admin-2026';
/** The rule sets the browser tests' app runs with (RULE_SET_FILE): the last is the current one. */
export const BROWSER_RULE_SETS = [
  { version: 'county-browser.1', counting: { publication: { unit: 'workday' } } },
];

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
  // A county's own rules (docs/workflow.md): publication counted in working days (工作日), the
  // national numbers otherwise, so that the negotiation page shows a working-day deadline.
  const ruleSetFile = join(directory, 'rule-sets.json');
  writeFileSync(ruleSetFile, JSON.stringify(BROWSER_RULE_SETS));
  const { child, output } = startApp(
    {
      DATABASE_URL: `sqlite:${join(directory, 'app.sqlite')}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
      SCHEDULER: 'off',
      LOG_LEVEL: 'warn',
      WEB_DIR: join(root, 'web', 'dist'),
      RULE_SET_FILE: ruleSetFile,
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
