// The negotiation workflow: pure domain core (no NestJS, no TypeORM). See docs/workflow.md.
export * from './agreement-terms';
export * from '../../common/dates/business-date';
export * from '../../common/dates/work-calendar';
export * from './deadlines';
export * from './describe-workflow';
export { validateEvent } from './event-validation';
export type { EventValidation } from './event-validation';
export { EVENT_SPECS, EVENT_TYPES, eventSpec, findEventSpec, isSystemOnly } from './events';
export type { EventOf, EventSpec, EventType, FieldSpec, FieldType, NegotiationEvent } from './events';
export { CHECKS } from './checks';
export type { CheckDefinition, CheckName } from './checks';
export { firstViolation, GUARDS, GUARD_NAMES } from './guards';
export type { GuardName, Violation } from './guards';
export type { StateInfo, TransitionInfo } from './machine-graph';
export * from './historical';
export { cite, LAW } from './law';
export { toMermaid } from './mermaid';
export * from './negotiation-workflow';
export {
  createNegotiationMachine,
  machineFor,
  negotiationMachine,
  NEGOTIATION_MACHINE_ID,
  NEGOTIATION_MACHINE_VERSION,
} from './negotiation.machine';
export type { NegotiationMachine } from './negotiation.machine';
export * from './negotiation.types';
export type { PersistedSnapshot, PersistedWorkflow } from './persisted-workflow';
export * from './rule-set';
export { migratePersistedWorkflow, SNAPSHOT_MIGRATIONS } from './snapshot-migrations';
export { WorkflowError } from './workflow-errors';
