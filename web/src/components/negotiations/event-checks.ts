import {
  atLeastShareOf,
  atMostShareOf,
  impossibleVoteCount,
  isPastDateField,
  moreThanShareOf,
  type EventType,
} from '@wagetrack/shared';
import type { AgreementKind, EventField, EventValues, RuleSet } from '../../api/negotiations';

/**
 * The API's checks on an event that the form can make exactly before sending it (docs/domain.md,
 * the procedure): missing fields, dates, the representatives and the vote. The API stays the judge;
 * this only saves a round trip. Problems are i18n keys under `negotiation.check`, with parameters.
 */

export interface Problem {
  key: string;
  params?: Record<string, string | number>;
}

export interface CheckResult {
  /** Per field: what stops the event from being sent. */
  errors: Record<string, Problem>;
  /** Allowed but worth knowing before sending, e.g. a vote that fails and sends the case back. */
  warnings: Problem[];
}

export interface CheckContext {
  /** The business date today: events cannot happen later. */
  today: string;
  /** The date of the negotiation's latest event: a new one cannot be earlier. */
  lastEventOn: string | null;
  agreementKind: AgreementKind;
  /** The negotiation's rule-set numbers, or null when they are not known here (the API checks them). */
  rules: RuleSet | null;
}

const names = (value: EventValues[string] | undefined): string[] => (Array.isArray(value) ? value : []);
const num = (value: EventValues[string] | undefined): number | null =>
  typeof value === 'number' ? value : null;
const text = (value: EventValues[string] | undefined): string | null =>
  typeof value === 'string' ? value : null;

export function checkEvent(
  type: string,
  fields: readonly EventField[],
  body: EventValues,
  context: CheckContext,
): CheckResult {
  const result: CheckResult = { errors: {}, warnings: [] };
  const fail = (field: string, key: string, params?: Problem['params']) => {
    result.errors[field] ??= { key, params };
  };
  checkFields(fields, body, context, fail);
  const check = EVENT_CHECKS[type as EventType];
  check?.(body, context, fail, (key, params) => result.warnings.push({ key, params }));
  return result;
}

type Fail = (field: string, key: string, params?: Problem['params']) => void;
type Warn = (key: string, params?: Problem['params']) => void;

function checkFields(
  fields: readonly EventField[],
  body: EventValues,
  context: CheckContext,
  fail: Fail,
): void {
  for (const field of fields) {
    const value = body[field.name];
    if (value === undefined) {
      if (field.required) fail(field.name, 'required');
      continue;
    }
    if (field.type === 'date' && typeof value === 'string') {
      if (value > context.today && isPastDateField(field.name)) fail(field.name, 'future');
    }
    if (typeof value === 'number') {
      if (field.type === 'integer' && !Number.isInteger(value)) fail(field.name, 'integer');
      if (field.min !== undefined && value < field.min) fail(field.name, 'min', { n: field.min });
      if (field.max !== undefined && value > field.max) fail(field.name, 'max', { n: field.max });
    }
  }
  const occurredOn = text(body.occurredOn);
  if (occurredOn && context.lastEventOn && occurredOn < context.lastEventOn) {
    fail('occurredOn', 'beforeLastEvent');
  }
}

/** A date given by the event that cannot come before the day the event happened. */
function notBeforeOccurred(field: string, key: string) {
  return (body: EventValues, _context: CheckContext, fail: Fail) => {
    const date = text(body[field]);
    const occurredOn = text(body.occurredOn);
    if (date && occurredOn && date < occurredOn) fail(field, key);
  };
}

const SIDES = [
  { reps: 'workerReps', chief: 'workerChief' },
  { reps: 'employerReps', chief: 'employerChief' },
] as const;

function checkRepresentatives(body: EventValues, { rules }: CheckContext, fail: Fail): void {
  const experts = names(body.experts);
  const [workers, employers] = SIDES.map((side) => names(body[side.reps]));
  for (const side of SIDES) {
    const reps = names(body[side.reps]);
    if (reps.length === 0) continue;
    if (rules && reps.length < rules.minRepresentativesPerSide) {
      fail(side.reps, 'tooFewRepresentatives', { n: rules.minRepresentativesPerSide });
    }
    const twice = reps.find((name, index) => reps.indexOf(name) !== index);
    if (twice !== undefined) fail(side.reps, 'listedTwice', { name: twice });
    const chief = text(body[side.chief]);
    if (chief && !reps.includes(chief)) fail(side.chief, 'chiefNotOnSide', { name: chief });
    if (chief && experts.includes(chief)) fail('experts', 'expertIsChief', { name: chief });
    const expertCount = reps.filter((name) => experts.includes(name)).length;
    if (rules && expertCount > atMostShareOf(reps.length, rules.maxExpertShare)) {
      fail('experts', 'tooManyExperts', {
        n: atMostShareOf(reps.length, rules.maxExpertShare),
        of: reps.length,
      });
    }
  }
  if (!workers?.length || !employers?.length) return;
  const both = workers.find((name) => employers.includes(name));
  if (both !== undefined) fail('employerReps', 'onBothSides', { name: both });
  if (workers.length !== employers.length) {
    fail('employerReps', 'unequalSides', { workers: workers.length, employers: employers.length });
  }
  const stray = experts.find((name) => !workers.includes(name) && !employers.includes(name));
  if (stray !== undefined) fail('experts', 'expertNotRepresentative', { name: stray });
}

function checkVote(body: EventValues, { rules }: CheckContext, fail: Fail, warn: Warn): void {
  const [total, present, inFavour] = [num(body.total), num(body.present), num(body.inFavour)];
  if (total === null || present === null || inFavour === null) return;
  const impossible = impossibleVoteCount({ total, present, inFavour });
  if (impossible === 'present') return fail('present', 'presentOverTotal');
  if (impossible === 'inFavour') return fail('inFavour', 'inFavourOverPresent');
  if (!rules) return;
  const quorum = atLeastShareOf(total, rules.quorumShare);
  if (present < quorum) warn('noQuorum', { need: quorum, total });
  const majority = moreThanShareOf(total, rules.majorityShare);
  if (inFavour < majority) warn('noMajority', { need: majority, total });
}

function checkTerm(body: EventValues, { rules, agreementKind }: CheckContext, fail: Fail): void {
  const term = num(body.termMonths);
  if (!rules) return;
  const range = { min: rules.minTermMonths, max: rules.maxTermMonths };
  if (term === null) {
    if (agreementKind !== 'wage') fail('termMonths', 'termRequired', range);
  } else if (term < range.min || term > range.max) fail('termMonths', 'termRange', range);
}

/** The checks between fields of an event (src/negotiations/workflow/checks.ts makes them on the server). */
const EVENT_CHECKS: Partial<
  Record<EventType, (body: EventValues, context: CheckContext, fail: Fail, warn: Warn) => void>
> = {
  OFFER_SENT: notBeforeOccurred('receivedOn', 'receivedBeforeSent'),
  REPRESENTATIVES_CONFIRMED: checkRepresentatives,
  SUSPENDED: (body, _context, fail) => {
    const [resumeOn, occurredOn] = [text(body.resumeOn), text(body.occurredOn)];
    if (resumeOn && occurredOn && resumeOn <= occurredOn) fail('resumeOn', 'resumeNotAfterSuspension');
  },
  VOTE_RECORDED: checkVote,
  SIGNED: checkTerm,
  SUBMITTED_FOR_REVIEW: notBeforeOccurred('receivedOn', 'reviewReceivedBeforeSubmitted'),
};
