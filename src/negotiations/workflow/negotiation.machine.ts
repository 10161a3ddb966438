import { assign, setup } from 'xstate';
import { CONTEXT_UPDATES, type ContextUpdateName } from './context-updates';
import type { NegotiationEvent } from './events';
import { firstViolation, GUARD_NAMES, type GuardName } from './guards';
import type { NegotiationContext, NegotiationInput } from './negotiation.types';
import { NATIONAL_RULE_SET, type RuleSet } from './rule-set';

export const NEGOTIATION_MACHINE_ID = 'negotiation';
/**
 * Bump when a persisted snapshot of the previous version would no longer load as is,
 * and register the migration in snapshot-migrations.ts.
 * v1: flat `consultation` and `filing`, `effective` instead of `in_force`, `meetingCount`, `suspendedUntil`.
 * v2: substates consultation.{active,suspended} and filing.{awaitingSubmission,underReview}.
 */
export const NEGOTIATION_MACHINE_VERSION = 2;

type GuardArgs = { context: NegotiationContext; event: NegotiationEvent };

/** Guards read the negotiation's own rule set, so one machine is built per rule set. */
function guardsFor(rules: RuleSet): Record<GuardName, (args: GuardArgs) => boolean> {
  const entries = GUARD_NAMES.map((name) => [
    name,
    ({ context, event }: GuardArgs) => firstViolation(name, context, event, rules) === null,
  ]);
  return Object.fromEntries(entries) as Record<GuardName, (args: GuardArgs) => boolean>;
}

function recordWith(rules: RuleSet, name: ContextUpdateName) {
  return assign<NegotiationContext, NegotiationEvent, undefined, NegotiationEvent, never>(
    ({ context, event }) => ({
      ...CONTEXT_UPDATES[name](context, event, rules),
      // Every accepted event moves the clock: a later event may not be dated before it.
      lastEventOn: event.occurredOn,
    }),
  );
}

function actionsFor(rules: RuleSet) {
  const names = Object.keys(CONTEXT_UPDATES) as ContextUpdateName[];
  const entries = names.map((name) => [name, recordWith(rules, name)]);
  return Object.fromEntries(entries) as Record<ContextUpdateName, ReturnType<typeof recordWith>>;
}

export function initialContext(input: NegotiationInput): NegotiationContext {
  return {
    agreementKind: input.agreementKind,
    scope: input.scope,
    ruleSetVersion: input.ruleSetVersion,
    createdOn: input.createdOn,
    lastEventOn: null,
    historical: false,
    offer: null,
    lastRefusal: null,
    escalated: false,
    representatives: null,
    meetings: 0,
    suspension: null,
    lastVote: null,
    agreement: null,
    review: null,
    lastObjection: null,
    publishedOn: null,
    filedWithUnionOn: null,
    closure: null,
  };
}

