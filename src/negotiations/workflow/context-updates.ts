import { addDays, addMonths, wholeMonthsBetween, type BusinessDate } from '../../common/dates/business-date';
import type { EventOf, EventType, NegotiationEvent } from './events';
import { termMonthsOf } from './checks';
import { firstViolation } from './guards';
import type { AgreementRecord, NegotiationContext } from './negotiation.types';
import type { RuleSet } from './rule-set';

/**
 * What each accepted event writes into the context. Pure functions of
 * (context, event, rule set); the machine wraps each in an `assign` action of the same name.
 */
type Update = (
  context: NegotiationContext,
  event: NegotiationEvent,
  rules: RuleSet,
) => Partial<NegotiationContext>;

function on<T extends EventType>(
  type: T,
  update: (context: NegotiationContext, event: EventOf<T>, rules: RuleSet) => Partial<NegotiationContext>,
): Update {
  return (context, event, rules) => (event.type === type ? update(context, event as EventOf<T>, rules) : {});
}

/** The term runs from the day of effect (集体合同规定 art. 47-48), so expiry moves with it. */
function takeEffect(context: NegotiationContext, effectiveOn: BusinessDate): Partial<NegotiationContext> {
  if (context.agreement === null) return {};
  return {
    agreement: {
      ...context.agreement,
      effectiveOn,
      expiresOn: addMonths(effectiveOn, context.agreement.termMonths),
    },
  };
}

export const CONTEXT_UPDATES = {
  recordOffer: on('OFFER_SENT', (_, event) => ({
    offer: { sentBy: event.sentBy, sentOn: event.occurredOn, receivedOn: event.receivedOn },
  })),
  // The offer stays on record after acceptance; its reply clock only runs in `invitation`.
  acceptOffer: on('OFFER_ACCEPTED', () => ({})),
  // A refusal closes the offer and escalates to the higher union; a new offer may follow.
  recordRefusal: on('OFFER_REFUSED', (_, event) => ({
    offer: null,
    lastRefusal: { refusedOn: event.occurredOn, reason: event.reason },
    escalated: true,
  })),
  recordRepresentatives: on('REPRESENTATIVES_CONFIRMED', (_, event) => ({
    representatives: {
      workerReps: [...event.workerReps],
      employerReps: [...event.employerReps],
      workerChief: event.workerChief,
      employerChief: event.employerChief,
      experts: [...(event.experts ?? [])],
      confirmedOn: event.occurredOn,
    },
  })),
  recordMeeting: on('MEETING_HELD', (context) => ({ meetings: context.meetings + 1 })),
  recordSuspension: on('SUSPENDED', (_, event) => ({
    suspension: { suspendedOn: event.occurredOn, resumeOn: event.resumeOn },
  })),
  recordResumption: on('RESUMED', () => ({ suspension: null })),
  recordDraft: on('DRAFT_AGREED', () => ({})),
  recordVote: on('VOTE_RECORDED', (context, event, rules) => {
    const failure = firstViolation('votePassed', context, event, rules);
    return {
      lastVote: {
        votedOn: event.occurredOn,
        total: event.total,
        present: event.present,
        inFavour: event.inFavour,
        passed: failure === null,
        failedBecause: failure?.message ?? null,
      },
    };
  }),
  // Expiry is provisional (signedOn + term) until the review ends and fixes effectiveOn.
  recordSigning: on('SIGNED', (context, event, rules) => {
    const termMonths = termMonthsOf(context, event, rules) ?? rules.defaultWageTermMonths;
    const agreement: AgreementRecord = {
      signedOn: event.occurredOn,
      termMonths,
      effectiveOn: null,
      expiresOn: addMonths(event.occurredOn, termMonths),
      coveredEmployees: event.coveredEmployees,
      wageIncreasePct: event.wageIncreasePct ?? null,
      minimumWage: event.minimumWage ?? null,
      terminatedOn: null,
    };
    return { agreement, review: null };
  }),
  // 集体合同规定 art. 47: the review clock runs from receipt (default: the day of submission).
  recordSubmission: on('SUBMITTED_FOR_REVIEW', (_, event, rules) => {
    const receivedOn = event.receivedOn ?? event.occurredOn;
    return {
      review: {
        submittedOn: event.occurredOn,
        receivedOn,
        // Written by the workflow on the event (moved off a rest day); a log from before it
        // was written counts calendar days, as it did then.
        endsOn: event.reviewEndsOn ?? addDays(receivedOn, rules.reviewDays),
      },
    };
  }),
  // An explicit approval (审查意见书 without objection) takes effect the day it is given.
  recordApproval: on('REVIEW_APPROVED', (context, event) => takeEffect(context, event.occurredOn)),
  // 集体合同规定 art. 47: effect on the day the period ends, whenever the timer actually ran.
  takeEffectAtPeriodEnd: on('REVIEW_PERIOD_ELAPSED', (context) =>
    context.review === null ? {} : takeEffect(context, context.review.endsOn),
  ),
  // 集体合同规定 art. 46: the objected text is renegotiated, voted, signed and submitted again.
  recordObjection: on('REVIEW_OBJECTION', (_, event) => ({
    lastObjection: { objectedOn: event.occurredOn, reasons: [...event.reasons] },
    agreement: null,
    review: null,
    lastVote: null,
  })),
  recordPublication: on('PUBLISHED', (_, event) => ({ publishedOn: event.occurredOn })),
  recordFilingWithUnion: on('FILED_WITH_UNION', (_, event) => ({
    filedWithUnionOn: event.occurredOn,
  })),
  recordTermination: on('TERMINATED', (context, event) => ({
    agreement: context.agreement === null ? null : { ...context.agreement, terminatedOn: event.occurredOn },
    closure: { closedOn: event.occurredOn, reason: event.reason },
  })),
  recordAbandonment: on('ABANDONED', (_, event) => ({
    closure: { closedOn: event.occurredOn, reason: event.reason },
  })),
  recordExpiry: on('EXPIRED', () => ({})),
  // A recorded agreement: occurredOn is its signing date; the term defaults to the whole months given.
  recordHistorical: on('HISTORICAL_RECORDED', (_, event) => ({
    historical: true,
    agreement: {
      signedOn: event.occurredOn,
      termMonths: event.termMonths ?? Math.max(1, wholeMonthsBetween(event.effectiveOn, event.expiresOn)),
      effectiveOn: event.effectiveOn,
      expiresOn: event.expiresOn,
      coveredEmployees: event.coveredEmployees,
      wageIncreasePct: event.wageIncreasePct ?? null,
      minimumWage: event.minimumWage ?? null,
      terminatedOn: null,
    },
  })),
} satisfies Record<string, Update>;

export type ContextUpdateName = keyof typeof CONTEXT_UPDATES;
