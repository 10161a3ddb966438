/**
 * The enterprises that would close a sector's gap (docs/domain.md, Signing rate: "how many more
 * enterprises, and which ones (largest first), would meet it"; docs/contract.md, Reports: GET /reports/target-gaps).
 */
import type { Sector } from '../../enterprises/domain/ownership';
import type { Stage } from '../../negotiations/workflow/negotiation.types';
import { signingRatesFromTallies, type Tally } from './signing-rates';
import type { EnterpriseRow, Targets } from './types';

/** An enterprise of the base that no agreement covers, with its newest open negotiation of the kind. */
export interface GapRow extends EnterpriseRow {
  openNegotiation: { id: number; stage: Stage } | null;
}

/** An item of the answer (docs/contract.md, Reports: GET /reports/target-gaps). */
export interface TargetGapItem {
  enterpriseId: number;
  name: string;
  creditCode: string;
  ownershipType: string;
  township: string;
  employeeCount: number;
  instructorId: number | null;
  /** Absent when the enterprise has no open negotiation of the kind. */
  openNegotiation?: { id: number; stage: string };
}

export interface TargetGaps {
  /** null when the sector has no target. */
  target: number | null;
  /** As on the sector's signing-rate row; 0 without a target. */
  shortBy: number;
  /**
   * How many enterprises of the sector's base no agreement covers (its row's enterprises less
   * covered): the length of the whole list, of which `items` is one page.
   */
  total: number;
  /**
   * One page of the uncovered enterprises of the sector's base (not only the first `shortBy`),
   * largest first: covering the first `shortBy` of the whole list meets the target, and the rest
   * is the remaining work.
   */
  items: TargetGapItem[];
}

/**
 * The gap of `sector`: its target, shortBy and total as its row of the signing rates by sector
 * (from the per-sector tallies), and one page of the uncovered enterprises of its base as items.
 */
export function targetGapsFromTallies(
  sector: Sector,
  sectorTallies: ReadonlyMap<string, Tally>,
  uncoveredPage: readonly GapRow[],
  targets?: Targets,
): TargetGaps {
  const row = signingRatesFromTallies('sector', sectorTallies, targets).rows.find((r) => r.group === sector);
  return {
    target: row?.target ?? null,
    shortBy: row?.shortBy ?? 0,
    total: row ? row.enterprises - row.covered : 0,
    items: targetGapItems(uncoveredPage),
  };
}

/** Uncovered enterprises as the answer's items, largest first (a page, or a chunk of a download). */
export function targetGapItems(uncovered: readonly GapRow[]): TargetGapItem[] {
  return [...uncovered].sort(largestFirst).map((e) => ({
    enterpriseId: e.id,
    name: e.name,
    creditCode: e.creditCode,
    ownershipType: e.ownershipType,
    township: e.township,
    employeeCount: e.employeeCount,
    instructorId: e.instructorId,
    ...(e.openNegotiation ? { openNegotiation: e.openNegotiation } : {}),
  }));
}

/** Largest headcount first: covering those moves the employee rate most. Ties by id, for stable pages. */
export function largestFirst(
  a: Pick<EnterpriseRow, 'id' | 'employeeCount'>,
  b: Pick<EnterpriseRow, 'id' | 'employeeCount'>,
): number {
  return b.employeeCount - a.employeeCount || a.id - b.id;
}
