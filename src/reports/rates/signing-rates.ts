/**
 * 签订率 by group (docs/domain.md, Signing rate; docs/contract.md, Reports: GET /reports/signing-rates).
 */
import type { Sector } from '../../enterprises/domain/ownership';
import { DEFAULT_TARGETS } from '../../org-units/domain/unit-targets';
import { listGroups } from './groups';
import { checkTarget, ratio } from './ratios';
import { TOTAL_GROUP, type GroupBy, type Targets } from './types';

/** The deployment's default targets live with the targets per unit (org-units/domain/unit-targets.ts). */
export { DEFAULT_TARGETS };

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

export interface SigningRatesReport {
  rows: RateRow[];
  /** All enterprises of the base, with no target. */
  total: RateRow;
}

/** The four counts of a group, as the database counts them (ReportsRepository.signingTallies). */
export interface Tally {
  enterprises: number;
  covered: number;
  employees: number;
  employeesCovered: number;
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

function toRateRow(group: string, tally: Tally): RateRow {
  // Keys in docs/contract.md order, which is also the column order of the exported tables.
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
