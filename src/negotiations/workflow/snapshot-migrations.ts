import type { BusinessDate } from '../../common/dates/business-date';
import { initialContext, NEGOTIATION_MACHINE_ID, NEGOTIATION_MACHINE_VERSION } from './negotiation.machine';
import type { PersistedSnapshot, PersistedWorkflow } from './persisted-workflow';
import { WorkflowError } from './workflow-errors';

/**
 * XState 5 has no snapshot migrations (they arrive in 6), so they live here. A migration
 * turns the persisted snapshot of version N into exactly what version N+1 would have
 * produced from the same events, so replaying the event log still equals the stored
 * snapshot after a migration (docs/architecture.md, invariant 2). Migrations only derive;
 * they never invent a value the old snapshot does not imply.
 */
interface SnapshotMigration {
  from: number;
  to: number;
  description: string;
  /** Returns a new snapshot; must not change the one it is given. */
  migrate(snapshot: Readonly<Record<string, unknown>>): Record<string, unknown>;
}

/**
 * Version 1 differed from version 2 in:
 * - `consultation` and `filing` had no substates;
 * - the stage `in_force` was named `effective`;
 * - context `meetingCount` is now `meetings`;
 * - context `suspendedUntil` (the agreed resume date) is now `suspension {suspendedOn, resumeOn}`.
 */
const v1ToV2: SnapshotMigration = {
  from: 1,
  to: 2,
  description: 'substates for consultation and filing; effective → in_force; suspension object',
  migrate(snapshot) {
    const { meetingCount, suspendedUntil, ...rest } = asRecord(snapshot['context'], 'context');
    const context: Record<string, unknown> = {
      ...rest,
      meetings: meetingCount,
      // While suspended no event but SUSPENDED can have happened, so the last event date is its date.
      suspension:
        suspendedUntil === null || suspendedUntil === undefined
          ? null
          : { suspendedOn: rest['lastEventOn'] as BusinessDate, resumeOn: suspendedUntil },
    };
    return { ...snapshot, value: v2ValueOf(snapshot['value'], context), context };
  },
};

function v2ValueOf(value: unknown, context: Record<string, unknown>): unknown {
  switch (value) {
    case 'effective':
      return 'in_force';
    case 'consultation':
      return { consultation: context['suspension'] === null ? 'active' : 'suspended' };
    case 'filing':
      return { filing: context['review'] === null ? 'awaitingSubmission' : 'underReview' };
    default:
      return value;
  }
}

export const SNAPSHOT_MIGRATIONS: readonly SnapshotMigration[] = [v1ToV2];

/**
 * Brings a persisted workflow of any earlier machine version to the current one. A
 * current one comes back as it is (not copied: this runs on every request, and neither the
 * migrations nor the machine mutate a snapshot); one from a newer or unknown version
 * throws WorkflowError, since loading it would lose what the newer machine knew.
 */
export function migratePersistedWorkflow(old: unknown): PersistedWorkflow {
  const persisted = asRecord(old, 'persisted workflow');
  if (persisted['machineId'] !== NEGOTIATION_MACHINE_ID) {
    throw new WorkflowError(
      'WORKFLOW.BAD_SNAPSHOT',
      `not a negotiation workflow: machineId ${JSON.stringify(persisted['machineId'])}`,
    );
  }
  const declared = persisted['machineVersion'];
  if (typeof declared !== 'number' || !Number.isInteger(declared) || declared < 1) {
    throw new WorkflowError(
      'WORKFLOW.UNKNOWN_VERSION',
      `machineVersion must be a positive integer; got ${JSON.stringify(declared)}`,
    );
  }
  let version: number = declared;
  if (version > NEGOTIATION_MACHINE_VERSION) {
    throw new WorkflowError(
      'WORKFLOW.UNKNOWN_VERSION',
      `snapshot was written by machine version ${version}; this build knows versions up to ${NEGOTIATION_MACHINE_VERSION}`,
    );
  }
  let snapshot = asRecord(persisted['snapshot'], 'snapshot');
  while (version < NEGOTIATION_MACHINE_VERSION) {
    const from: number = version;
    const migration = SNAPSHOT_MIGRATIONS.find((m) => m.from === from);
    if (migration === undefined) {
      throw new WorkflowError('WORKFLOW.UNKNOWN_VERSION', `no migration from machine version ${from}`);
    }
    snapshot = migration.migrate(snapshot);
    snapshot = { ...snapshot, context: inCanonicalOrder(asRecord(snapshot['context'], 'context')) };
    version = migration.to;
  }
  return {
    machineId: NEGOTIATION_MACHINE_ID,
    machineVersion: version,
    ruleSetVersion: String(persisted['ruleSetVersion']),
    snapshot: snapshot as unknown as PersistedSnapshot,
  };
}

const CONTEXT_KEYS = Object.keys(
  initialContext({ agreementKind: 'wage', scope: 'enterprise', ruleSetVersion: '', createdOn: '' }),
);

/** Same key order as a context the current machine builds, so stored JSON compares equal too. */
function inCanonicalOrder(context: Record<string, unknown>): Record<string, unknown> {
  const known = CONTEXT_KEYS.filter((key) => key in context).map((key) => [key, context[key]]);
  const extra = Object.keys(context)
    .filter((key) => !CONTEXT_KEYS.includes(key))
    .map((key) => [key, context[key]]);
  return Object.fromEntries([...known, ...extra]);
}

function asRecord(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new WorkflowError('WORKFLOW.BAD_SNAPSHOT', `${what} must be an object`);
  }
  return value as Record<string, unknown>;
}
