/**
 * Agreements in force counted the three ways union statistics use: by agreement
 * (single-enterprise, regional, industry), by enterprises covered, by employees covered
 * (domain.md, Signing rate, last point; api.md, GET /reports/agreements).
 */
import type { BusinessDate } from '../../common/dates/business-date';
import {
  AGREEMENT_KINDS,
  SCOPES,
  type AgreementKind,
  type Scope,
} from '../../negotiations/workflow/negotiation.types';
import { agreementCoversOn, isOpenOn } from './predicates';
import { roundTo2 } from './ratios';
import { TOTAL_GROUP, type AgreementRow, type EnterpriseRow } from './types';
import { assertBusinessDate, assertOneOf } from './validation';

export interface ScopeRow {
  /** A Scope, or 'total' on the total row. */
  scope: Scope | typeof TOTAL_GROUP;
  /** Agreements of the kind in force on asOf. */
  agreements: number;
  /** Distinct enterprises they list that are open on asOf (any union status). */
  enterprisesCovered: number;
  /**
   * Sum of the agreements' own coveredEmployees, the figure each agreement was signed for, as
   * union statistics report it; not the enterprises' current headcount, which is undated and,
   * for a regional agreement, may differ from what it was signed for. So, unlike
   * enterprisesCovered, employees covered by two agreements are counted twice.
   */
  employeesCovered: number;
  /** Plain mean of wageIncreasePct over the agreements that record one, 2 decimals; null if none. */
  avgWageIncreasePct: number | null;
}

export interface AgreementsByScopeInput {
  enterprises: readonly EnterpriseRow[];
  agreements: readonly AgreementRow[];
  asOf: BusinessDate;
  agreementKind: AgreementKind;
}

export interface AgreementsByScopeReport {
  /** Always the three scopes, in SCOPES order. */
  rows: ScopeRow[];
  /** Sums, except enterprisesCovered, which counts an enterprise listed under two scopes once. */
  total: ScopeRow;
}

/** "In force" as in agreementCoversOn(…, 'in_force'): taken effect, not expired or terminated. */
export function agreementsByScope(input: AgreementsByScopeInput): AgreementsByScopeReport {
  const { enterprises, agreements, asOf, agreementKind } = input;
  assertBusinessDate('asOf', asOf);
  assertOneOf('agreementKind', agreementKind, AGREEMENT_KINDS);

  const openIds = new Set(enterprises.filter((e) => isOpenOn(e, asOf)).map((e) => e.id));
  const inForce = agreements.filter(
    (a) => a.agreementKind === agreementKind && agreementCoversOn(a, asOf, 'in_force'),
  );
  const rows = SCOPES.map((scope) =>
    toScopeRow(
      scope,
      inForce.filter((a) => a.scope === scope),
      openIds,
    ),
  );
  return { rows, total: toScopeRow(TOTAL_GROUP, inForce, openIds) };
}

function toScopeRow(scope: ScopeRow['scope'], agreements: AgreementRow[], openIds: Set<number>): ScopeRow {
  const enterprises = new Set(agreements.flatMap((a) => a.enterpriseIds).filter((id) => openIds.has(id)));
  const increases = agreements.flatMap((a) => (a.wageIncreasePct === null ? [] : [a.wageIncreasePct]));
  return {
    scope,
    agreements: agreements.length,
    enterprisesCovered: enterprises.size,
    employeesCovered: agreements.reduce((sum, a) => sum + a.coveredEmployees, 0),
    avgWageIncreasePct:
      increases.length === 0 ? null : roundTo2(increases.reduce((sum, p) => sum + p, 0) / increases.length),
  };
}
