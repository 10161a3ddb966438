/**
 * The enterprises that would close a sector's gap (domain.md, Signing rate: "how many more
 * enterprises, and which ones (largest first), would meet it"; api.md, GET /reports/target-gaps).
 */
import type { BusinessDate } from '../../common/dates/business-date';
import { SECTORS, sectorOf, type Sector } from '../../enterprises/domain/ownership';
import { AGREEMENT_KINDS, type AgreementKind } from '../../negotiations/workflow/negotiation.types';
import { coveredEnterpriseIds, inBase } from './predicates';
import { checkTarget } from './ratios';
import { DEFAULT_TARGETS } from './signing-rates';
import {
  BASES,
  COVERAGE_STATUSES,
  type AgreementRow,
  type Base,
  type CoverageStatus,
  type EnterpriseRow,
  type Targets,
} from './types';
import { assertBusinessDate, assertOneOf, assertTargets } from './validation';

export interface TargetGapsInput {
  enterprises: readonly EnterpriseRow[];
  agreements: readonly AgreementRow[];
  asOf: BusinessDate;
  agreementKind: AgreementKind;
  base: Base;
  status: CoverageStatus;
  sector: Sector;
  /** Defaults to DEFAULT_TARGETS. */
  targets?: Targets;
}

export interface TargetGaps {
  /** null when the sector has no target. */
  target: number | null;
  /** As on the sector's signing-rate row; 0 without a target. */
  shortBy: number;
  /**
   * Every uncovered enterprise of the sector's base (not only the first `shortBy`): covering
   * the first `shortBy` of them meets the target, and the rest is the remaining work.
   */
  items: EnterpriseRow[];
}

export function targetGaps(input: TargetGapsInput): TargetGaps {
  const { enterprises, agreements, asOf, agreementKind, base, status, sector } = input;
  const targets = input.targets ?? DEFAULT_TARGETS;
  assertBusinessDate('asOf', asOf);
  assertOneOf('agreementKind', agreementKind, AGREEMENT_KINDS);
  assertOneOf('base', base, BASES);
  assertOneOf('status', status, COVERAGE_STATUSES);
  assertOneOf('sector', sector, SECTORS);
  assertTargets(targets);

  const covered = coveredEnterpriseIds(agreements, asOf, agreementKind, status);
  const inSectorBase = enterprises.filter(
    (e) => sectorOf(e.ownershipType) === sector && inBase(e, asOf, base),
  );
  const items = inSectorBase.filter((e) => !covered.has(e.id)).sort(largestFirst);
  const target = targets[sector] ?? null;
  const shortBy =
    target === null
      ? 0
      : checkTarget(target, inSectorBase.length, inSectorBase.length - items.length).shortBy;
  return { target, shortBy, items };
}

/** Largest headcount first: covering those moves the employee rate most. Ties by id, for stable pages. */
export function largestFirst(a: EnterpriseRow, b: EnterpriseRow): number {
  return b.employeeCount - a.employeeCount || a.id - b.id;
}
