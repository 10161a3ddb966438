/**
 * 建会率 = unionised / open enterprises, by the same groups as the signing rate (domain.md,
 * Signing rate; api.md, GET /reports/union-founding).
 */
import type { BusinessDate } from '../../common/dates/business-date';
import { groupKeyOf, listGroups } from './groups';
import { isOpenOn, isUnionisedOn } from './predicates';
import { ratio } from './ratios';
import { GROUP_BYS, TOTAL_GROUP, type EnterpriseRow, type GroupBy } from './types';
import { assertBusinessDate, assertOneOf } from './validation';

export interface UnionFoundingRow {
  group: string;
  /** Open enterprises. */
  enterprises: number;
  /** Those with a union founded on or before asOf. */
  unionised: number;
  /** null for an empty group. */
  rate: number | null;
}

export interface UnionFoundingInput {
  enterprises: readonly EnterpriseRow[];
  asOf: BusinessDate;
  groupBy: GroupBy;
}

export interface UnionFoundingReport {
  rows: UnionFoundingRow[];
  total: UnionFoundingRow;
}

/** Rows in listGroups order, with the same rule for which groups appear as signingRates. */
export function unionFounding(input: UnionFoundingInput): UnionFoundingReport {
  const { enterprises, asOf, groupBy } = input;
  assertBusinessDate('asOf', asOf);
  assertOneOf('groupBy', groupBy, GROUP_BYS);

  const tallies = new Map<string, UnionTally>();
  for (const enterprise of enterprises) {
    if (!isOpenOn(enterprise, asOf)) continue;
    const key = groupKeyOf(enterprise, groupBy);
    const tally = tallies.get(key) ?? { enterprises: 0, unionised: 0 };
    tallies.set(key, tally);
    tally.enterprises += 1;
    tally.unionised += isUnionisedOn(enterprise, asOf) ? 1 : 0;
  }
  return unionFoundingFromTallies(groupBy, tallies);
}

export interface UnionTally {
  enterprises: number;
  unionised: number;
}

/** The report from per-group counts of open enterprises (the SQL-backed path delivers these). */
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
