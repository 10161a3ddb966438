/**
 * The report oracle: the reports computed row by row in memory, from the plain rows of
 * enterprises and agreements, by the date predicates of docs/domain.md (Signing rate) read
 * literally. Production counts in SQL (src/reports/reports.repository.ts) and turns the counts
 * into reports with the pure core (src/reports/rates); the tests compare the two
 * (test/reports-sql.e2e-spec.ts) and check the oracle against figures worked out by hand
 * (test/unit/report-oracle/, on test/support/seed-county-fixture.ts).
 *
 * The predicates read only fields dated on or before `asOf` in effect, so a report for D
 * depends only on data dated ≤ D (docs/architecture.md, invariant 5). "On or before" is inclusive;
 * `closedOn`, `expiresOn` and `terminatedOn` are the first day something no longer holds,
 * hence the strict `>`.
 */
import { isBusinessDate, type BusinessDate } from '../../src/common/dates/business-date';
import type { Agreement } from '../../src/negotiations/entities/agreement.entity';
import { SECTORS, sectorOf, type Sector } from '../../src/enterprises/domain/ownership';
import {
  AGREEMENT_KINDS,
  SCOPES,
  type AgreementKind,
  type Scope,
} from '../../src/negotiations/workflow/negotiation.types';
import {
  type AgreementsByScopeReport,
  BASES,
  type Base,
  checkTarget,
  COVERAGE_STATUSES,
  type CoverageStatus,
  DEFAULT_TARGETS,
  emptyTally,
  type EnterpriseRow,
  GROUP_BYS,
  type GroupBy,
  largestFirst,
  type MonthlyTrend,
  NO_INSTRUCTOR,
  RatesInputError,
  roundTo2,
  type ScopeRow,
  type SigningRatesReport,
  signingRatesFromTallies,
  type Tally,
  type Targets,
  TOTAL_GROUP,
  trendFromTallies,
  trendMonths,
  type UnionFoundingReport,
  unionFoundingFromTallies,
  type UnionTally,
} from '../../src/reports/rates';

export type { EnterpriseRow } from '../../src/reports/rates';

export interface AgreementRow {
  id: number;
  negotiationId: number;
  agreementKind: AgreementKind;
  scope: Scope;
  signedOn: BusinessDate;
  /** null while the agreement has not taken effect (still under review). */
  effectiveOn: BusinessDate | null;
  /** First day the agreement no longer applies. */
  expiresOn: BusinessDate;
  /** First day the agreement no longer applies after an early termination. */
  terminatedOn: BusinessDate | null;
  /**
   * First day a signed text stopped counting because it was undone (review objection, round
   * abandoned); absent or null when it was not.
   */
  setAsideOn?: BusinessDate | null;
  /** As the agreement records it (docs/domain.md, Agreements: "employees covered"). */
  coveredEmployees: number;
  wageIncreasePct: number | null;
  /** The employers it binds: one for `enterprise` scope, many for `regional`/`industry`. */
  enterpriseIds: number[];
}

/** An agreement as the database stores it, without the enterprises it lists. */
export function toAgreementRow(a: Agreement): Omit<AgreementRow, 'enterpriseIds'> {
  return {
    id: a.id,
    negotiationId: a.negotiationId,
    agreementKind: a.agreementKind,
    scope: a.scope,
    signedOn: a.signedOn,
    effectiveOn: a.effectiveOn,
    expiresOn: a.expiresOn,
    terminatedOn: a.terminatedOn,
    setAsideOn: a.setAsideOn,
    coveredEmployees: a.coveredEmployees,
    wageIncreasePct: a.wageIncreasePct,
  };
}

// --- Predicates ---

/** docs/domain.md, Enterprises: "an enterprise counts only while open" (registered by D, not yet closed). */
export function isOpenOn(e: EnterpriseRow, asOf: BusinessDate): boolean {
  return (e.registeredOn === null || e.registeredOn <= asOf) && (e.closedOn === null || e.closedOn > asOf);
}

/** docs/domain.md, Signing rate: "unionised on or before D" (a union founded on D counts). */
export function isUnionisedOn(e: EnterpriseRow, asOf: BusinessDate): boolean {
  return e.unionFoundedOn !== null && e.unionFoundedOn <= asOf;
}

/**
 * The denominator (应签): open on D and, for the usual base, unionised by D; base `all` takes
 * every open enterprise (docs/domain.md, Signing rate).
 */
export function inBase(e: EnterpriseRow, asOf: BusinessDate, base: Base): boolean {
  return isOpenOn(e, asOf) && (base === 'all' || isUnionisedOn(e, asOf));
}

/**
 * docs/domain.md, Signing rate: covered on D by an agreement "signed on or before D and [that] has
 * not expired or been terminated by D"; the stricter `in_force` count "also requires that the
 * agreement has taken effect" (effectiveOn set and ≤ D). A signing later undone (setAsideOn)
 * counts until that day. The kind is checked by the caller.
 */
