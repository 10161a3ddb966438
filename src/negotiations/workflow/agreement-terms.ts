import type { BusinessDate } from '../../common/dates/business-date';
import type { NegotiationContext, Stage } from './negotiation.types';

/** The agreement row the persistence layer upserts with each transition. */
export interface AgreementTerms {
  signedOn: BusinessDate;
  effectiveOn: BusinessDate | null;
  expiresOn: BusinessDate;
  terminatedOn: BusinessDate | null;
  termMonths: number;
  coveredEmployees: number;
  wageIncreasePct: number | null;
  minimumWage: number | null;
}

/**
 * The signed agreement, or null when there is none: not yet signed, set aside by a
 * review objection (it will be signed again), or signed but the negotiation was abandoned
 * before it took effect (it never bound anyone).
 */
export function agreementTermsFor(stage: Stage, context: NegotiationContext): AgreementTerms | null {
  const agreement = context.agreement;
  if (agreement === null || stage === 'abandoned') return null;
  return {
    signedOn: agreement.signedOn,
    effectiveOn: agreement.effectiveOn,
    expiresOn: agreement.expiresOn,
    terminatedOn: agreement.terminatedOn,
    termMonths: agreement.termMonths,
    coveredEmployees: agreement.coveredEmployees,
    wageIncreasePct: agreement.wageIncreasePct,
    minimumWage: agreement.minimumWage,
  };
}
