import type { AgreementKind, BusinessDate, OwnershipType, Scope } from '@wagetrack/shared';
import type { NegotiationContext, RuleSet } from '../../negotiations/workflow';

/** A covered enterprise as the documents name it (its roster row). */
export interface DossierEnterprise {
  id: number;
  name: string;
  creditCode: string;
  /** The township unit's name (乡镇/街道). */
  township: string;
  community: string | null;
  ownershipType: OwnershipType;
  /** GB/T 4754 section letter. */
  industry: string;
  employeeCount: number;
}

/** One entry of the negotiation's event log, as it was recorded. */
export interface DossierEvent {
  seq: number;
  type: string;
  occurredOn: BusinessDate;
  /** The stage the event led to: a vote that passed leads to `signing`. */
  toStage: string;
  payload: Record<string, unknown>;
}

/**
 * Everything a negotiation's documents are made from, read by the service in one go: the
 * negotiation, its workflow context, the rule set it runs under (the numbers and the articles
 * the documents quote), the covered enterprises and the event log.
 */
export interface NegotiationDossier {
  id: number;
  title: string | null;
  agreementKind: AgreementKind;
  scope: Scope;
  /** Recorded after the fact (an agreement signed before the product was used). */
  historical: boolean;
  createdOn: BusinessDate;
  context: NegotiationContext;
  ruleSet: RuleSet;
  enterprises: DossierEnterprise[];
  /** In order (seq ascending). */
  events: DossierEvent[];
}