export function agreementCoversOn(a: AgreementRow, asOf: BusinessDate, status: CoverageStatus): boolean {
  const running =
    a.signedOn <= asOf &&
    a.expiresOn > asOf &&
    (a.terminatedOn === null || a.terminatedOn > asOf) &&
    (a.setAsideOn == null || a.setAsideOn > asOf);
  if (!running) return false;
  return status === 'signed' || (a.effectiveOn !== null && a.effectiveOn <= asOf);
}

/**
 * Ids of enterprises covered on D by an agreement of `kind`, their own or a regional/industry
 * one that lists them (docs/domain.md, Agreements: "covered by whichever agreement of a kind is
 * valid for it"). A set, so an enterprise covered twice counts once. Ids may include
 * enterprises outside any base: callers intersect with the denominator.
 */
export function coveredEnterpriseIds(
  agreements: readonly AgreementRow[],
  asOf: BusinessDate,
  kind: AgreementKind,
  status: CoverageStatus,
): Set<number> {
  const covered = new Set<number>();
  for (const agreement of agreements) {
    if (agreement.agreementKind !== kind || !agreementCoversOn(agreement, asOf, status)) continue;
    for (const id of agreement.enterpriseIds) covered.add(id);
  }
  return covered;
}

// --- Grouping ---

export function groupKeyOf(e: EnterpriseRow, groupBy: GroupBy): string {
  switch (groupBy) {
    case 'sector':
      return sectorOf(e.ownershipType);
    case 'ownershipType':
      return e.ownershipType;
    case 'township':
      return e.township;
    case 'industry':
      return e.industry;
    case 'instructor':
      return e.instructorId === null ? NO_INSTRUCTOR : String(e.instructorId);
    case 'orgUnit':
      // The enterprise's own unit, as the SQL groups it; rollUpToChildren folds it into children.
      return String((e as EnterpriseRow & { orgUnitId?: number | null }).orgUnitId ?? null);
  }
}

// --- Reports ---

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

/**
 * Rows in the order of listGroups (sectors and ownership types always all present, other
 * groupings only the groups of open enterprises, which may have 0 enterprises in the base).
 */
export function signingRates(input: SigningRatesInput): SigningRatesReport {
  return signingRatesFromTallies(input.groupBy, signingTallies(input), input.targets ?? DEFAULT_TARGETS);
}

/** The per-group counts of the open enterprises, row by row (what the SQL counts). */
export function signingTallies(input: SigningRatesInput): Map<string, Tally> {
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
  return tallies;
}

function count(tally: Tally, enterprise: EnterpriseRow, isCovered: boolean): void {
  tally.enterprises += 1;
  tally.employees += enterprise.employeeCount;
  if (!isCovered) return;
  tally.covered += 1;
  tally.employeesCovered += enterprise.employeeCount;
}

export interface UnionFoundingInput {
  enterprises: readonly EnterpriseRow[];
  asOf: BusinessDate;
  groupBy: GroupBy;
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

export interface AgreementsByScopeInput {
  enterprises: readonly EnterpriseRow[];
  agreements: readonly AgreementRow[];
  asOf: BusinessDate;
  agreementKind: AgreementKind;
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
export type MonthlyTrendInput = Omit<SigningRatesInput, 'asOf'> & {
  /** First month, `YYYY-MM`. */
  from: string;
  /** Last month, `YYYY-MM`, inclusive. */
  to: string;
  /** The business day the trend is read on: its month is partial, later months are left out. */
  today: BusinessDate;
};

/**
 * The trend month by month: each month of trendMonths counted on its day, row by row, and the
 * months assembled by the core (trendFromTallies).
 */
export function monthlyTrend(input: MonthlyTrendInput): MonthlyTrend {
  const { from, to, today, ...rest } = input;
  const months = trendMonths(from, to, today);
  return trendFromTallies(
    input.groupBy,
    months.map((month) => ({ month, tallies: signingTallies({ ...rest, asOf: month.asOf }) })),
  );
}

// --- Input checks ---

export function assertBusinessDate(field: string, value: unknown): asserts value is BusinessDate {
  if (!isBusinessDate(value)) {
    throw new RatesInputError(
      `${field} must be a calendar date YYYY-MM-DD (1900 or later), got ${JSON.stringify(value)}`,
      field,
    );
  }
}

export function assertOneOf<T extends string>(
  field: string,
  value: unknown,
  accepted: readonly T[],
): asserts value is T {
  if (!accepted.includes(value as T)) {
    throw new RatesInputError(
      `${field} must be one of ${accepted.join(', ')}, got ${JSON.stringify(value)}`,
      field,
    );
  }
}

/** Targets are fractions 0–1 (docs/contract.md, Reports: rates are fractions, not percentages) for known sectors. */
export function assertTargets(targets: Targets): void {
  for (const [sector, target] of Object.entries(targets)) {
    assertOneOf('targets', sector, SECTORS);
    if (target === undefined) continue;
    if (typeof target !== 'number' || !Number.isFinite(target) || target < 0 || target > 1) {
      throw new RatesInputError(
        `targets.${sector} must be a fraction between 0 and 1 (0.9 for 90 %), got ${JSON.stringify(target)}`,
        `targets.${sector}`,
      );
    }
  }
}
