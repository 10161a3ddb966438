import {
  createActor,
  getNextTransitions,
  initialTransition,
  type AnyActorScope,
  type AnyStateMachine,
  type AnyTransitionDefinition,
} from 'xstate';
import { agreementTermsFor, type AgreementTerms } from './agreement-terms';
import { compareDates, isBusinessDate, type BusinessDate } from '../../common/dates/business-date';
import { NO_CALENDAR, type WorkCalendar } from '../../common/dates/work-calendar';
import { deadlinesFor, reviewPeriodEnd, type Deadline } from './deadlines';
import type { CheckName } from './checks';
import { validateEvent } from './event-validation';
import { EVENT_SPECS, isSystemOnly, type EventType, type FieldType, type NegotiationEvent } from './events';
import { firstViolation, type GuardName, type Violation } from './guards';
import { cite, LAW } from './law';
// Facts that have already happened when recorded; resumeOn or expiresOn may lie ahead.
import { PAST_DATE_FIELDS } from '@wagetrack/shared';
import {
  machineFor,
  negotiationMachine,
  NEGOTIATION_MACHINE_ID,
  NEGOTIATION_MACHINE_VERSION,
  type NegotiationMachine,
} from './negotiation.machine';
import {
  AGREEMENT_KINDS,
  SCOPES,
  type AgreementKind,
  type NegotiationContext,
  type Scope,
  type Stage,
} from './negotiation.types';
import {
  stageOfValue,
  statePathOf,
  type PersistedSnapshot,
  type PersistedWorkflow,
} from './persisted-workflow';
import { NATIONAL_RULE_SET, type RuleSet } from './rule-set';
import { migratePersistedWorkflow } from './snapshot-migrations';
import { WorkflowError } from './workflow-errors';

export type EventSource = 'user' | 'system';

export interface CreateNegotiationOptions {
  agreementKind: AgreementKind;
  scope: Scope;
  ruleSet: RuleSet;
  createdOn: BusinessDate;
}

export interface ApplyOptions {
  /** The negotiation's own rule set (RuleSetRegistry.get(persisted.ruleSetVersion)). */
  ruleSet: RuleSet;
  /** Today in the business time zone (todayIn('Asia/Shanghai', new Date())). */
  today: BusinessDate;
  source: EventSource;
  /** The official working-day calendar the deadlines are counted with; none known by default. */
  calendar?: WorkCalendar;
}

export type FailureCode = 'ILLEGAL_EVENT' | 'GUARD_FAILED' | 'INVALID_EVENT';

export interface ApplyFailure {
  ok: false;
  code: FailureCode;
  message: string;
  field?: string;
  /** GUARD_FAILED by a check of the machine: which one and the rule behind it (GET /workflow lists them). */
  check?: CheckName;
  rule?: string;
}

export interface ApplySuccess {
  ok: true;
  persisted: PersistedWorkflow;
  /** The event as accepted (trimmed texts, known fields only): store this payload. */
  event: NegotiationEvent;
  stage: Stage;
  /** Full state path, e.g. 'consultation.suspended'. */
  state: string;
  fromStage: Stage;
  toStage: Stage;
  deadlines: Deadline[];
  agreement: AgreementTerms | null;
}

export type ApplyResult = ApplySuccess | ApplyFailure;

export interface AvailableEvent {
  type: EventType;
  fields: { name: string; type: FieldType; required: boolean; values?: readonly string[] }[];
}

type Snapshot = ReturnType<NegotiationMachine['resolveState']>;

interface Loaded {
  machine: NegotiationMachine;
  snapshot: Snapshot;
}

const EVENT_DATE_RULE = `${cite(LAW.PRODUCT)} (event dates)`;
export function createNegotiationState(options: CreateNegotiationOptions): PersistedWorkflow {
  const { agreementKind, scope, ruleSet, createdOn } = options;
  if (!AGREEMENT_KINDS.includes(agreementKind)) {
    throw new WorkflowError(
      'WORKFLOW.BAD_INPUT',
      `agreementKind must be one of ${AGREEMENT_KINDS.join(', ')}`,
    );
  }
  if (!SCOPES.includes(scope)) {
    throw new WorkflowError('WORKFLOW.BAD_INPUT', `scope must be one of ${SCOPES.join(', ')}`);
  }
  if (!isBusinessDate(createdOn)) {
    throw new WorkflowError('WORKFLOW.BAD_INPUT', `createdOn must be a YYYY-MM-DD date; got ${createdOn}`);
  }
  const machine = machineFor(ruleSet);
  const [snapshot] = initialTransition(machine, {
    agreementKind,
    scope,
    createdOn,
    ruleSetVersion: ruleSet.version,
  });
  return toPersisted(machine, snapshot);
}

