/**
 * Agreements in force counted the three ways union statistics use: by agreement
 * (single-enterprise, regional, industry), by enterprises covered, by employees covered
 * (docs/domain.md, Signing rate, last point; docs/contract.md, Reports: GET /reports/agreements).
 */
import { SCOPES, type Scope } from '../../negotiations/workflow/negotiation.types';
import { roundTo2 } from './ratios';
import { TOTAL_GROUP } from './types';

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

export interface AgreementsByScopeReport {
  /** Always the three scopes, in SCOPES order. */
  rows: ScopeRow[];
  /** Sums, except enterprisesCovered, which counts an enterprise listed under two scopes once. */
  total: ScopeRow;
}

/**
 * The counts of the agreements of a kind in force on asOf (taken effect, not expired,
 * terminated or set aside) of one scope, as the database counts them.
 */
export interface ScopeTally {
  agreements: number;
  /** Distinct open enterprises they list. */
  enterprisesCovered: number;
  /** Sum of their coveredEmployees. */
  employeesCovered: number;
  /** Sum of the wageIncreasePct they record, and how many record one. */
  wageIncreaseSum: number;
  wageIncreases: number;
}

export interface AgreementTallies {
  /** Per scope; a scope without agreements may be missing. */
  scopes: ReadonlyMap<Scope, ScopeTally>;
  /** Distinct open enterprises listed by any of the agreements: one listed under two scopes counts once. */
  enterprisesCovered: number;
}

export function emptyScopeTally(): ScopeTally {
  return { agreements: 0, enterprisesCovered: 0, employeesCovered: 0, wageIncreaseSum: 0, wageIncreases: 0 };
}

/** The report from the counts per scope (ReportsRepository.agreementTallies). */
export function agreementsByScopeFromTallies(tallies: AgreementTallies): AgreementsByScopeReport {
  const total = emptyScopeTally();
  const rows = SCOPES.map((scope) => {
    const tally = tallies.scopes.get(scope) ?? emptyScopeTally();
    total.agreements += tally.agreements;
    total.employeesCovered += tally.employeesCovered;
    total.wageIncreaseSum += tally.wageIncreaseSum;
    total.wageIncreases += tally.wageIncreases;
    return toScopeRow(scope, tally);
  });
  total.enterprisesCovered = tallies.enterprisesCovered;
  return { rows, total: toScopeRow(TOTAL_GROUP, total) };
}

function toScopeRow(scope: ScopeRow['scope'], tally: ScopeTally): ScopeRow {
  return {
    scope,
    agreements: tally.agreements,
    enterprisesCovered: tally.enterprisesCovered,
    employeesCovered: tally.employeesCovered,
    avgWageIncreasePct:
      tally.wageIncreases === 0 ? null : roundTo2(tally.wageIncreaseSum / tally.wageIncreases),
  };
}
