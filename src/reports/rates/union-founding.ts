/**
 * 建会率 = unionised / open enterprises, by the same groups as the signing rate (docs/domain.md,
 * Signing rate; docs/contract.md, Reports: GET /reports/union-founding).
 */
import { listGroups } from './groups';
import { ratio } from './ratios';
import { TOTAL_GROUP, type GroupBy } from './types';

export interface UnionFoundingRow {
  group: string;
  /** Open enterprises. */
  enterprises: number;
  /** Those with a union founded on or before asOf. */
  unionised: number;
  /** null for an empty group. */
  rate: number | null;
}

export interface UnionFoundingReport {
  rows: UnionFoundingRow[];
  total: UnionFoundingRow;
}

export interface UnionTally {
  enterprises: number;
  unionised: number;
}

/**
 * The report from per-group counts of open enterprises (ReportsRepository.unionTallies): rows in
 * listGroups order, with the same rule for which groups appear as signingRatesFromTallies.
 */
export function unionFoundingFromTallies(
  groupBy: GroupBy,
  tallies: ReadonlyMap<string, UnionTally>,
): UnionFoundingReport {
  const total = { enterprises: 0, unionised: 0 };
  for (const tally of tallies.values()) {
    total.enterprises += tally.enterprises;
    total.unionised += tally.unionised;
  }
  const toRow = (group: string, t = { enterprises: 0, unionised: 0 }): UnionFoundingRow => ({
    group,
    enterprises: t.enterprises,
    unionised: t.unionised,
    rate: ratio(t.unionised, t.enterprises),
  });
  return {
    rows: listGroups(groupBy, tallies.keys()).map((group) => toRow(group, tallies.get(group))),
    total: toRow(TOTAL_GROUP, total),
  };
}
