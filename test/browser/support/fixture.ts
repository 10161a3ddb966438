import type { BrowserFixture } from './seed';

/** The environment variable through which globalSetup hands the seeded county to the test files. */
export const FIXTURE_VARIABLE = 'WAGETRACK_BROWSER_FIXTURE';

export function browserFixture(): BrowserFixture {
  const json = process.env[FIXTURE_VARIABLE];
  if (!json)
    throw new Error(`${FIXTURE_VARIABLE} is not set: run the browser tests with npm run test:browser`);
  return JSON.parse(json) as BrowserFixture;
}
