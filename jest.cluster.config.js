// `npm run test:cluster`: three app instances on a three-node MariaDB Galera cluster that the test
// starts itself (test/cluster/support/galera-cluster.ts; root, Debian's galera-4 and rsync). Kept out
// of `npm test` and `npm run test:mysql`; .ci/run runs it.
const { projects } = require('./jest.config');

const { transform, transformIgnorePatterns, moduleFileExtensions, testEnvironment, moduleNameMapper } =
  projects[0];

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'cluster',
  rootDir: '.',
  // `npm run bench:cluster` sets CLUSTER_BENCH: the benchmark instead of the tests.
  testMatch: [
    process.env.CLUSTER_BENCH
      ? '<rootDir>/test/cluster/*.cluster-bench.ts'
      : '<rootDir>/test/cluster/*.cluster-spec.ts',
  ],
  transform,
  transformIgnorePatterns,
  moduleFileExtensions,
  testEnvironment,
  moduleNameMapper,
  maxWorkers: 1,
  testTimeout: 120_000,
};