/**
 * Computes the next state for one event; pure and deterministic. Anything wrong with
 * the event answers `{ ok: false }` and leaves `persisted` untouched. Throws
 * WorkflowError only for faults of the caller or the stored data: a corrupt snapshot,
 * a snapshot from a newer machine, a rule set other than the negotiation's own.
 */
export function applyEvent(persisted: PersistedWorkflow, input: unknown, options: ApplyOptions): ApplyResult {
  assertOptions(options);
  const validation = validateEvent(input);
  if (!validation.ok) return failure('INVALID_EVENT', validation.message, validation.field);
  const derivedSent = options.source === 'user' ? derivedFieldOf(validation.event) : undefined;
  if (derivedSent !== undefined) {
    return failure(
      'INVALID_EVENT',
      `${derivedSent} is written by the workflow when the event is recorded; do not send it`,
      derivedSent,
    );
  }
  const event = withDerivedFields(validation.event, options);
  const { machine, snapshot } = load(persisted, options.ruleSet);
  const refusal = refuse(snapshot, event, options);
  if (refusal !== null) return refusal;

  const next = step(machine, snapshot, event);
  const stage = stageOfValue(next.value);
  return {
    ok: true,
    persisted: toPersisted(machine, next),
    event,
    stage,
    state: statePathOf(next.value),
    fromStage: stageOfValue(snapshot.value),
    toStage: stage,
    deadlines: deadlinesFor(statePathOf(next.value), next.context, options.ruleSet, options.calendar),
    agreement: agreementTermsFor(stage, next.context),
  };
}

/** The first field of `event` that the workflow writes itself (FieldSpec.derived). */
function derivedFieldOf(event: NegotiationEvent): string | undefined {
  const spec = EVENT_SPECS.find((candidate) => candidate.type === event.type);
  return spec?.fields.find(
    (field) =>
      field.derived === true && (event as unknown as Record<string, unknown>)[field.name] !== undefined,
  )?.name;
}

/**
 * The event as the log keeps it: facts derived when it is recorded are written on it, so that a
 * replay (which has no calendar) reaches the same state. A logged event keeps what it carries.
 */
function withDerivedFields(event: NegotiationEvent, options: ApplyOptions): NegotiationEvent {
  if (event.type !== 'SUBMITTED_FOR_REVIEW' || event.reviewEndsOn !== undefined) return event;
  const receivedOn = event.receivedOn ?? event.occurredOn;
  const end = reviewPeriodEnd(receivedOn, options.ruleSet, options.calendar ?? NO_CALENDAR);
  return { ...event, reviewEndsOn: end.dueOn };
}

/** Why the machine would not take the event, checked in the order the user can act on. */
function refuse(snapshot: Snapshot, event: NegotiationEvent, options: ApplyOptions): ApplyFailure | null {
  const statePath = statePathOf(snapshot.value);
  if (options.source === 'user' && isSystemOnly(event.type)) {
    return failure(
      'ILLEGAL_EVENT',
      `${event.type} is sent by the system (timer or import) only; a user cannot record it`,
    );
  }
  const candidates = transitionsFor(snapshot, event.type);
  if (candidates.length === 0) {
    const accepted = eventsAcceptedIn(snapshot, options.source).map((e) => e.type);
    return failure(
      'ILLEGAL_EVENT',
      `${event.type} is not accepted in stage ${statePath}; accepted now: ${accepted.join(', ') || 'nothing (final stage)'}`,
    );
  }
  const dateProblem = checkEventDates(snapshot.context, event, options.today);
  if (dateProblem !== null) return dateProblem;
  if (snapshot.can(event)) return null;
  const violation = candidates
    .map((candidate) => guardOf(candidate))
    .filter((guard): guard is GuardName => guard !== null)
    .map((guard) => firstViolation(guard, snapshot.context, event, options.ruleSet))
    .find((found): found is Violation => found !== null);
  const refused = failure(
    'GUARD_FAILED',
    violation?.message ?? `${event.type} is refused by a rule of stage ${statePath}`,
    violation?.field,
  );
  return violation ? { ...refused, check: violation.check, rule: violation.rule } : refused;
}

