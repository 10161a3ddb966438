/**
 * Counting against legal fractions without floating-point surprises
 * (100 × 2/3 = 66.666…, so 67 are needed; 3 × 1/3 must give exactly 1).
 */
const EPSILON = 1e-9;

/** The smallest count that is at least `share` of `total` (quorum: 2/3 of 100 → 67). */
export function atLeastShareOf(total: number, share: number): number {
  return Math.ceil(total * share - EPSILON);
}

/** The smallest count strictly more than `share` of `total` (majority: > 1/2 of 100 → 51). */
export function moreThanShareOf(total: number, share: number): number {
  return Math.floor(total * share + EPSILON) + 1;
}

/** The largest count that is at most `share` of `total` (experts: 1/3 of 6 → 2). */
export function atMostShareOf(total: number, share: number): number {
  return Math.floor(total * share + EPSILON);
}

/** 0.666… → '2/3'; a share with no small denominator is printed as a decimal. */
export function formatShare(share: number): string {
  for (let denominator = 2; denominator <= 12; denominator += 1) {
    const numerator = Math.round(share * denominator);
    if (numerator > 0 && Math.abs(share * denominator - numerator) < EPSILON) {
      return `${numerator}/${denominator}`;
    }
  }
  return String(share);
}
