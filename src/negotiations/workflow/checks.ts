import { addDays, addMonths, compareDates } from '../../common/dates/business-date';
import type { EventOf, EventType, NegotiationEvent } from './events';
import { LAW, type Citation } from './law';
import type { NegotiationContext } from './negotiation.types';
import type { RuleSet } from './rule-set';
import { atLeastShareOf, atMostShareOf, formatShare, moreThanShareOf } from './shares';

/**
 * Each check is one legal rule with its article. The machine's guards are groups of
 * checks (guards.ts); the workflow facade re-runs the checks of a failed guard to tell
 * the user which rule refused the event.
 */
export interface CheckDefinition {
  citation: Citation;
  /** 'context' checks need no event payload, so they also decide which events are offered. */
  reads: 'context' | 'event';
  description: string;
  /** The field the user has to change, when there is one. */
  field?: string;
  /** null when the rule holds, otherwise what is wrong (without the citation). */
  violation(context: NegotiationContext, event: NegotiationEvent, rules: RuleSet): string | null;
}

type Check = CheckDefinition['violation'];

/** Narrows the event: a check only ever judges the event types its guard is attached to. */
function forEvent<T extends EventType>(
  type: T,
  check: (context: NegotiationContext, event: EventOf<T>, rules: RuleSet) => string | null,
): Check {
  return (context, event, rules) => (event.type === type ? check(context, event as EventOf<T>, rules) : null);
}

const CC = (article: string): Citation => ({ law: LAW.CC, article });

/** 集体合同规定 art. 38: the term limits of the rule set, in words. */
const termLimits = (rules: RuleSet): string => `${rules.minTermMonths}-${rules.maxTermMonths} months`;

function termOutsideLimits(term: number, rules: RuleSet): string | null {
  return term >= rules.minTermMonths && term <= rules.maxTermMonths
    ? null
    : `term ${term} months is outside ${termLimits(rules)}`;
}

const blank = (text: string): boolean => text.trim() === '';

function sidesOf(event: EventOf<'REPRESENTATIVES_CONFIRMED'>) {
  return [
    { side: 'worker', reps: event.workerReps, chief: event.workerChief },
    { side: 'employer', reps: event.employerReps, chief: event.employerChief },
  ] as const;
}

