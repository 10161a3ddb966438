import { addDays, addMonths, laterOf, type BusinessDate } from '../../common/dates/business-date';
import { cite, LAW } from './law';
import type { NegotiationContext } from './negotiation.types';
import type { RuleSet } from './rule-set';
import type { DeadlineKind } from '@wagetrack/shared';

export type { DeadlineKind } from '@wagetrack/shared';

/** Dates that start a state (stalled, renewal window open) rather than end a time limit. */
export const STATE_DEADLINE_KINDS: readonly DeadlineKind[] = ['stalled', 'renewal_window_opens'];

/** Whether a deadline of this kind is overdue on `today`: a time limit that has passed. */
export function isOverdue(deadline: { kind: string; dueOn: BusinessDate }, today: BusinessDate): boolean {
  return !(STATE_DEADLINE_KINDS as readonly string[]).includes(deadline.kind) && deadline.dueOn < today;
}

/**
 * A date the product knows about. `remind` feeds the reminder digests; `fire` makes the
 * scheduler send `event` (with occurredOn = dueOn or later) through the one write path.
 */
export interface Deadline {
  kind: DeadlineKind;
  dueOn: BusinessDate;
  action: 'remind' | 'fire';
  event?: 'REVIEW_PERIOD_ELAPSED' | 'EXPIRED';
  rule: string;
}

const remind = (kind: DeadlineKind, dueOn: BusinessDate, rule: string): Deadline => ({
  kind,
  dueOn,
  action: 'remind',
  rule,
});

/**
 * The open deadlines of a negotiation in `statePath` (e.g. 'filing.underReview'). They
 * depend only on the snapshot and the rule set, so they can be recomputed at any time
 * and replace the stored rows on every transition.
 */
export function deadlinesFor(statePath: string, context: NegotiationContext, rules: RuleSet): Deadline[] {
  const stalled = remind(
    'stalled',
    addDays(context.lastEventOn ?? context.createdOn, rules.stalledAfterDays),
    cite(LAW.LOCAL),
  );
  switch (statePath) {
    case 'invitation':
      return context.offer === null
        ? [stalled]
        : [
            // 集体合同规定 art. 32: the clock runs from the day the offer was received.
            remind(
              'offer_reply',
              addDays(context.offer.receivedOn, rules.offerReplyDays),
              cite(LAW.CC, '32'),
            ),
            stalled,
          ];
    case 'preparation':
    case 'consultation.active':
    case 'ratification':
    case 'signing':
      return [stalled];
    case 'consultation.suspended':
      return context.suspension === null
        ? []
        : [remind('suspension_resume', context.suspension.resumeOn, cite(LAW.CC, '35'))];
    case 'filing.awaitingSubmission':
      return context.agreement === null ? [] : [submission(context, context.agreement.signedOn, rules)];
    case 'filing.underReview':
      return context.review === null
        ? []
        : [
            {
              kind: 'review_period_end',
              dueOn: context.review.endsOn,
              action: 'fire',
              event: 'REVIEW_PERIOD_ELAPSED',
              rule: `${cite(LAW.CC, '47')}; ${cite(LAW.LCL, '54')}`,
            },
          ];
    case 'in_force':
      return inForce(context, rules);
    default:
      return [];
  }
}

/** 集体合同规定 art. 42: 10 days from signing; 工资集体协商试行办法 art. 21: 7 for wage agreements. */
function submission(context: NegotiationContext, signedOn: BusinessDate, rules: RuleSet): Deadline {
  return context.agreementKind === 'wage'
    ? remind('submission_for_review', addDays(signedOn, rules.wageFilingDays), cite(LAW.WN, '21'))
    : remind('submission_for_review', addDays(signedOn, rules.filingDays), cite(LAW.CC, '42'));
}

function inForce(context: NegotiationContext, rules: RuleSet): Deadline[] {
  const agreement = context.agreement;
  if (agreement === null) return [];
  const deadlines: Deadline[] = [];
  // A recorded (historical) agreement was published before the product knew it.
  if (context.publishedOn === null && !context.historical) {
    deadlines.push(
      remind(
        'publication',
        addDays(agreement.effectiveOn ?? agreement.signedOn, rules.publicationDays),
        `${cite(LAW.CC, '48')}; ${cite(LAW.LOCAL)}`,
      ),
    );
  }
  deadlines.push(
    // 集体合同规定 art. 38: either side may propose renewal in the 3 months before expiry
    // (for a term shorter than that, from the day of effect).
    remind(
      'renewal_window_opens',
      laterOf(
        addMonths(agreement.expiresOn, -rules.renewalWindowMonths),
        agreement.effectiveOn ?? agreement.signedOn,
      ),
      cite(LAW.CC, '38'),
    ),
    {
      kind: 'expiry',
      dueOn: agreement.expiresOn,
      action: 'fire',
      event: 'EXPIRED',
      rule: cite(LAW.CC, '38'),
    },
  );
  return deadlines;
}
