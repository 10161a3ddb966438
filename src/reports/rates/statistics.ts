/**
 * The collective contract statistics table (集体合同签订情况统计表; see docs/domain.md,
 * Statistics table, and docs/contract.md, Documents and statistics): per agreement kind × level (单独签订 =
 * enterprise scope, 区域性, 行业性) the agreements in force at the period's end, those signed in
 * the period, and the enterprises they cover (each once), their headcount and how many are
 * non-public. Subtotals per kind and per level and the grand total count an enterprise once
 * however many of their agreements cover it, so they are counted by the database per
 * aggregation, never summed here. Pure: no framework, no I/O.
 */
import type { AgreementKind, Scope } from '../../negotiations/workflow/negotiation.types';
import { AGREEMENT_KINDS, SCOPES } from '../../negotiations/workflow/negotiation.types';
import { TOTAL_GROUP } from './types';

/** A row's kind and level; `total` where the row sums over kinds or levels. */
export type StatisticsKind = AgreementKind | typeof TOTAL_GROUP;
export type StatisticsLevel = Scope | typeof TOTAL_GROUP;

export interface StatisticsRow {
  agreementKind: StatisticsKind;
  level: StatisticsLevel;
  /** Agreements in force at the period's end (taken effect, not expired, terminated or set aside). */
  agreements: number;
  /** Agreements signed within the period and not set aside by its end. */
  signedInPeriod: number;
  /** Open enterprises listed by the row's agreements in force, each once. */
  enterprisesCovered: number;
  /** Their headcount (each enterprise once). */
  employeesCovered: number;
  /** Of enterprisesCovered, the non-public ones. */
  nonPublicEnterprisesCovered: number;
}

export interface StatisticsReport {
  /** Every kind × level, kinds in AGREEMENT_KINDS order, levels in SCOPES order. */
  rows: StatisticsRow[];
  /** Per kind over its levels (`level: 'total'`). */
  kindTotals: StatisticsRow[];
  /** Per level over the kinds (`agreementKind: 'total'`). */
  levelTotals: StatisticsRow[];
  /** Over every kind and level. */
  total: StatisticsRow;
}

/** Agreements of one kind × level, as the database counts them. */
export interface AgreementCount {
  agreements: number;
  signedInPeriod: number;
}

/** Distinct enterprises covered by the agreements in force of a kind × level, of a kind, of a level, or of all. */
export interface CoverageCount {
  enterprisesCovered: number;
  employeesCovered: number;
  nonPublicEnterprisesCovered: number;
}

export interface StatisticsTallies {
  /** Keyed by statisticsKey(kind, level); kinds × levels with nothing may be missing. */
  agreements: ReadonlyMap<string, AgreementCount>;
  /** Keyed by statisticsKey(kind or 'total', level or 'total'); missing = none covered. */
  coverage: ReadonlyMap<string, CoverageCount>;
}

export function statisticsKey(kind: StatisticsKind, level: StatisticsLevel): string {
  return `${kind}|${level}`;
}

export function emptyCoverage(): CoverageCount {
  return { enterprisesCovered: 0, employeesCovered: 0, nonPublicEnterprisesCovered: 0 };
}

/** The table from the database's counts (ReportsRepository.statisticsTallies). */
export function statisticsFromTallies(tallies: StatisticsTallies): StatisticsReport {
  const count = (kinds: readonly AgreementKind[], levels: readonly Scope[]): AgreementCount => {
    const sum = { agreements: 0, signedInPeriod: 0 };
    for (const kind of kinds) {
      for (const level of levels) {
        const found = tallies.agreements.get(statisticsKey(kind, level));
        sum.agreements += found?.agreements ?? 0;
        sum.signedInPeriod += found?.signedInPeriod ?? 0;
      }
    }
    return sum;
  };
  const row = (kind: StatisticsKind, level: StatisticsLevel): StatisticsRow => ({
    agreementKind: kind,
    level,
    ...count(kind === TOTAL_GROUP ? AGREEMENT_KINDS : [kind], level === TOTAL_GROUP ? SCOPES : [level]),
    ...(tallies.coverage.get(statisticsKey(kind, level)) ?? emptyCoverage()),
  });
  return {
    rows: AGREEMENT_KINDS.flatMap((kind) => SCOPES.map((level) => row(kind, level))),
    kindTotals: AGREEMENT_KINDS.map((kind) => row(kind, TOTAL_GROUP)),
    levelTotals: SCOPES.map((level) => row(TOTAL_GROUP, level)),
    total: row(TOTAL_GROUP, TOTAL_GROUP),
  };
}
