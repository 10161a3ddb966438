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

  const tallies = new Map<string, { enterprises: number; unionised: number }>();
  const total = { enterprises: 0, unionised: 0 };
  for (const enterprise of enterprises) {
    if (!isOpenOn(enterprise, asOf)) continue;
    const key = groupKeyOf(enterprise, groupBy);
    const tally = tallies.get(key) ?? { enterprises: 0, unionised: 0 };
    tallies.set(key, tally);
    const unionised = isUnionisedOn(enterprise, asOf) ? 1 : 0;
    for (const t of [tally, total]) {
      t.enterprises += 1;
      t.unionised += unionised;
    }
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