export function createNegotiationMachine(rules: RuleSet) {
  // Any open stage before the agreement takes effect may be given up.
  const abandon = {
    guard: 'canAbandon',
    target: '#negotiation.abandoned',
    actions: 'recordAbandonment',
  } as const;

  return setup({
    types: {
      context: {} as NegotiationContext,
      events: {} as NegotiationEvent,
      input: {} as NegotiationInput,
    },
    guards: guardsFor(rules),
    actions: actionsFor(rules),
  }).createMachine({
    id: NEGOTIATION_MACHINE_ID,
    initial: 'invitation',
    // xstate's pure transition() builds a throwaway actor, without input, on every call:
    // answer it an empty context rather than throw (and build an Error) each time.
    context: ({ input }) => (input === undefined ? ({} as NegotiationContext) : initialContext(input)),
    states: {
      // 要约 (集体合同规定 art. 32); a refusal escalates and leaves room for a new offer.
      invitation: {
        on: {
          OFFER_SENT: { guard: 'canSendOffer', actions: 'recordOffer' },
          OFFER_ACCEPTED: { guard: 'offerAwaitingReply', target: 'preparation', actions: 'acceptOffer' },
          OFFER_REFUSED: { guard: 'canRefuseOffer', actions: 'recordRefusal' },
          HISTORICAL_RECORDED: {
            guard: 'historicalAgreementValid',
            target: 'in_force',
            actions: 'recordHistorical',
          },
          ABANDONED: abandon,
        },
      },
      // 协商代表 (集体合同规定 art. 19-24).
      preparation: {
        on: {
          REPRESENTATIVES_CONFIRMED: {
            guard: 'representativesValid',
            target: 'consultation',
            actions: 'recordRepresentatives',
          },
          ABANDONED: abandon,
        },
      },
      // 协商 (集体合同规定 art. 33-35).
      consultation: {
        initial: 'active',
        on: { ABANDONED: abandon },
        states: {
          active: {
            on: {
              MEETING_HELD: { actions: 'recordMeeting' },
              // A seat refilled or a side re-named (集体合同规定 art. 30-31).
              REPRESENTATIVES_CONFIRMED: {
                guard: 'representativesValid',
                actions: 'recordRepresentatives',
              },
              SUSPENDED: { guard: 'suspensionValid', target: 'suspended', actions: 'recordSuspension' },
              DRAFT_AGREED: { target: '#negotiation.ratification', actions: 'recordDraft' },
            },
          },
          suspended: {
            on: { RESUMED: { target: 'active', actions: 'recordResumption' } },
          },
        },
      },
      // 职代会审议 (集体合同规定 art. 36): a failed vote is recorded and returns the draft.
      ratification: {
        on: {
          VOTE_RECORDED: [
            { guard: 'votePassed', target: 'signing', actions: 'recordVote' },
            { target: '#negotiation.consultation.active', actions: 'recordVote' },
          ],
          ABANDONED: abandon,
        },
      },
      // 签字 only after a passed vote (集体合同规定 art. 37): this state is reached no other way.
      signing: {
        on: {
          SIGNED: { guard: 'termValid', target: 'filing', actions: 'recordSigning' },
          ABANDONED: abandon,
        },
      },
      // 报送审查 (集体合同规定 art. 42-47, 工资集体协商试行办法 art. 21, 劳动合同法 art. 54).
      filing: {
        initial: 'awaitingSubmission',
        on: { ABANDONED: abandon },
        states: {
          awaitingSubmission: {
            on: {
              SUBMITTED_FOR_REVIEW: {
                guard: 'receivedAfterSubmission',
                target: 'underReview',
                actions: 'recordSubmission',
              },
            },
          },
          underReview: {
            on: {
              REVIEW_APPROVED: {
                guard: 'answerWithinReview',
                target: '#negotiation.in_force',
                actions: 'recordApproval',
              },
              REVIEW_OBJECTION: {
                guard: 'answerWithinReview',
                target: '#negotiation.consultation.active',
                actions: 'recordObjection',
              },
              REVIEW_PERIOD_ELAPSED: {
                guard: 'reviewPeriodOver',
                target: '#negotiation.in_force',
                actions: 'takeEffectAtPeriodEnd',
              },
            },
          },
        },
      },
      // 生效: publication (集体合同规定 art. 48), 备案 with the union, early end or expiry (art. 38-40).
      in_force: {
        on: {
          PUBLISHED: { guard: 'notYetPublished', actions: 'recordPublication' },
          FILED_WITH_UNION: { guard: 'notYetFiledWithUnion', actions: 'recordFilingWithUnion' },
          TERMINATED: { guard: 'canTerminate', target: 'terminated', actions: 'recordTermination' },
          EXPIRED: { guard: 'expiryReached', target: 'expired', actions: 'recordExpiry' },
        },
      },
      expired: { type: 'final' },
      terminated: { type: 'final' },
      abandoned: { type: 'final' },
    },
  });
}

export type NegotiationMachine = ReturnType<typeof createNegotiationMachine>;

const machines = new WeakMap<RuleSet, NegotiationMachine>();

/** The machine for a rule set, built once per rule set object. */
export function machineFor(rules: RuleSet): NegotiationMachine {
  let machine = machines.get(rules);
  if (machine === undefined) {
    machine = createNegotiationMachine(rules);
    machines.set(rules, machine);
  }
  return machine;
}

/** The machine under the national rules: its structure is the same for every rule set. */
export const negotiationMachine: NegotiationMachine = machineFor(NATIONAL_RULE_SET);
