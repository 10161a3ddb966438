import { VerifiedTokens } from './verified-tokens';

describe('VerifiedTokens', () => {
  const exp = 1_800_000_000; // seconds
  const claims = { sub: 1, tv: 0, exp };

  it('answers the claims of a remembered token until its expiry second, then forgets it', () => {
    const tokens = new VerifiedTokens<typeof claims>();
    tokens.remember('a.b.c', claims);
    expect(tokens.get('a.b.c', exp * 1000 - 1)).toEqual(claims);
    expect(tokens.get('a.b.c', exp * 1000)).toBeUndefined(); // expired from exp on, as jsonwebtoken
    expect(tokens.size).toBe(0);
    expect(tokens.get('a.b.c', exp * 1000 - 1)).toBeUndefined();
  });

  it('trusts only the exact token string that was verified', () => {
    const tokens = new VerifiedTokens<typeof claims>();
    tokens.remember('a.b.c', claims);
    expect(tokens.get('a.b.C', 0)).toBeUndefined();
    expect(tokens.get('a.b.c ', 0)).toBeUndefined();
  });

  it('does not remember a token without an expiry', () => {
    const tokens = new VerifiedTokens<{ sub: number; exp?: number }>();
    tokens.remember('a.b.c', { sub: 1 });
    expect(tokens.get('a.b.c', 0)).toBeUndefined();
    expect(tokens.size).toBe(0);
  });

  it('drops the token remembered first when full', () => {
    const tokens = new VerifiedTokens<typeof claims>(2);
    tokens.remember('one', claims);
    tokens.remember('two', claims);
    tokens.remember('three', claims);
    expect(tokens.size).toBe(2);
    expect(tokens.get('one', 0)).toBeUndefined();
    expect(tokens.get('two', 0)).toEqual(claims);
    expect(tokens.get('three', 0)).toEqual(claims);
  });
});