function checkEventDates(
  context: NegotiationContext,
  event: NegotiationEvent,
  today: BusinessDate,
): ApplyFailure | null {
  if (compareDates(event.occurredOn, today) > 0) {
    return failure(
      'GUARD_FAILED',
      `${EVENT_DATE_RULE}: occurredOn ${event.occurredOn} is in the future (today is ${today}); record an event once it has happened`,
      'occurredOn',
    );
  }
  if (context.lastEventOn !== null && compareDates(event.occurredOn, context.lastEventOn) < 0) {
    return failure(
      'GUARD_FAILED',
      `${EVENT_DATE_RULE}: occurredOn ${event.occurredOn} is before the previous event of this negotiation (${context.lastEventOn})`,
      'occurredOn',
    );
  }
  for (const field of PAST_DATE_FIELDS) {
    const value = (event as unknown as Record<string, unknown>)[field];
    if (typeof value === 'string' && compareDates(value, today) > 0) {
      return failure(
        'GUARD_FAILED',
        `${EVENT_DATE_RULE}: ${field} ${value} is in the future (today is ${today})`,
        field,
      );
    }
  }
  return null;
}

export function stageOf(persisted: PersistedWorkflow): Stage {
  return stageOfValue(migratePersistedWorkflow(persisted).snapshot.value);
}

/** 'consultation.suspended', 'filing.underReview', 'in_force', … */
export function statePathOfWorkflow(persisted: PersistedWorkflow): string {
  return statePathOf(migratePersistedWorkflow(persisted).snapshot.value);
}

export function contextOf(persisted: PersistedWorkflow): NegotiationContext {
  return migratePersistedWorkflow(persisted).snapshot.context;
}

export function agreementOf(persisted: PersistedWorkflow): AgreementTerms | null {
  const current = migratePersistedWorkflow(persisted);
  return agreementTermsFor(stageOfValue(current.snapshot.value), current.snapshot.context);
}

/**
 * The events the current state takes, with their fields, for the UI. An event whose
 * rules already fail on the stored facts alone (e.g. a second PUBLISHED) is left out;
 * rules about the payload are only known once it is sent.
 */
export function availableEvents(persisted: PersistedWorkflow, source: EventSource): AvailableEvent[] {
  const current = migratePersistedWorkflow(persisted);
  const snapshot = negotiationMachine.resolveState({
    value: current.snapshot.value,
    context: current.snapshot.context,
  });
  return eventsAcceptedIn(snapshot, source);
}

function eventsAcceptedIn(snapshot: Snapshot, source: EventSource): AvailableEvent[] {
  const context = snapshot.context;
  const probeDate = context.lastEventOn ?? context.createdOn;
  return EVENT_SPECS.filter((spec) => source === 'system' || !spec.systemOnly)
    .filter((spec) =>
      transitionsFor(snapshot, spec.type).some((candidate) => {
        const guard = guardOf(candidate);
        if (guard === null) return true;
        // Only rules about the recorded facts: the payload is not known yet.
        const probe = { type: spec.type, occurredOn: probeDate } as NegotiationEvent;
        return firstViolation(guard, context, probe, NATIONAL_RULE_SET, 'context') === null;
      }),
    )
    .map((spec) => ({
      type: spec.type,
      fields: [
        { name: 'occurredOn', type: 'date' as const, required: true },
        ...spec.fields
          .filter((field) => field.derived !== true)
          .map((field) => ({
            name: field.name,
            type: field.type,
            required: field.required,
            ...(field.values === undefined ? {} : { values: field.values }),
          })),
      ],
    }));
}

export function deadlinesOf(
  persisted: PersistedWorkflow,
  ruleSet: RuleSet,
  calendar?: WorkCalendar,
): Deadline[] {
  const current = migratePersistedWorkflow(persisted);
  assertRuleSet(current, ruleSet);
  return deadlinesFor(statePathOf(current.snapshot.value), current.snapshot.context, ruleSet, calendar);
}

export interface ReplayOptions {
  ruleSet: RuleSet;
  createdWith: { agreementKind: AgreementKind; scope: Scope; createdOn: BusinessDate };
}

/**
 * Rebuilds the state from the event log alone. Dates are not compared with today (the
 * events were valid when recorded); an event the machine now refuses throws, since the
 * log and the machine disagree (docs/architecture.md, invariant 2).
 */
