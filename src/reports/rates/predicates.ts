/**
 * The date predicates behind every rate (domain.md, Signing rate). All read only fields
 * dated on or before `asOf` in effect, so a report for D depends only on data dated ≤ D
 * (architecture.md, invariant 5). "On or before" is inclusive; `closedOn`, `expiresOn` and
 * `terminatedOn` are the first day something no longer holds, hence the strict `>`.
 */
import type { BusinessDate } from '../../common/dates/business-date';
import type { AgreementKind } from '../../negotiations/workflow/negotiation.types';
import type { AgreementRow, Base, CoverageStatus, EnterpriseRow } from './types';

/** domain.md, Enterprises: "an enterprise counts only while open" (registered by D, not yet closed). */
export function isOpenOn(e: EnterpriseRow, asOf: BusinessDate): boolean {
  return (e.registeredOn === null || e.registeredOn <= asOf) && (e.closedOn === null || e.closedOn > asOf);
}

/** domain.md, Signing rate: "unionised on or before D" (a union founded on D counts). */
export function isUnionisedOn(e: EnterpriseRow, asOf: BusinessDate): boolean {
  return e.unionFoundedOn !== null && e.unionFoundedOn <= asOf;
}

/**
 * The denominator (应签): open on D and, for the usual base, unionised by D; base `all` takes
 * every open enterprise (domain.md, Signing rate).
 */
export function inBase(e: EnterpriseRow, asOf: BusinessDate, base: Base): boolean {
  return isOpenOn(e, asOf) && (base === 'all' || isUnionisedOn(e, asOf));
}

/**
 * domain.md, Signing rate: covered on D by an agreement "signed on or before D and [that] has
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
 * one that lists them (domain.md, Agreements: "covered by whichever agreement of a kind is
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
