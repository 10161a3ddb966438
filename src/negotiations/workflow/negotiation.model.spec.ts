import { getShortestPaths } from '@xstate/graph';
import type { AnyTransitionDefinition, AnyStateNode } from 'xstate';
import { addDays, addMonths } from '../../common/dates/business-date';
import type { Deadline } from './deadlines';
import { EVENT_TYPES, isSystemOnly, type EventType, type NegotiationEvent } from './events';
import { negotiationMachine } from './negotiation.machine';
import { applyEvent, createNegotiationState, statePathOfWorkflow } from './negotiation-workflow';
import type { NegotiationContext } from './negotiation.types';
import { statePathOf } from './persisted-workflow';
import { NATIONAL_RULE_SET } from './rule-set';
import { validPayload } from './workflow.fixtures';

/**
 * Model-based test: @xstate/graph walks the machine with concrete payloads, every
 * transition of the definition is taken at least once, and each path is replayed through
 * the public facade, checking the state and the deadlines after every step against an
 * oracle written independently of deadlines.ts.
 */
type Snapshot = ReturnType<typeof negotiationMachine.resolveState>;

const CREATED_ON = '2026-01-01';
const input = {
  agreementKind: 'comprehensive' as const,
  scope: 'enterprise' as const,
  ruleSetVersion: NATIONAL_RULE_SET.version,
  createdOn: CREATED_ON,
};

/** Event variants the model tries in every state; a failing vote is its own variant. */
const VARIANTS: string[] = [...EVENT_TYPES, 'VOTE_RECORDED:failed'];

/**
 * A concrete payload for a variant in the real snapshot: dated the day after the last
 * event, the timers on (or after) their due dates. States that share an abstract key may
 * differ in dates, so payloads are always made from the snapshot at hand.
 */
function concretize(variant: string, snapshot: Snapshot): NegotiationEvent {
  const context = snapshot.context;
  const next = addDays(context.lastEventOn ?? context.createdOn, 1);
  if (variant === 'VOTE_RECORDED:failed') {
    return { ...validPayload('VOTE_RECORDED', next), present: 66 } as NegotiationEvent;
  }
  const type = variant as EventType;
  if (type === 'REVIEW_PERIOD_ELAPSED' && context.review !== null) {
    // The timer runs late; the agreement must still take effect on the period's end.
    return validPayload(type, addDays(context.review.endsOn, 3)) as NegotiationEvent;
  }
  if (type === 'EXPIRED' && context.agreement !== null) {
    return validPayload(type, context.agreement.expiresOn) as NegotiationEvent;
  }
  return validPayload(type, next) as NegotiationEvent;
}

function eventsFor(snapshot: Snapshot): NegotiationEvent[] {
  return VARIANTS.map((variant) => concretize(variant, snapshot)).filter((event) => snapshot.can(event));
}

/** A state as the model sees it: the path plus the facts that change which events apply. */
function abstractOf(snapshot: Snapshot): string {
  const c = snapshot.context;
  const flags = [
    c.offer !== null && statePathOf(snapshot.value) === 'invitation' ? 'offer' : '',
    c.publishedOn !== null ? 'published' : '',
    c.filedWithUnionOn !== null ? 'filed' : '',
    c.historical ? 'historical' : '',
  ].filter(Boolean);
  return `${statePathOf(snapshot.value)}{${flags.join(',')}}`;
}

const variantOf = (event: NegotiationEvent): string =>
  event.type === 'VOTE_RECORDED' && event.present === 66 ? 'VOTE_RECORDED:failed' : event.type;

/** Keys are transitions (from, event, to) so the shortest paths reach every edge, not only every state. */
function serializeTransition(state: Snapshot, event?: NegotiationEvent, prev?: Snapshot): string {
  if (event === undefined || prev === undefined) return abstractOf(state);
  return `${abstractOf(prev)} -${variantOf(event)}-> ${abstractOf(state)}`;
}

function allTransitionDefinitions(node: AnyStateNode): AnyTransitionDefinition[] {
  return [
    ...[...node.transitions.values()].flat(),
    ...Object.values(node.states).flatMap((child) => allTransitionDefinitions(child)),
  ];
}

