/**
 * Test data builders for the workflow specs: one valid payload per event type and a
 * straight run through the procedure. Not used by production code.
 */
import type { BusinessDate } from '../../common/dates/business-date';
import type { EventType } from './events';
import type { AgreementKind } from './negotiation.types';
import {
  applyEvent,
  createNegotiationState,
  type ApplySuccess,
  type EventSource,
} from './negotiation-workflow';
import type { PersistedWorkflow } from './persisted-workflow';
import { NATIONAL_RULE_SET, type RuleSet } from './rule-set';

export type EventInput = { type: EventType; occurredOn: BusinessDate } & Record<string, unknown>;

export const TODAY = '2026-12-31';

export const WORKER_REPS = ['王芳', '李强', '张伟'];
export const EMPLOYER_REPS = ['刘洋', '陈静', '杨磊'];

/** A payload each event type accepts in the state it belongs to (dates relative to `on`). */
export function validPayload(type: EventType, on: BusinessDate): EventInput {
  const base = { type, occurredOn: on };
  switch (type) {
    case 'OFFER_SENT':
      return { ...base, sentBy: 'union', receivedOn: on };
    case 'OFFER_REFUSED':
      return { ...base, reason: '经营困难' };
    case 'REPRESENTATIVES_CONFIRMED':
      return {
        ...base,
        workerReps: WORKER_REPS,
        employerReps: EMPLOYER_REPS,
        workerChief: WORKER_REPS[0],
        employerChief: EMPLOYER_REPS[0],
      };
    case 'MEETING_HELD':
      return { ...base, summary: '第一次协商会议' };
    case 'SUSPENDED':
      return { ...base, resumeOn: addDaysLocal(on, 14) };
    case 'VOTE_RECORDED':
      return { ...base, total: 100, present: 80, inFavour: 60 };
    case 'SIGNED':
      return { ...base, termMonths: 12, coveredEmployees: 120, wageIncreasePct: 5, minimumWage: 2200 };
    case 'SUBMITTED_FOR_REVIEW':
      return { ...base, receivedOn: on };
    case 'REVIEW_OBJECTION':
      return { ...base, reasons: ['工资条款低于最低工资标准'] };
    case 'TERMINATED':
      return { ...base, reason: '企业关闭' };
    case 'ABANDONED':
      return { ...base, reason: '企业注销' };
    case 'HISTORICAL_RECORDED':
      return { ...base, effectiveOn: on, expiresOn: addDaysLocal(on, 365), coveredEmployees: 80 };
    default:
      return base;
  }
}

function addDaysLocal(on: BusinessDate, days: number): BusinessDate {
  const date = new Date(`${on}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export interface Run {
  persisted: PersistedWorkflow;
  last: ApplySuccess | null;
}

/** Applies events in order and fails loudly when one is refused (for arranging a state). */
export function run(
  events: readonly EventInput[],
  options: { kind?: AgreementKind; ruleSet?: RuleSet; source?: EventSource; createdOn?: BusinessDate } = {},
): Run {
  const ruleSet = options.ruleSet ?? NATIONAL_RULE_SET;
  let persisted = createNegotiationState({
    agreementKind: options.kind ?? 'comprehensive',
    scope: 'enterprise',
    ruleSet,
    createdOn: options.createdOn ?? '2026-01-01',
  });
  let last: ApplySuccess | null = null;
  for (const event of events) {
    const result = applyEvent(persisted, event, {
      ruleSet,
      today: TODAY,
      source: options.source ?? 'system',
    });
    if (!result.ok) {
      throw new Error(`arranging failed at ${event.type}: ${result.code} ${result.message}`);
    }
    persisted = result.persisted;
    last = result;
  }
  return { persisted, last };
}

/** Events that bring a negotiation to `stage`, one day apart from 2026-01-05. */
export const PATH_TO = {
  invitation: [] as EventInput[],
  offerPending: [validPayload('OFFER_SENT', '2026-01-05')],
  preparation: [validPayload('OFFER_SENT', '2026-01-05'), validPayload('OFFER_ACCEPTED', '2026-01-06')],
  consultation: [
    validPayload('OFFER_SENT', '2026-01-05'),
    validPayload('OFFER_ACCEPTED', '2026-01-06'),
    validPayload('REPRESENTATIVES_CONFIRMED', '2026-01-07'),
  ],
  ratification: [
    validPayload('OFFER_SENT', '2026-01-05'),
    validPayload('OFFER_ACCEPTED', '2026-01-06'),
    validPayload('REPRESENTATIVES_CONFIRMED', '2026-01-07'),
    validPayload('MEETING_HELD', '2026-01-08'),
    validPayload('DRAFT_AGREED', '2026-01-09'),
  ],
  signing: [] as EventInput[],
  awaitingSubmission: [] as EventInput[],
  underReview: [] as EventInput[],
  inForce: [] as EventInput[],
};
PATH_TO.signing = [...PATH_TO.ratification, validPayload('VOTE_RECORDED', '2026-01-10')];
PATH_TO.awaitingSubmission = [...PATH_TO.signing, validPayload('SIGNED', '2026-01-12')];
PATH_TO.underReview = [...PATH_TO.awaitingSubmission, validPayload('SUBMITTED_FOR_REVIEW', '2026-01-15')];
PATH_TO.inForce = [...PATH_TO.underReview, validPayload('REVIEW_APPROVED', '2026-01-20')];
