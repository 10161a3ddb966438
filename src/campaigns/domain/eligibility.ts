import type { OwnershipType, Sector } from '../../enterprises/domain/ownership';

/**
 * Who an offer campaign writes to (docs/domain.md, Offer campaigns). Pure: the repository
 * classifies the enterprises in SQL by these rules, in this order; this file names them and
 * does the arithmetic on the counts.
 */

/** The enterprises an admin chose: every field narrows (absent: no condition). */
export interface CampaignFilter {
  orgUnitId?: number;
  sector?: Sector;
  ownershipTypes?: OwnershipType[];
  industry?: string;
  township?: string;
}

/**
 * Why an enterprise of the filter gets no offer, checked in this order (the first that holds
 * names it): not open on the offer day (closed by then, or registered after it), no union
 * founded by then, an agreement of the kind running on that day (signed, not expired,
 * terminated or set aside: the signing-rate report's default count), a round of the kind
 * already open.
 */
export const SKIP_REASONS = ['closed', 'noUnion', 'agreementInForce', 'roundOpen'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export type ExclusionCounts = Record<SkipReason, number>;

export function noExclusions(): ExclusionCounts {
  return { closed: 0, noUnion: 0, agreementInForce: 0, roundOpen: 0 };
}

export function isSkipReason(value: unknown): value is SkipReason {
  return (SKIP_REASONS as readonly unknown[]).includes(value);
}

/** An enterprise's reason, or 'eligible': how the repository's counts are keyed. */
export type Classification = SkipReason | 'eligible';

export interface Classified {
  eligible: number;
  excluded: ExclusionCounts;
}

/**
 * The signing rate of the filter's enterprises on the day classified (docs/domain.md, Signing
 * rate; base: unionised, count: signed): the open unionised ones (everyone but the closed and
 * those with no union) are the base, those with an agreement running are covered. An enterprise
 * with an agreement and an open renewal round counts as covered (its first reason).
 */
export function signingRateOf(classified: Classified): {
  base: number;
  covered: number;
  rate: number | null;
} {
  const { excluded, eligible } = classified;
  const base = eligible + excluded.agreementInForce + excluded.roundOpen;
  const covered = excluded.agreementInForce;
  return { base, covered, rate: rateOf(covered, base) };
}

export function rateOf(covered: number, base: number): number | null {
  return base === 0 ? null : covered / base;
}
