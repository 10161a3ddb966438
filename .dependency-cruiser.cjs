// The layering of docs/architecture.md as a checked rule (`npm run lint` runs `npm run lint:deps`).
// A rule broken here is a design decision to discuss, not a warning to silence.

/** Pure cores: the rules and arithmetic, runnable anywhere (no framework, no I/O). */
const PURE = [
  '^src/negotiations/workflow/',
  '^src/reports/rates/',
  '^src/documents/content/',
  '^src/enterprises/domain/',
  '^src/campaigns/domain/',
  '^src/org-units/domain/',
  '^src/common/dates/',
  '(^|/)packages/shared/src/',
];
/** What a pure core may import besides other pure cores. */
const PURE_LIBRARIES = ['(^|/)node_modules/xstate/'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'pure-core-stays-pure',
      comment:
        'The workflow, the rates core, the documents core, the enterprise domain and the shared package import no NestJS, ' +
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
      name: 'common-imports-no-feature',
      comment:
        'src/common/ is the shared kernel (clock, dates, errors, HTTP and table helpers): features build on it.',
      severity: 'error',
      from: { path: '^src/common/' },
      to: { path: '^src/', pathNot: ['^src/common/', '^src/config/'] },
    },
    {
      name: 'access-leans-on-common-only',
      comment:
        'src/access/ (roles, the actor, the decorators, scopeOf) is the one home of identity and scope: ' +
        'every feature imports it, so it imports no feature.',
      severity: 'error',
      from: { path: '^src/access/' },
      to: { path: '^src/', pathNot: ['^src/access/', '^src/common/'] },
    },
    {
      name: 'identity-layers-point-down',
      comment:
        'auth builds on users and audit, users on enterprises (releasing a leaving instructor), never the reverse.',
      severity: 'error',
      from: { path: '^src/(users|audit|enterprises)/' },
      to: { path: '^src/auth/' },
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
    // Tests may reach anywhere; the layering is about the shipped code (and builds are its output).
    exclude: { path: ['\\.spec\\.ts$', '\\.fixtures\\.ts$', '^packages/[^/]+/dist/'] },
    doNotFollow: { path: '^node_modules/' },
    tsConfig: { fileName: 'tsconfig.build.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['@wagetrack/source', 'import', 'require', 'node', 'default', 'types'],
    },
  },
};
