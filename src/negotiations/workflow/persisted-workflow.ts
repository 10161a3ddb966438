import type { StateValue } from 'xstate';
import type { NegotiationContext, Stage } from './negotiation.types';
import { STAGES } from './negotiation.types';
import { NEGOTIATION_MACHINE_ID } from './negotiation.machine';
import { WorkflowError } from './workflow-errors';

/** The JSON of XState's persisted snapshot (`machine.getPersistedSnapshot`). */
export interface PersistedSnapshot {
  status: 'active' | 'done';
  value: StateValue;
  context: NegotiationContext;
  historyValue: Record<string, unknown>;
  children: Record<string, unknown>;
  [extra: string]: unknown;
}

/** What the negotiations table stores: the snapshot plus what is needed to load it. */
export interface PersistedWorkflow {
  machineId: typeof NEGOTIATION_MACHINE_ID;
  machineVersion: number;
  ruleSetVersion: string;
  snapshot: PersistedSnapshot;
}

/** 'consultation.suspended', 'in_force', …: the full state path. */
export function statePathOf(value: StateValue): string {
  if (typeof value === 'string') return value;
  const [key, child] = Object.entries(value)[0] ?? [];
  if (key === undefined) throw new WorkflowError('WORKFLOW.BAD_SNAPSHOT', 'empty state value');
  return child === undefined ? key : `${key}.${statePathOf(child as StateValue)}`;
}

export function stageOfValue(value: StateValue): Stage {
  const stage = statePathOf(value).split('.')[0];
  if (!(STAGES as readonly string[]).includes(stage ?? '')) {
    throw new WorkflowError('WORKFLOW.BAD_SNAPSHOT', `unknown stage in snapshot: ${String(stage)}`);
  }
  return stage as Stage;
}
