/**
 * 签订率 by group (domain.md, Signing rate; api.md, GET /reports/signing-rates).
 */
import type { BusinessDate } from '../../common/dates/business-date';
import type { Sector } from '../../enterprises/domain/ownership';
import { AGREEMENT_KINDS, type AgreementKind } from '../../negotiations/workflow/negotiation.types';
import { groupKeyOf, listGroups } from './groups';
import { coveredEnterpriseIds, inBase, isOpenOn } from './predicates';
import { checkTarget, ratio } from './ratios';
import {
  BASES,
  COVERAGE_STATUSES,
  GROUP_BYS,
  TOTAL_GROUP,
  type AgreementRow,
  type Base,
  type CoverageStatus,
  type EnterpriseRow,
  type GroupBy,
  type Targets,
} from './types';
import { assertBusinessDate, assertOneOf, assertTargets } from './validation';

/** The county's targets (domain.md, Signing rate: `state` 100 %, `non_public` 90 %; none for others). */
export const DEFAULT_TARGETS: Readonly<Targets> = Object.freeze({ state: 1.0, non_public: 0.9 });

export interface RateRow {
  group: string;
  /** 应签: enterprises in the base. */
  enterprises: number;
  /** 已签: those of them covered. */
  covered: number;
  /** covered / enterprises as a fraction 0–1; null for an empty group. */
  rate: number | null;
  /** Headcount of the enterprises in the base. */
  employees: number;
  employeesCovered: number;
  /** 职工覆盖率: employeesCovered / employees; null when the headcount is 0. */
  employeeRate: number | null;
  /** Only on sector rows of sectors that have a target. */
  target?: number;
  meetsTarget?: boolean;
  shortBy?: number;
}

export interface SigningRatesInput {
  enterprises: readonly EnterpriseRow[];
  agreements: readonly AgreementRow[];
  asOf: BusinessDate;
  agreementKind: AgreementKind;
  groupBy: GroupBy;
  base: Base;
  status: CoverageStatus;
  /** Defaults to DEFAULT_TARGETS; applied only when grouping by sector. */
  targets?: Targets;
}

export interface SigningRatesReport {
  rows: RateRow[];
  /** All enterprises of the base, with no target. */
  total: RateRow;
}

/** The four counts of a group, as the database or the in-memory tally delivers them. */
export interface Tally {
  enterprises: number;
  covered: number;
  employees: number;
  employeesCovered: number;
}

/**
 * Rows in the order of listGroups (sectors and ownership types always all present, other
 * groupings only the groups of open enterprises, which may have 0 enterprises in the base).
 */
export function signingRates(input: SigningRatesInput): SigningRatesReport {
  const { enterprises, agreements, asOf, agreementKind, groupBy, base, status } = input;
  const targets = input.targets ?? DEFAULT_TARGETS;
  assertBusinessDate('asOf', asOf);
  assertOneOf('agreementKind', agreementKind, AGREEMENT_KINDS);
  assertOneOf('groupBy', groupBy, GROUP_BYS);
  assertOneOf('base', base, BASES);
  assertOneOf('status', status, COVERAGE_STATUSES);
  assertTargets(targets);

  const covered = coveredEnterpriseIds(agreements, asOf, agreementKind, status);
  const tallies = new Map<string, Tally>();
  for (const enterprise of enterprises) {
    if (!isOpenOn(enterprise, asOf)) continue;
    const key = groupKeyOf(enterprise, groupBy);
    const tally = tallies.get(key) ?? emptyTally();
    tallies.set(key, tally);
    if (!inBase(enterprise, asOf, base)) continue;
    // Only enterprises in the base can be counted as covered: a regional agreement listing a
    // firm without a union does not raise the unionised-base rate.
    const isCovered = covered.has(enterprise.id);
    count(tally, enterprise, isCovered);
  }

  return signingRatesFromTallies(groupBy, tallies, targets);
}

/**
 * The report from per-group counts (the SQL-backed path delivers these): rates, targets and
 * `shortBy` per group, and the total over all groups. Every group of open enterprises must
 * have an entry, even with zero counts, for the group listing rules of listGroups.
 */
export function signingRatesFromTallies(
  groupBy: GroupBy,
  tallies: ReadonlyMap<string, Tally>,
  targets: Targets = DEFAULT_TARGETS,
): SigningRatesReport {
  const total = emptyTally();
  for (const tally of tallies.values()) {
    total.enterprises += tally.enterprises;
    total.covered += tally.covered;
    total.employees += tally.employees;
    total.employeesCovered += tally.employeesCovered;
  }
  const rows = listGroups(groupBy, tallies.keys()).map((group) => {
    const row = toRateRow(group, tallies.get(group) ?? emptyTally());
    const target = groupBy === 'sector' ? targets[group as Sector] : undefined;
    return target === undefined ? row : { ...row, ...checkTarget(target, row.enterprises, row.covered) };
  });
  return { rows, total: toRateRow(TOTAL_GROUP, total) };
}

export function emptyTally(): Tally {
  return { enterprises: 0, covered: 0, employees: 0, employeesCovered: 0 };
}

function count(tally: Tally, enterprise: EnterpriseRow, isCovered: boolean): void {
  tally.enterprises += 1;
  tally.employees += enterprise.employeeCount;
  if (!isCovered) return;
  tally.covered += 1;
  tally.employeesCovered += enterprise.employeeCount;
}

function toRateRow(group: string, tally: Tally): RateRow {
  // Keys in api.md order, which is also the column order of the exported tables.
  return {
    group,
    enterprises: tally.enterprises,
    covered: tally.covered,
    rate: ratio(tally.covered, tally.enterprises),
    employees: tally.employees,
    employeesCovered: tally.employeesCovered,
    employeeRate: ratio(tally.employeesCovered, tally.employees),
  };
}
