import { EVENT_SPECS, type EventSpec } from './events';
import { checkDefinition, type CheckName } from './checks';
import { GUARD_NAMES, GUARDS, type GuardName } from './guards';
import { cite } from './law';
import { statesOf, transitionsOf, type StateInfo, type TransitionInfo } from './machine-graph';
import { NEGOTIATION_MACHINE_ID, NEGOTIATION_MACHINE_VERSION } from './negotiation.machine';
import type { RuleSet } from './rule-set';

export interface CheckInfo {
  name: CheckName;
  /** e.g. '集体合同规定 art. 36' */
  rule: string;
  law: string;
  article: string;
  description: string;
  /** 'context': decided by the recorded facts alone; 'event': needs the event's fields. */
  reads: 'context' | 'event';
}

export interface WorkflowDescription {
  machineId: string;
  machineVersion: number;
  ruleSet: RuleSet;
  states: StateInfo[];
  events: EventSpec[];
  guards: { name: GuardName; checks: CheckInfo[] }[];
  transitions: TransitionInfo[];
}

/** The machine as data for `GET /api/v1/workflow`: states, events, guards, rule-set numbers. */
export function describeWorkflow(ruleSet: RuleSet): WorkflowDescription {
  return {
    machineId: NEGOTIATION_MACHINE_ID,
    machineVersion: NEGOTIATION_MACHINE_VERSION,
    ruleSet: { ...ruleSet },
    states: statesOf(),
    events: EVENT_SPECS.map((spec) => ({ ...spec, fields: spec.fields.map((f) => ({ ...f })) })),
    guards: GUARD_NAMES.map((name) => ({
      name,
      checks: GUARDS[name].map((check) => {
        const definition = checkDefinition(check);
        return {
          name: check,
          rule: cite(definition.citation.law, definition.citation.article),
          law: definition.citation.law,
          article: definition.citation.article,
          description: definition.description,
          reads: definition.reads,
        };
      }),
    })),
    transitions: transitionsOf(),
  };
}
