// `npm run test:browser`: the built app in Debian's Chromium (playwright-core), kept out of `npm test`
// so that the default run needs no browser. One app for the whole run (globalSetup), one file at a time.
const { projects } = require('./jest.config');

const { transform, transformIgnorePatterns, moduleFileExtensions, testEnvironment, moduleNameMapper } =
  projects[0];

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'browser',
  rootDir: '.',
  testMatch: ['<rootDir>/test/browser/*.browser-spec.ts'],
  transform,
  transformIgnorePatterns,
  moduleFileExtensions,
  testEnvironment,
  moduleNameMapper,
  globalSetup: '<rootDir>/test/browser/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/browser/support/global-teardown.ts',
  maxWorkers: 1,
  testTimeout: 60_000,
};
