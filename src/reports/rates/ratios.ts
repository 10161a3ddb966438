/** Rates and target arithmetic, exact where floating point would mislead. */

/** numerator / denominator, or null for an empty denominator (issue 5: never NaN). */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/**
 * Targets are compared as integers in millionths: 0.9 × 10 is 9.000000000000002 in floating
 * point, which would make 9 of 10 miss a 90 % target. Six decimals are more than any target
 * (a percentage with up to four decimals) needs.
 */
const TARGET_SCALE = 1_000_000;

export interface TargetCheck {
  target: number;
  meetsTarget: boolean;
  /** The fewest additional covered enterprises with which covered / enterprises ≥ target. */
  shortBy: number;
}

/**
 * docs/domain.md, Signing rate: whether the target is met and "how many more enterprises ... would
 * meet it". An empty group needs nothing: shortBy 0, so meetsTarget true (meetsTarget is
 * exactly shortBy = 0), while its rate stays null.
 */
export function checkTarget(target: number, enterprises: number, covered: number): TargetCheck {
  // needed = ceil(target × enterprises), computed on integers: exact up to 9 × 10^9 enterprises.
  const product = Math.round(target * TARGET_SCALE) * enterprises;
  const remainder = product % TARGET_SCALE;
  const needed = (product - remainder) / TARGET_SCALE + (remainder > 0 ? 1 : 0);
  const shortBy = Math.max(0, needed - covered);
  return { target, meetsTarget: shortBy === 0, shortBy };
}

/**
 * Rounds half away from zero to 2 decimals without the 1.005 → 1.00 surprise: the scaled value
 * is cleaned to 12 significant digits before rounding.
 */
export function roundTo2(value: number): number {
  const scaled = Number((Math.abs(value) * 100).toPrecision(12));
  const rounded = (Math.sign(value) * Math.round(scaled)) / 100;
  return rounded === 0 ? 0 : rounded;
}
