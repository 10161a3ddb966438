import { addDays, addMonths, laterOf, type BusinessDate } from '../../common/dates/business-date';
import { countLimit, NO_CALENDAR, type WorkCalendar } from '../../common/dates/work-calendar';
import { cite, LAW } from './law';
import type { NegotiationContext } from './negotiation.types';
import type { CountedLimit, RuleSet } from './rule-set';
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
  /** How the limit was counted: calendar days (日) or working days (工作日). */
  unit: 'calendar' | 'workday';
  /** The working-day calendar lacked a year the date needed: counted in calendar days, not moved. */
  calendarMissing: boolean;
}

/**
 * The article behind each time limit: the one place the deadlines (below) and the negotiation
 * documents (src/documents/content) take them from. The numbers are the rule set's.
 */
export const TIME_LIMIT_RULES = {
  /** 集体合同规定 art. 32: the reply is due offerReplyDays after the offer was received. */
  offerReply: cite(LAW.CC, '32'),
  /** 集体合同规定 art. 35: the parties agree when consultation resumes. */
  suspensionResume: cite(LAW.CC, '35'),
  /** 集体合同规定 art. 42: the employer submits the text filingDays after signing. */
  submission: cite(LAW.CC, '42'),
  /** 工资集体协商试行办法 art. 21: wageFilingDays for a wage agreement. */
  wageSubmission: cite(LAW.WN, '21'),
  /** 集体合同规定 art. 47, 劳动合同法 art. 54: no objection within reviewDays of receipt → in force. */
  reviewPeriod: `${cite(LAW.CC, '47')}; ${cite(LAW.LCL, '54')}`,
  /** 集体合同规定 art. 48 says "promptly"; publicationDays is the local rule. */
  publication: `${cite(LAW.CC, '48')}; ${cite(LAW.LOCAL)}`,
  /** 集体合同规定 art. 38: the term, expiry and the renewal window before it. */
  term: cite(LAW.CC, '38'),
} as const;

/**
 * How long the employer has to submit a signed text for review, and the rule that says so:
 * 集体合同规定 art. 42 (filingDays), 工资集体协商试行办法 art. 21 for wage agreements (wageFilingDays).
 */
export function submissionLimit(
  agreementKind: NegotiationContext['agreementKind'],
  rules: RuleSet,
): { days: number; rule: string } {
  return agreementKind === 'wage'
    ? { days: rules.wageFilingDays, rule: TIME_LIMIT_RULES.wageSubmission }
    : { days: rules.filingDays, rule: TIME_LIMIT_RULES.submission };
}

const remind = (kind: DeadlineKind, dueOn: BusinessDate, rule: string): Deadline => ({
  kind,
  dueOn,
  action: 'remind',
  rule,
  unit: 'calendar',
  calendarMissing: false,
});

/**
 * A time limit of `days` counted from `from` as the rule set counts this kind: calendar or
 * working days, and (民法典 art. 203) a last day on a rest day moved to the next working day.
 */
function counted(
  kind: CountedLimit,
  from: BusinessDate,
  days: number,
  rule: string,
  rules: RuleSet,
  calendar: WorkCalendar,
): Deadline {
  const counting = rules.counting[kind];
  const { dueOn, calendarMissing } = countLimit(calendar, from, days, counting);
  return { ...remind(kind, dueOn, rule), unit: counting.unit, calendarMissing };
}

/**
 * The open deadlines of a negotiation in `statePath` (e.g. 'filing.underReview'). They
 * depend only on the snapshot and the rule set, so they can be recomputed at any time
 * and replace the stored rows on every transition.
 */
export function deadlinesFor(
  statePath: string,
  context: NegotiationContext,
  rules: RuleSet,
  calendar: WorkCalendar = NO_CALENDAR,
): Deadline[] {
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
            counted(
              'offer_reply',
              context.offer.receivedOn,
              rules.offerReplyDays,
              TIME_LIMIT_RULES.offerReply,
              rules,
              calendar,
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
        : [remind('suspension_resume', context.suspension.resumeOn, TIME_LIMIT_RULES.suspensionResume)];
    case 'filing.awaitingSubmission':
      return context.agreement === null
        ? []
        : [submission(context, context.agreement.signedOn, rules, calendar)];
    case 'filing.underReview':
      return context.review === null
        ? []
        : [
            {
              ...reviewPeriodEndNow(context.review, rules, calendar),
              action: 'fire',
              event: 'REVIEW_PERIOD_ELAPSED',
            },
          ];
    case 'in_force':
      return inForce(context, rules, calendar);
    default:
      return [];
  }
}

/**
 * 集体合同规定 art. 47: the last day of the review, reviewDays from receipt, counted as the rule
 * set counts `review_period_end` with `calendar` (moved off a rest day, 民法典 art. 203). The
 * workflow writes it on SUBMITTED_FOR_REVIEW (`reviewEndsOn`), so the day the agreement takes
 * effect by itself is a fact of the event log, not of the calendar loaded when it is replayed.
 */
export function reviewPeriodEnd(receivedOn: BusinessDate, rules: RuleSet, calendar: WorkCalendar): Deadline {
  return counted(
    'review_period_end',
    receivedOn,
    rules.reviewDays,
    TIME_LIMIT_RULES.reviewPeriod,
    rules,
    calendar,
  );
}

/**
 * The review's deadline: the end the submission recorded (the timer fires on it). An end that
 * today's calendar would have moved (a rest day: the year was missing when the submission was
 * recorded) is flagged like a date counted without the calendar.
 */
function reviewPeriodEndNow(
  review: NonNullable<NegotiationContext['review']>,
  rules: RuleSet,
  calendar: WorkCalendar,
): Deadline {
  const now = reviewPeriodEnd(review.receivedOn, rules, calendar);
  const unmoved = now.dueOn !== review.endsOn && !calendar.isWorkingDay(review.endsOn);
  return { ...now, dueOn: review.endsOn, calendarMissing: now.calendarMissing || unmoved };
}

/** 集体合同规定 art. 42: 10 days from signing; 工资集体协商试行办法 art. 21: 7 for wage agreements. */
function submission(
  context: NegotiationContext,
  signedOn: BusinessDate,
  rules: RuleSet,
  calendar: WorkCalendar,
): Deadline {
  const limit = submissionLimit(context.agreementKind, rules);
  return counted('submission_for_review', signedOn, limit.days, limit.rule, rules, calendar);
}

function inForce(context: NegotiationContext, rules: RuleSet, calendar: WorkCalendar): Deadline[] {
  const agreement = context.agreement;
  if (agreement === null) return [];
  const deadlines: Deadline[] = [];
  // A recorded (historical) agreement was published before the product knew it.
  if (context.publishedOn === null && !context.historical) {
    deadlines.push(
      counted(
        'publication',
        agreement.effectiveOn ?? agreement.signedOn,
        rules.publicationDays,
        TIME_LIMIT_RULES.publication,
        rules,
        calendar,
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
      TIME_LIMIT_RULES.term,
    ),
    {
      kind: 'expiry',
      dueOn: agreement.expiresOn,
      action: 'fire',
      event: 'EXPIRED',
      rule: TIME_LIMIT_RULES.term,
      unit: 'calendar',
      calendarMissing: false,
    },
  );
  return deadlines;
}