const plusDays = (date: string, days: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** What deadlines must exist in a state, written from docs/domain.md rather than from deadlines.ts. */
function expectedDeadlines(statePath: string, context: NegotiationContext): Partial<Deadline>[] {
  const stalled = { kind: 'stalled' as const, dueOn: plusDays(context.lastEventOn ?? CREATED_ON, 30) };
  switch (statePath) {
    case 'invitation':
      return context.offer === null
        ? [stalled]
        : [{ kind: 'offer_reply', dueOn: plusDays(context.offer.receivedOn, 20) }, stalled];
    case 'preparation':
    case 'consultation.active':
    case 'ratification':
    case 'signing':
      return [stalled];
    case 'consultation.suspended':
      return [{ kind: 'suspension_resume', dueOn: context.suspension?.resumeOn }];
    case 'filing.awaitingSubmission':
      return [{ kind: 'submission_for_review', dueOn: plusDays(context.agreement!.signedOn, 10) }];
    case 'filing.underReview':
      return [
        {
          kind: 'review_period_end',
          dueOn: plusDays(context.review!.receivedOn, 15),
          action: 'fire',
          event: 'REVIEW_PERIOD_ELAPSED',
        },
      ];
    case 'in_force': {
      const agreement = context.agreement!;
      const publication =
        context.publishedOn === null && !context.historical
          ? [{ kind: 'publication' as const, dueOn: plusDays(agreement.effectiveOn!, 10) }]
          : [];
      return [
        ...publication,
        {
          kind: 'renewal_window_opens',
          dueOn: [addMonths(agreement.expiresOn, -3), agreement.effectiveOn!].sort().at(-1),
        },
        { kind: 'expiry', dueOn: agreement.expiresOn, action: 'fire', event: 'EXPIRED' },
      ];
    }
    default:
      return [];
  }
}

type Path = ReturnType<typeof getShortestPaths<typeof negotiationMachine>>[number];

/** Runs a path's events through the facade, asserting state and deadlines after each step. */
function replayPath(path: Path): { taken: AnyTransitionDefinition[]; reached: string[] } {
  const taken: AnyTransitionDefinition[] = [];
  let persisted = createNegotiationState({ ...input, ruleSet: NATIONAL_RULE_SET });
  const reached = [statePathOfWorkflow(persisted)];
  for (const step of path.steps.slice(1)) {
    const before = negotiationMachine.resolveState({
      value: persisted.snapshot.value,
      context: persisted.snapshot.context,
    });
    const event = concretize(variantOf(step.event), before);
    taken.push(...negotiationMachine.getTransitionData(before, event));
    const result = applyEvent(persisted, event, {
      ruleSet: NATIONAL_RULE_SET,
      today: '2030-12-31',
      source: isSystemOnly(event.type) ? 'system' : 'user',
    });
    if (!result.ok) throw new Error(`${event.type}: ${result.message}`);
    const statePath = statePathOf(step.state.value);
    expect(result.state).toBe(statePath);
    expect(result.stage).toBe(statePath.split('.')[0]);
    const expected = expectedDeadlines(statePath, result.persisted.snapshot.context);
    expect(result.deadlines).toHaveLength(expected.length);
    expected.forEach((deadline, index) => expect(result.deadlines[index]).toMatchObject(deadline));
    if (event.type === 'REVIEW_PERIOD_ELAPSED') {
      // 集体合同规定 art. 47: in force on the day the period ends, not the day the timer ran.
      expect(result.agreement?.effectiveOn).toBe(before.context.review?.endsOn);
      expect(result.agreement?.effectiveOn).not.toBe(event.occurredOn);
    }
    reached.push(statePath);
    persisted = result.persisted;
  }
  return { taken, reached };
}

describe(getShortestPaths.name, () => {
  const paths = getShortestPaths(negotiationMachine, {
    input,
    events: eventsFor,
    serializeState: serializeTransition,
  });
  const nameOf = (path: Path): string =>
    path.steps
      .slice(1)
      .map((step) => variantOf(step.event))
      .join(' → ') || '(start)';

  it.each(paths.map((path) => [nameOf(path), path] as const))('replays %s through applyEvent', (_, path) => {
    replayPath(path);
  });

  it('takes every transition of the machine and reaches every state', () => {
    const taken = new Set<AnyTransitionDefinition>();
    const reached = new Set<string>();
    for (const path of paths) {
      const outcome = replayPath(path);
      outcome.taken.forEach((definition) => taken.add(definition));
      outcome.reached.forEach((state) => reached.add(state));
    }
    const missed = allTransitionDefinitions(negotiationMachine.root).filter((d) => !taken.has(d));
    expect(missed.map((d) => `${d.source.id} ${d.eventType}`)).toEqual([]);
    expect([...reached].sort()).toEqual(
      [
        'invitation',
        'preparation',
        'consultation.active',
        'consultation.suspended',
        'ratification',
        'signing',
        'filing.awaitingSubmission',
        'filing.underReview',
        'in_force',
        'expired',
        'terminated',
        'abandoned',
      ].sort(),
    );
  });
});
