// Jest runs TypeScript and the ESM-only @nestjs packages through SWC (see docs/stack-notes.md).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

const common = {
  transform: { '^.+\\.(t|j)s$': swc },
  transformIgnorePatterns: ['/node_modules/(?!@nestjs/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  testEnvironment: 'node',
  // The shared package from its TypeScript sources (no build of it needed to run the tests).
  moduleNameMapper: { '^@wagetrack/shared$': '<rootDir>/packages/shared/src/index.ts' },
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 30000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      rootDir: '.',
      // test/unit: specs of the test support itself (the report oracle, the seed county fixture).
      testMatch: [
        '<rootDir>/src/**/*.spec.ts',
        '<rootDir>/test/unit/**/*.spec.ts',
        '<rootDir>/packages/shared/src/**/*.spec.ts',
      ],
    },
    {
      ...common,
      displayName: 'db',
      rootDir: '.',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts', '<rootDir>/src/**/*.db-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
    {
      ...common,
      displayName: 'process',
      rootDir: '.',
      testMatch: ['<rootDir>/test/process/*.process-spec.ts'],
    },
  ],
};
