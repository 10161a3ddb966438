/**
 * Bearer tokens whose signature has already been checked, with their claims, until they
 * expire. Checking an HS256 token costs an HMAC and two JSON parses (about 65 µs, 6 % of a
 * workflow event's CPU in `npm run bench:transitions`), and a client sends the same token with
 * every request. The key is the whole token string, so only the exact bytes that were verified
 * are trusted again; expiry is checked on every use, as jsonwebtoken checks it (expired from
 * the second `exp` on). Bounded: when full, the entry remembered first goes.
 */
export class VerifiedTokens<C extends { exp?: number }> {
  private readonly entries = new Map<string, C>();

  constructor(readonly capacity = 10_000) {}

  /** The token's claims if it was verified before and has not expired at `nowMs`. */
  get(token: string, nowMs: number): C | undefined {
    const claims = this.entries.get(token);
    if (claims === undefined) return undefined;
    if (claims.exp === undefined || nowMs >= claims.exp * 1000) {
      this.entries.delete(token);
      return undefined;
    }
    return claims;
  }

  /** Remembers a token just verified (one without an expiry is not remembered). */
  remember(token: string, claims: C): void {
    if (claims.exp === undefined) return;
    if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(token, claims);
  }

  get size(): number {
    return this.entries.size;
  }
}