export function replay(events: readonly unknown[], options: ReplayOptions): PersistedWorkflow {
  let persisted = createNegotiationState({ ...options.createdWith, ruleSet: options.ruleSet });
  events.forEach((event, index) => {
    const result = applyEvent(persisted, event, {
      ruleSet: options.ruleSet,
      today: '9999-12-31',
      source: 'system',
    });
    if (!result.ok) {
      throw new WorkflowError(
        'WORKFLOW.REPLAY_REJECTED',
        `event #${index + 1} of the log was refused on replay: ${result.code} ${result.message}`,
      );
    }
    persisted = result.persisted;
  });
  return persisted;
}

function transitionsFor(snapshot: Snapshot, type: EventType): AnyTransitionDefinition[] {
  return getNextTransitions(snapshot).filter((candidate) => candidate.eventType === type);
}

function guardOf(candidate: AnyTransitionDefinition): GuardName | null {
  const guard: unknown = candidate.guard;
  if (typeof guard === 'string') return guard as GuardName;
  if (typeof guard === 'object' && guard !== null && 'type' in guard) {
    return (guard as { type: GuardName }).type;
  }
  return null;
}

function load(persisted: PersistedWorkflow, ruleSet: RuleSet): Loaded {
  const current = migratePersistedWorkflow(persisted);
  assertRuleSet(current, ruleSet);
  const machine = machineFor(ruleSet);
  try {
    const snapshot = machine.resolveState({
      value: current.snapshot.value,
      context: current.snapshot.context,
    });
    return { machine, snapshot };
  } catch (error) {
    throw new WorkflowError(
      'WORKFLOW.BAD_SNAPSHOT',
      `stored snapshot does not fit the machine: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * One pure step of the machine. xstate's `transition()` builds a throwaway actor on every call
 * (computing the machine's initial snapshot on the way), a quarter of this module's time per
 * event. This machine invokes and spawns nothing and its actions are assignments, which the
 * step applies itself; so one inert scope per machine, made as `transition()` makes its own
 * (actions neither run nor kept), serves every step.
 */
function step(machine: NegotiationMachine, snapshot: Snapshot, event: NegotiationEvent): Snapshot {
  let scope = inertScopes.get(machine);
  if (scope === undefined) {
    // Without input, as transition()'s own: the context factory answers an empty context.
    const self = createActor(machine as AnyStateMachine);
    const ignore = () => {};
    scope = {
      self,
      id: '',
      sessionId: '',
      system: self.system,
      logger: ignore,
      defer: ignore,
      emit: ignore,
      stopChild: ignore,
      actionExecutor: ignore,
    };
    inertScopes.set(machine, scope);
  }
  return machine.transition(snapshot, event, scope);
}

const inertScopes = new WeakMap<NegotiationMachine, AnyActorScope>();

function assertRuleSet(persisted: PersistedWorkflow, ruleSet: RuleSet): void {
  if (persisted.ruleSetVersion !== ruleSet.version) {
    throw new WorkflowError(
      'WORKFLOW.RULE_SET_MISMATCH',
      `the negotiation keeps rule set ${persisted.ruleSetVersion}; got ${ruleSet.version}`,
    );
  }
}

function assertOptions(options: ApplyOptions): void {
  if (!isBusinessDate(options.today)) {
    throw new WorkflowError('WORKFLOW.BAD_INPUT', `today must be a YYYY-MM-DD date; got ${options.today}`);
  }
  if (options.source !== 'user' && options.source !== 'system') {
    throw new WorkflowError('WORKFLOW.BAD_INPUT', `source must be 'user' or 'system'`);
  }
}

function toPersisted(machine: NegotiationMachine, snapshot: Snapshot): PersistedWorkflow {
  // A JSON round trip: what the database gives back is what we compare against.
  const json = JSON.parse(JSON.stringify(machine.getPersistedSnapshot(snapshot))) as PersistedSnapshot;
  return {
    machineId: NEGOTIATION_MACHINE_ID,
    machineVersion: NEGOTIATION_MACHINE_VERSION,
    ruleSetVersion: snapshot.context.ruleSetVersion,
    snapshot: json,
  };
}

function failure(code: FailureCode, message: string, field?: string): ApplyFailure {
  return { ok: false, code, message, ...(field === undefined ? {} : { field }) };
}
