import { checkDefinition, type CheckName } from './checks';
import type { NegotiationEvent } from './events';
import { cite } from './law';
import type { NegotiationContext } from './negotiation.types';
import type { RuleSet } from './rule-set';

/** The machine's guards: each passes when all of its checks hold. */
export const GUARDS = {
  canSendOffer: ['noOfferPending', 'offerReceivedAfterSent'],
  offerAwaitingReply: ['offerPending'],
  canRefuseOffer: ['offerPending', 'refusalHasReason'],
  representativesValid: [
    'representativesPerSide',
    'representativesEqual',
    'representativesDistinct',
    'noDualRepresentation',
    'chiefsAreRepresentatives',
    'expertsAreRepresentatives',
    'expertNotChief',
    'expertShare',
  ],
  suspensionValid: ['resumeAfterSuspension', 'suspensionWithinCap'],
  votePassed: ['quorumReached', 'majorityReached'],
  termValid: ['termWithinLimits'],
  receivedAfterSubmission: ['reviewReceivedAfterSubmission'],
  answerWithinReview: ['reviewAnswerAfterReceipt', 'reviewAnswerBeforePeriodEnd'],
  reviewPeriodOver: ['reviewPeriodEnded'],
  notYetPublished: ['publishedOnce'],
  notYetFiledWithUnion: ['filedWithUnionOnce'],
  canTerminate: ['terminationHasReason', 'terminationBeforeExpiry'],
  expiryReached: ['expiryDateReached'],
  canAbandon: ['abandonmentHasReason'],
  historicalAgreementValid: [
    'historicalEffectiveAfterSigning',
    'historicalExpiresAfterEffect',
    'historicalTermWithinLimits',
    'historicalTermMonthsWithinLimits',
  ],
} as const satisfies Record<string, readonly CheckName[]>;

export type GuardName = keyof typeof GUARDS;

export const GUARD_NAMES = Object.keys(GUARDS) as GuardName[];

export interface Violation {
  check: CheckName;
  rule: string;
  /** `rule: what is wrong`, e.g. `集体合同规定 art. 36: present 66 of 100 is below 2/3 (need 67)`. */
  message: string;
  field?: string;
}

/** The first rule of `guard` that the event breaks, or null when the guard passes. */
export function firstViolation(
  guard: GuardName,
  context: NegotiationContext,
  event: NegotiationEvent,
  rules: RuleSet,
  reads: 'context' | 'all' = 'all',
): Violation | null {
  for (const name of GUARDS[guard]) {
    const definition = checkDefinition(name);
    if (reads === 'context' && definition.reads !== 'context') continue;
    const detail = definition.violation(context, event, rules);
    if (detail !== null) {
      const rule = cite(definition.citation.law, definition.citation.article);
      return {
        check: name,
        rule,
        message: `${rule}: ${detail}`,
        ...(definition.field === undefined ? {} : { field: definition.field }),
      };
    }
  }
  return null;
}
