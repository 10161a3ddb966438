import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`); CHROMIUM_PATH points elsewhere. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Stops the run with one line when there is no browser: the browser tests never skip silently. */
export function requireChromium(): void {
  if (existsSync(chromiumPath)) return;
  const error = new Error(
    `No Chromium at ${chromiumPath}: run \`apt-get install -y chromium\` (or set CHROMIUM_PATH to a Chromium binary)`,
  );
  error.stack = error.message;
  throw error;
}

/** Headless, quiet (no updates, sync or background traffic); Playwright gives it a fresh profile each launch. */
export function launchChromium(): Promise<Browser> {
  requireChromium();
  return chromium.launch({
    executablePath: chromiumPath,
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
