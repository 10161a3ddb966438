// What the server and the web share (docs/architecture.md, Shared package and API types).
// Pure: no framework, no Node or browser I/O.
export * from './enterprise-enums';
export * from './event-dates';
export * from './events';
export * from './labels-zh';
export * from './law';
export * from './negotiation-enums';
export * from './shares';
export * from './vote-counts';
