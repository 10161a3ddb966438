/**
 * The pure rate arithmetic of the reports (docs/architecture.md: domain core, no NestJS, no TypeORM,
 * no I/O): per-group counts the database computes in, reports out.
 */
export * from './agreements-by-scope';
export * from './groups';
export * from './rates.errors';
export * from './ratios';
export * from './signing-rates';
export * from './target-gaps';
export * from './trend';
export * from './types';
export * from './union-founding';
export * from './roll-up';
export * from './statistics';
export * from './work-summary';
