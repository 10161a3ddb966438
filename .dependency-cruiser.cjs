// The layering of docs/architecture.md as a checked rule (`npm run lint` runs `npm run lint:deps`).
// A rule broken here is a design decision to discuss, not a warning to silence.

/** Pure cores: the rules and arithmetic, runnable anywhere (no framework, no I/O). */
const PURE = [
  '^src/negotiations/workflow/',
  '^src/reports/rates/',
  '^src/enterprises/domain/',
  '^src/common/dates/',
  '^packages/shared/src/',
];
/** What a pure core may import besides other pure cores. */
const PURE_LIBRARIES = ['(^|/)node_modules/xstate/'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'pure-core-stays-pure',
      comment:
        'The workflow, the rates core, the enterprise domain and the shared package import no NestJS, ' +
        'TypeORM, database driver or Node I/O, and no feature code: only other pure cores and xstate.',
      severity: 'error',
      from: { path: PURE },
      to: { pathNot: [...PURE, ...PURE_LIBRARIES] },
    },
    {
      name: 'config-imports-no-feature',
      comment: 'src/config/ holds only the environment helpers and ConfigError; features own their slices.',
      severity: 'error',
      from: { path: '^src/config/' },
      to: { path: '^src/', pathNot: '^src/config/' },
    },
    {
      name: 'database-imports-no-feature',
      comment:
        'src/database/ is transactions, SQL helpers and error mapping; the wiring is in the composition root.',
      severity: 'error',
      from: { path: '^src/database/' },
      to: { path: '^src/', pathNot: ['^src/database/', '^src/config/', '^src/common/'] },
    },
    {
      name: 'no-folder-cycles',
      comment: 'No folder imports a folder that imports it back (directly or through others).',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-module-cycles',
      comment: 'No file imports a file that imports it back.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    // Tests may reach anywhere; the layering is about the shipped code.
    exclude: { path: ['\\.spec\\.ts$', '\\.fixtures\\.ts$', '^node_modules/'] },
    doNotFollow: { path: '^node_modules/' },
    tsConfig: { fileName: 'tsconfig.build.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
