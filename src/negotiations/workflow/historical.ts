import { compareDates, type BusinessDate } from '../../common/dates/business-date';
import type { NegotiationEvent } from './events';
import type { AgreementKind, Scope } from './negotiation.types';
import {
  applyEvent,
  createNegotiationState,
  type ApplyFailure,
  type ApplySuccess,
} from './negotiation-workflow';
import type { RuleSet } from './rule-set';

export interface HistoricalAgreementInput {
  agreementKind: AgreementKind;
  scope: Scope;
  signedOn: BusinessDate;
  effectiveOn: BusinessDate;
  expiresOn: BusinessDate;
  coveredEmployees: number;
  termMonths?: number;
  wageIncreasePct?: number;
  minimumWage?: number;
  /** Today in the business time zone; also the negotiation's createdOn. */
  today: BusinessDate;
  ruleSet: RuleSet;
}

export type HistoricalResult =
  | (ApplySuccess & {
      /** The events to append to the log, in order (replay rebuilds the state from them). */
      events: NegotiationEvent[];
      createdOn: BusinessDate;
    })
  | ApplyFailure;

/**
 * An agreement signed before the product was used. It goes through the machine like any
 * other history: HISTORICAL_RECORDED (dated the signing day) leads to `in_force`, and an
 * agreement whose expiresOn is today or earlier also gets EXPIRED, dated expiresOn.
 */
export function createHistoricalState(input: HistoricalAgreementInput): HistoricalResult {
  const { agreementKind, scope, today, ruleSet } = input;
  const recorded: Record<string, unknown> = {
    type: 'HISTORICAL_RECORDED',
    occurredOn: input.signedOn,
    effectiveOn: input.effectiveOn,
    expiresOn: input.expiresOn,
    coveredEmployees: input.coveredEmployees,
    termMonths: input.termMonths,
    wageIncreasePct: input.wageIncreasePct,
    minimumWage: input.minimumWage,
  };
  const initial = createNegotiationState({ agreementKind, scope, ruleSet, createdOn: today });
  const options = { ruleSet, today, source: 'system' as const };
  const first = applyEvent(initial, recorded, options);
  if (!first.ok) return asSignedOn(first);
  if (compareDates(input.expiresOn, today) > 0) {
    return { ...first, events: [first.event], createdOn: today };
  }
  const expired = applyEvent(first.persisted, { type: 'EXPIRED', occurredOn: input.expiresOn }, options);
  if (!expired.ok) return expired;
  return { ...expired, fromStage: first.fromStage, events: [first.event, expired.event], createdOn: today };
}

/** The recorded event's occurredOn is the signedOn the client sent: name that field instead. */
function asSignedOn(failure: ApplyFailure): ApplyFailure {
  if (failure.field !== 'occurredOn') return failure;
  return { ...failure, field: 'signedOn', message: failure.message.replaceAll('occurredOn', 'signedOn') };
}