export const CHECKS = {
  noOfferPending: {
    citation: CC('32'),
    reads: 'context',
    description: 'a new offer only when no earlier offer awaits its reply',
    violation: (context) =>
      context.offer === null
        ? null
        : `the offer sent on ${context.offer.sentOn} still awaits a reply; record OFFER_ACCEPTED or OFFER_REFUSED first`,
  },
  offerReceivedAfterSent: {
    citation: CC('32'),
    reads: 'event',
    field: 'receivedOn',
    description: 'an offer is received on or after the day it was sent',
    violation: forEvent('OFFER_SENT', (_, event) =>
      compareDates(event.receivedOn, event.occurredOn) >= 0
        ? null
        : `receivedOn ${event.receivedOn} is before the offer was sent (${event.occurredOn})`,
    ),
  },
  offerPending: {
    citation: CC('32'),
    reads: 'context',
    description: 'a reply needs an offer awaiting it',
    violation: (context) =>
      context.offer !== null ? null : 'no offer awaits a reply; record OFFER_SENT first',
  },
  refusalHasReason: {
    citation: CC('32'),
    reads: 'event',
    field: 'reason',
    description: 'bargaining may not be refused without a justified reason (无正当理由不得拒绝)',
    violation: forEvent('OFFER_REFUSED', (_, event) =>
      blank(event.reason) ? 'a refusal must state its reason (无正当理由不得拒绝)' : null,
    ),
  },
  representativesPerSide: {
    citation: CC('19'),
    reads: 'event',
    field: 'workerReps',
    description: 'at least 3 representatives per side',
    violation: forEvent('REPRESENTATIVES_CONFIRMED', (_, event, rules) => {
      const short = sidesOf(event).find((s) => s.reps.length < rules.minRepresentativesPerSide);
      return short === undefined
        ? null
        : `each side needs at least ${rules.minRepresentativesPerSide} representatives; the ${short.side} side has ${short.reps.length}`;
    }),
  },
  representativesEqual: {
    citation: CC('19'),
    reads: 'event',
    field: 'employerReps',
    description: 'both sides have the same number of representatives',
    violation: forEvent('REPRESENTATIVES_CONFIRMED', (_, event) =>
      event.workerReps.length === event.employerReps.length
        ? null
        : `the sides must be equal in number; worker side ${event.workerReps.length}, employer side ${event.employerReps.length}`,
    ),
  },
  representativesDistinct: {
    citation: CC('19'),
    reads: 'event',
    field: 'workerReps',
    description: 'a person is counted once on a side',
    violation: forEvent('REPRESENTATIVES_CONFIRMED', (_, event) => {
      for (const { side, reps } of sidesOf(event)) {
        const twice = reps.find((name, index) => reps.indexOf(name) !== index);
        if (twice !== undefined) return `${twice} is listed twice on the ${side} side`;
      }
      return null;
    }),
  },
  noDualRepresentation: {
    citation: CC('24'),
    reads: 'event',
    field: 'employerReps',
    description: 'nobody represents both sides (不得相互兼任)',
    violation: forEvent('REPRESENTATIVES_CONFIRMED', (_, event) => {
      const both = event.workerReps.find((name) => event.employerReps.includes(name));
      return both === undefined ? null : `${both} cannot represent both sides`;
    }),
  },
  chiefsAreRepresentatives: {
    citation: CC('19-21'),
    reads: 'event',
    field: 'workerChief',
    description: 'each side has one chief representative from its own list',
    violation: forEvent('REPRESENTATIVES_CONFIRMED', (_, event) => {
      const stray = sidesOf(event).find((s) => !s.reps.includes(s.chief));
      return stray === undefined
        ? null
        : `the ${stray.side} chief ${JSON.stringify(stray.chief)} is not among the ${stray.side} representatives`;
    }),
  },
  expertsAreRepresentatives: {
    citation: CC('23'),
    reads: 'event',
    field: 'experts',
    description: 'an outside expert sits as one of a side’s representatives',
    violation: forEvent('REPRESENTATIVES_CONFIRMED', (_, event) => {
      const stray = (event.experts ?? []).find(
        (name) => !event.workerReps.includes(name) && !event.employerReps.includes(name),
      );
      return stray === undefined ? null : `expert ${stray} is not listed on either side`;
    }),
  },
  expertNotChief: {
    citation: CC('23'),
    reads: 'event',
    field: 'experts',
    description: 'an outside expert is never chief representative',
    violation: forEvent('REPRESENTATIVES_CONFIRMED', (_, event) => {
      const chief = sidesOf(event).find((s) => (event.experts ?? []).includes(s.chief));
      return chief === undefined
        ? null
        : `the ${chief.side} chief ${chief.chief} is an outside expert; a chief must belong to the side itself`;
    }),
  },
  expertShare: {
    citation: CC('23'),
    reads: 'event',
    field: 'experts',
    description: 'outside experts are at most 1/3 of a side',
    violation: forEvent('REPRESENTATIVES_CONFIRMED', (_, event, rules) => {
      const experts = event.experts ?? [];
      for (const { side, reps } of sidesOf(event)) {
        const count = reps.filter((name) => experts.includes(name)).length;
        const allowed = atMostShareOf(reps.length, rules.maxExpertShare);
        if (count > allowed) {
          return `outside experts may be at most ${formatShare(rules.maxExpertShare)} of a side; the ${side} side has ${count} of ${reps.length} (at most ${allowed})`;
        }
      }
      return null;
    }),
  },
  resumeAfterSuspension: {
    citation: CC('35'),
    reads: 'event',
    field: 'resumeOn',
    description: 'the agreed resume date is after the day of suspension',
    violation: forEvent('SUSPENDED', (_, event) =>
      compareDates(event.resumeOn, event.occurredOn) > 0
        ? null
        : `resumeOn ${event.resumeOn} must be after the day of suspension ${event.occurredOn}`,
    ),
  },
  suspensionWithinCap: {
    citation: CC('35'),
    reads: 'event',
    field: 'resumeOn',
    description: 'the parties agree the pause; local rules cap its length (60 days by default)',
    violation: forEvent('SUSPENDED', (_, event, rules) => {
      const latest = addDays(event.occurredOn, rules.maxSuspensionDays);
      return compareDates(event.resumeOn, latest) <= 0
        ? null
        : `suspensions are capped at ${rules.maxSuspensionDays} days (local rule); resumeOn ${event.resumeOn} is after ${latest}`;
    }),
  },
  quorumReached: {
    citation: CC('36'),
    reads: 'event',
    field: 'present',
    description: 'at least 2/3 of all delegates present',
    violation: forEvent('VOTE_RECORDED', (_, event, rules) => {
      const need = atLeastShareOf(event.total, rules.quorumShare);
      return event.present >= need
        ? null
        : `present ${event.present} of ${event.total} is below ${formatShare(rules.quorumShare)} (need ${need})`;
    }),
  },
  majorityReached: {
    citation: CC('36'),
    reads: 'event',
    field: 'inFavour',
    description: 'more than 1/2 of ALL delegates in favour (not of those present)',
    violation: forEvent('VOTE_RECORDED', (_, event, rules) => {
      const need = moreThanShareOf(event.total, rules.majorityShare);
      return event.inFavour >= need
        ? null
        : `in favour ${event.inFavour} of ${event.total} is not more than ${formatShare(rules.majorityShare)} of all (need ${need})`;
    }),
  },
  termWithinLimits: {
    citation: CC('38'),
    reads: 'event',
    field: 'termMonths',
    description: 'term of 1 to 36 months; wage agreements default to 12',
    violation: forEvent('SIGNED', (context, event, rules) => {
      const term = termMonthsOf(context, event, rules);
      if (term === null) {
        return `termMonths is required for a ${context.agreementKind} agreement (${termLimits(rules)})`;
      }
      return termOutsideLimits(term, rules);
    }),
  },
  reviewReceivedAfterSubmission: {
    citation: CC('47'),
    reads: 'event',
    field: 'receivedOn',
    description: 'the administration receives the text on or after the day it was submitted',
    violation: forEvent('SUBMITTED_FOR_REVIEW', (_, event) =>
      event.receivedOn === undefined || compareDates(event.receivedOn, event.occurredOn) >= 0
        ? null
        : `receivedOn ${event.receivedOn} is before the submission (${event.occurredOn})`,
    ),
  },
  reviewAnswerAfterReceipt: {
    citation: CC('45'),
    reads: 'event',
    field: 'occurredOn',
    description: 'the administration answers after it received the text',
    violation: (context, event) => {
      const received = context.review?.receivedOn;
      return received === undefined || compareDates(event.occurredOn, received) >= 0
        ? null
        : `the administration received the text on ${received}; it cannot answer on ${event.occurredOn}`;
    },
  },
  reviewAnswerBeforePeriodEnd: {
    citation: CC('47'),
    reads: 'event',
    field: 'occurredOn',
    description: 'an answer counts only before the review period ends; then the agreement is in force',
    violation: (context, event) => {
      const endsOn = context.review?.endsOn;
      return endsOn === undefined || compareDates(event.occurredOn, endsOn) < 0
        ? null
        : `the review period ended on ${endsOn} and the agreement took effect that day; an answer dated ${event.occurredOn} is too late`;
    },
  },
  reviewPeriodEnded: {
    citation: CC('47'),
    reads: 'event',
    field: 'occurredOn',
    description: 'the agreement takes effect by itself once the review period has ended',
    violation: (context, event) => {
      const endsOn = context.review?.endsOn;
      return endsOn !== undefined && compareDates(event.occurredOn, endsOn) >= 0
        ? null
        : `the review period runs until ${endsOn ?? '(not submitted)'}; not over on ${event.occurredOn}`;
    },
  },
  publishedOnce: {
    citation: CC('48'),
    reads: 'context',
    description: 'publication is recorded once',
    violation: (context) =>
      context.publishedOn === null ? null : `already published on ${context.publishedOn}`,
  },
  filedWithUnionOnce: {
    citation: { law: LAW.PRODUCT, article: '' },
    reads: 'context',
    description: 'filing with the higher union (备案) is recorded once',
    violation: (context) =>
      context.filedWithUnionOn === null
        ? null
        : `already filed with the union on ${context.filedWithUnionOn}`,
  },
  terminationHasReason: {
    citation: CC('39-40'),
    reads: 'event',
    field: 'reason',
    description: 'ending an agreement early states its ground',
    violation: forEvent('TERMINATED', (_, event) =>
      blank(event.reason) ? 'a termination must state its reason' : null,
    ),
  },
  terminationBeforeExpiry: {
    citation: CC('38'),
    reads: 'event',
    field: 'occurredOn',
    description: 'only an agreement that has not yet expired can be terminated',
    violation: (context, event) => {
      const expiresOn = context.agreement?.expiresOn;
      return expiresOn === undefined || compareDates(event.occurredOn, expiresOn) < 0
        ? null
        : `the agreement expired on ${expiresOn}; it cannot be terminated on ${event.occurredOn}`;
    },
  },
  expiryDateReached: {
    citation: CC('38'),
    reads: 'event',
    field: 'occurredOn',
    description: 'an agreement expires on its expiry date, not before',
    violation: (context, event) => {
      const expiresOn = context.agreement?.expiresOn;
      return expiresOn !== undefined && compareDates(event.occurredOn, expiresOn) >= 0
        ? null
        : `the agreement runs until ${expiresOn ?? '(unknown)'}; not expired on ${event.occurredOn}`;
    },
  },
  abandonmentHasReason: {
    citation: { law: LAW.PRODUCT, article: '' },
    reads: 'event',
    field: 'reason',
    description: 'giving up a negotiation states why',
    violation: forEvent('ABANDONED', (_, event) =>
      blank(event.reason) ? 'abandoning a negotiation must state its reason' : null,
    ),
  },
  historicalEffectiveAfterSigning: {
    citation: { law: LAW.PRODUCT, article: '' },
    reads: 'event',
    field: 'effectiveOn',
    description: 'a recorded agreement takes effect on or after the day it was signed',
    violation: forEvent('HISTORICAL_RECORDED', (_, event) =>
      compareDates(event.effectiveOn, event.occurredOn) >= 0
        ? null
        : `effectiveOn ${event.effectiveOn} is before the signing date ${event.occurredOn}`,
    ),
  },
  historicalExpiresAfterEffect: {
    citation: { law: LAW.PRODUCT, article: '' },
    reads: 'event',
    field: 'expiresOn',
    description: 'a recorded agreement expires after it took effect',
    violation: forEvent('HISTORICAL_RECORDED', (_, event) =>
      compareDates(event.expiresOn, event.effectiveOn) > 0
        ? null
        : `expiresOn ${event.expiresOn} must be after effectiveOn ${event.effectiveOn}`,
    ),
  },
  historicalTermWithinLimits: {
    citation: CC('38'),
    reads: 'event',
    field: 'expiresOn',
    description: 'a recorded agreement ran 1 to 36 months, from effectiveOn to expiresOn',
    violation: forEvent('HISTORICAL_RECORDED', (_, event, rules) => {
      const earliest = addMonths(event.effectiveOn, rules.minTermMonths);
      const latest = addMonths(event.effectiveOn, rules.maxTermMonths);
      if (compareDates(event.expiresOn, earliest) >= 0 && compareDates(event.expiresOn, latest) <= 0)
        return null;
      return `effectiveOn ${event.effectiveOn} to expiresOn ${event.expiresOn} is outside a term of ${termLimits(rules)} (expiresOn ${earliest} to ${latest})`;
    }),
  },
  historicalTermMonthsWithinLimits: {
    citation: CC('38'),
    reads: 'event',
    field: 'termMonths',
    description: 'a recorded agreement’s termMonths, when given, is 1 to 36',
    violation: forEvent('HISTORICAL_RECORDED', (_, event, rules) =>
      event.termMonths === undefined ? null : termOutsideLimits(event.termMonths, rules),
    ),
  },
} satisfies Record<string, CheckDefinition>;

export type CheckName = keyof typeof CHECKS;

export function checkDefinition(name: CheckName): CheckDefinition {
  return CHECKS[name] as CheckDefinition;
}

/** termMonths as signed: wage agreements default to a year (工资集体协商试行办法 art. 23). */
export function termMonthsOf(
  context: NegotiationContext,
  event: EventOf<'SIGNED'>,
  rules: RuleSet,
): number | null {
  if (event.termMonths !== undefined) return event.termMonths;
  return context.agreementKind === 'wage' ? rules.defaultWageTermMonths : null;
}
