/** What a sign-in token of ours carries. */
export interface TokenClaims {
  /** The user's id. */
  sub: number;
  /** The user's token version when the token was issued. */
  tv: number;
  /** Expiry, seconds since the epoch (set by signAsync from expiresIn). */
  exp?: number;
}

/**
 * Whether verified JSON claims have the shape we sign. A signature only says the token is ours;
 * the claims still go into queries, and MySQL compares `id = '1 OR 1=1'` as the number 1 (SQLite
 * does not), so anything but a positive integer id and a whole token version is refused.
 */
export function isTokenClaims(claims: unknown): claims is TokenClaims {
  if (typeof claims !== 'object' || claims === null) return false;
  const { sub, tv, exp } = claims as Record<string, unknown>;
  return (
    Number.isSafeInteger(sub) &&
    (sub as number) > 0 &&
    Number.isSafeInteger(tv) &&
    (tv as number) >= 0 &&
    (exp === undefined || typeof exp === 'number')
  );
}
