import type { BusinessDate } from '../../common/dates/business-date';

// The vocabulary the API shares with the web (kinds, scopes, stages, sides) is in the shared package.
export { AGREEMENT_KINDS, FINAL_STAGES, OPEN_STAGES, SCOPES, STAGES } from '@wagetrack/shared';
export type { AgreementKind, Scope, Side, Stage } from '@wagetrack/shared';
import type { AgreementKind, Scope, Side } from '@wagetrack/shared';

export interface Offer {
  sentBy: Side;
  sentOn: BusinessDate;
  receivedOn: BusinessDate;
}

export interface Refusal {
  refusedOn: BusinessDate;
  reason: string;
}

export interface Representatives {
  workerReps: string[];
  employerReps: string[];
  workerChief: string;
  employerChief: string;
  experts: string[];
  confirmedOn: BusinessDate;
}

export interface Suspension {
  suspendedOn: BusinessDate;
  resumeOn: BusinessDate;
}

export interface Vote {
  votedOn: BusinessDate;
  total: number;
  present: number;
  inFavour: number;
  passed: boolean;
  /** The rule a failed vote missed, e.g. the 2/3 quorum of 集体合同规定 art. 36. */
  failedBecause: string | null;
}

/** The signed agreement as the machine tracks it. */
export interface AgreementRecord {
  signedOn: BusinessDate;
  termMonths: number;
  /** null until the review ends (approval, or the review period elapsing). */
  effectiveOn: BusinessDate | null;
  /** Provisional (signedOn + term) until effectiveOn is known, then effectiveOn + term. */
  expiresOn: BusinessDate;
  coveredEmployees: number;
  wageIncreasePct: number | null;
  minimumWage: number | null;
  terminatedOn: BusinessDate | null;
}

export interface Review {
  submittedOn: BusinessDate;
  /** The day the labour administration received the text: the review clock starts here. */
  receivedOn: BusinessDate;
  /**
   * The last day of the review (receivedOn + reviewDays, moved off a rest day as the rule set
   * counts it): the agreement takes effect on this day without objection.
   */
  endsOn: BusinessDate;
}

export interface Objection {
  objectedOn: BusinessDate;
  reasons: string[];
}

export interface Closure {
  closedOn: BusinessDate;
  reason: string;
}

/** Everything the machine remembers. Absent values are null (never undefined) so JSON round-trips. */
export interface NegotiationContext {
  agreementKind: AgreementKind;
  scope: Scope;
  ruleSetVersion: string;
  createdOn: BusinessDate;
  /** occurredOn of the last accepted event; a new event may not be dated earlier. */
  lastEventOn: BusinessDate | null;
  /** Recorded after the fact (HISTORICAL_RECORDED), not negotiated in the product. */
  historical: boolean;
  offer: Offer | null;
  lastRefusal: Refusal | null;
  /** Set by a refusal: the higher union coordinates (集体合同规定 art. 32, docs/domain.md). */
  escalated: boolean;
  representatives: Representatives | null;
  meetings: number;
  suspension: Suspension | null;
  lastVote: Vote | null;
  agreement: AgreementRecord | null;
  review: Review | null;
  lastObjection: Objection | null;
  publishedOn: BusinessDate | null;
  filedWithUnionOn: BusinessDate | null;
  /** Why and when a terminated or abandoned negotiation ended. */
  closure: Closure | null;
}

export interface NegotiationInput {
  agreementKind: AgreementKind;
  scope: Scope;
  ruleSetVersion: string;
  createdOn: BusinessDate;
}
