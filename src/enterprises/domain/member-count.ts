/**
 * An enterprise's union members (会员人数) and what a change of their count adds (docs/domain.md,
 * Wave 2: definitions, "members added"): the members added in a period are the sum of the
 * increases recorded in it.
 */
export const MAX_MEMBER_COUNT = 10_000_000;

/**
 * Whether a write records its member count: it gives one (not `undefined`, not cleared to
 * `null`) that differs from the stored one (`null`: none stored).
 */
export function recordsMemberCount(
  stored: number | null,
  written: number | null | undefined,
): written is number {
  return written !== undefined && written !== null && written !== stored;
}

/**
 * What a new member count adds: max(0, new − previous). A decrease adds nothing; with no
 * previous count (`null`: the enterprise is new, or never had one) the whole count is an
 * increase from zero.
 */
export function memberIncrease(previous: number | null, next: number): number {
  return Math.max(0, next - (previous ?? 0));
}
