import fc from 'fast-check';
import { addDays } from '../../common/dates/business-date';
import { EVENT_TYPES, type EventType } from './events';
import {
  applyEvent,
  availableEvents,
  createNegotiationState,
  deadlinesOf,
  replay,
  stageOf,
  type EventSource,
} from './negotiation-workflow';
import { AGREEMENT_KINDS, STAGES, type AgreementKind } from './negotiation.types';
import type { PersistedWorkflow } from './persisted-workflow';
import { NATIONAL_RULE_SET } from './rule-set';
import { validPayload } from './workflow.fixtures';

/**
 * Random histories: mostly plausible events dated relative to the last one (some before
 * it, some in the future), mangled payloads, and arbitrary junk. Whatever arrives, the
 * workflow answers without throwing, refuses without changing anything, and the accepted
 * events replay to the same state (docs/architecture.md, invariants 2, 3 and 6).
 */
const TODAY = '2027-06-30';
const CREATED_ON = '2026-01-01';

type Command =
  | { kind: 'relative'; type: EventType; delta: number; mutation: Mutation; source: EventSource }
  | { kind: 'guided'; pick: number; delta: number; mutation: Mutation; source: EventSource }
  | { kind: 'junk'; value: unknown; source: EventSource };

type Mutation =
  | { do: 'none' }
  | { do: 'failVote' }
  | { do: 'drop'; index: number }
  | { do: 'set'; index: number; value: unknown }
  | { do: 'extra'; name: string; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 12, arbitrary: fc.constant({ do: 'none' as const }) },
  { weight: 2, arbitrary: fc.constant({ do: 'failVote' as const }) },
  { weight: 1, arbitrary: fc.record({ do: fc.constant('drop' as const), index: fc.nat(6) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      do: fc.constant('set' as const),
      index: fc.nat(6),
      value: fc.oneof(
        fc.anything(),
        fc.integer({ min: -5, max: 120 }),
        fc.constantFrom('', '  ', '2026-02-30', '2026-13-01', '2026-3-1', 'x'),
        fc.array(fc.string(), { maxLength: 5 }),
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ do: fc.constant('extra' as const), name: fc.string(), value: fc.anything() }),
  },
);

const source = fc.constantFrom<EventSource>('user', 'system');

const command: fc.Arbitrary<Command> = fc.oneof(
  {
    // Follows the procedure: one of the events the state offers, so runs get deep.
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant('guided' as const),
      pick: fc.nat(20),
      delta: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: -2, max: 60 })),
      mutation,
      source,
    }),
  },
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant('relative' as const),
      type: fc.constantFrom(...EVENT_TYPES),
      delta: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: -5, max: 400 })),
      mutation,
      source,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('junk' as const), value: fc.anything(), source }) },
);

function lastDate(persisted: PersistedWorkflow): string {
  const context = persisted.snapshot.context;
  return context.lastEventOn ?? context.createdOn;
}

/** Events a guided step never picks: they end a run early (random steps still send them). */
const ENDINGS: readonly EventType[] = ['ABANDONED', 'TERMINATED', 'HISTORICAL_RECORDED', 'EXPIRED'];

function typeOf(cmd: Exclude<Command, { kind: 'junk' }>, persisted: PersistedWorkflow): EventType {
  if (cmd.kind === 'relative') return cmd.type;
  const offered = availableEvents(persisted, 'system')
    .map((event) => event.type)
    .filter((type) => !ENDINGS.includes(type));
  return offered[cmd.pick % offered.length] ?? 'MEETING_HELD';
}

/** Builds the event for the current state; timers are dated from their due dates. */
function materialize(cmd: Command, persisted: PersistedWorkflow): unknown {
  if (cmd.kind === 'junk') return cmd.value;
  const type = typeOf(cmd, persisted);
  const context = persisted.snapshot.context;
  const anchor =
    type === 'REVIEW_PERIOD_ELAPSED' && context.review !== null
      ? context.review.endsOn
      : type === 'EXPIRED' && context.agreement !== null
        ? context.agreement.expiresOn
        : lastDate(persisted);
  const event: Record<string, unknown> = { ...validPayload(type, addDays(anchor, cmd.delta)) };
  const keys = Object.keys(event);
  const m = cmd.mutation;
  switch (m.do) {
    case 'failVote':
      if (type === 'VOTE_RECORDED') event['present'] = 50;
      break;
    case 'drop':
      delete event[keys[m.index % keys.length]!];
      break;
    case 'set':
      event[keys[m.index % keys.length]!] = m.value;
      break;
    case 'extra':
      event[m.name] = m.value;
      break;
  }
  return event;
}

describe(applyEvent.name, () => {
  it('never throws, refuses without side effects, keeps dates in order, and replays to the same state', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<AgreementKind>(...AGREEMENT_KINDS),
        fc.array(command, { minLength: 1, maxLength: 60 }),
        (agreementKind, commands) => {
          const createdWith = { agreementKind, scope: 'enterprise' as const, createdOn: CREATED_ON };
          let persisted = createNegotiationState({ ...createdWith, ruleSet: NATIONAL_RULE_SET });
          const accepted: unknown[] = [];
          let previousDate: string | null = null;
          for (const cmd of commands) {
            const event = materialize(cmd, persisted);
            const before = structuredClone(persisted);
            const offered = availableEvents(persisted, cmd.source).map((e) => e.type);
            const result = applyEvent(persisted, event, {
              ruleSet: NATIONAL_RULE_SET,
              today: TODAY,
              source: cmd.source,
            });
            // The input snapshot is never modified, accepted or not.
            expect(persisted).toEqual(before);
            if (!result.ok) {
              expect(['ILLEGAL_EVENT', 'GUARD_FAILED', 'INVALID_EVENT']).toContain(result.code);
              expect(result.message.length).toBeGreaterThan(0);
              continue;
            }
            expect(offered).toContain(result.event.type);
            expect(STAGES).toContain(result.stage);
            expect(result.stage).toBe(stageOf(result.persisted));
            expect(result.event.occurredOn <= TODAY).toBe(true);
            if (previousDate !== null) expect(result.event.occurredOn >= previousDate).toBe(true);
            expect(deadlinesOf(result.persisted, NATIONAL_RULE_SET)).toEqual(result.deadlines);
            previousDate = result.event.occurredOn;
            accepted.push(event);
            persisted = result.persisted;
          }
          expect(STAGES).toContain(stageOf(persisted));
          expect(replay(accepted, { ruleSet: NATIONAL_RULE_SET, createdWith })).toEqual(persisted);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('reaches deep stages often enough for the property to mean something', () => {
    const stages = new Set<string>();
    fc.assert(
      fc.property(fc.array(command, { minLength: 20, maxLength: 60 }), (commands) => {
        let persisted = createNegotiationState({
          agreementKind: 'wage',
          scope: 'enterprise',
          createdOn: CREATED_ON,
          ruleSet: NATIONAL_RULE_SET,
        });
        for (const cmd of commands) {
          const result = applyEvent(persisted, materialize(cmd, persisted), {
            ruleSet: NATIONAL_RULE_SET,
            today: TODAY,
            source: cmd.source,
          });
          if (result.ok) persisted = result.persisted;
          stages.add(stageOf(persisted));
        }
      }),
      { numRuns: 400, seed: 20260101 },
    );
    expect([...stages].sort()).toEqual([...STAGES].sort());
  });
});
