import { isTokenClaims } from './token-claims';

describe(isTokenClaims.name, () => {
  it.each([[{ sub: 1, tv: 0 }], [{ sub: 42, tv: 3, exp: 1_900_000_000 }]])('accepts %o', (claims) => {
    expect(isTokenClaims(claims)).toBe(true);
  });

  it.each([
    [{ sub: '1 OR 1=1', tv: 0 }],
    [{ sub: '1', tv: 0 }],
    [{ sub: 0, tv: 0 }],
    [{ sub: -1, tv: 0 }],
    [{ sub: 1.5, tv: 0 }],
    [{ sub: 1, tv: '0' }],
    [{ sub: 1 }],
    [{ sub: 1, tv: 0, exp: '2030' }],
    [null],
    ['1'],
  ])('refuses %o', (claims) => {
    expect(isTokenClaims(claims)).toBe(false);
  });
});
