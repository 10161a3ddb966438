import { agreementsByScopeFromTallies, type ScopeTally } from './agreements-by-scope';

const tally = (overrides: Partial<ScopeTally>): ScopeTally => ({
  agreements: 1,
  enterprisesCovered: 1,
  employeesCovered: 0,
  wageIncreaseSum: 0,
  wageIncreases: 0,
  ...overrides,
});

describe(agreementsByScopeFromTallies.name, () => {
  const sut = agreementsByScopeFromTallies;

  it('lists the three scopes in order, empty ones with zeros and a null average', () => {
    const { rows, total } = sut({ scopes: new Map(), enterprisesCovered: 0 });
    expect(rows.map((row) => row.scope)).toEqual(['enterprise', 'regional', 'industry']);
    expect(rows[1]).toEqual({
      scope: 'regional',
      agreements: 0,
      enterprisesCovered: 0,
      employeesCovered: 0,
      avgWageIncreasePct: null,
    });
    expect(total).toMatchObject({ scope: 'total', agreements: 0, avgWageIncreasePct: null });
  });

  it('averages over the agreements that record an increase, to 2 decimals; the total sums, but counts enterprises as given', () => {
    const { rows, total } = sut({
      scopes: new Map([
        [
          'enterprise',
          tally({
            agreements: 9,
            enterprisesCovered: 9,
            employeesCovered: 1645,
            wageIncreaseSum: 51,
            wageIncreases: 9,
          }),
        ],
        [
          'regional',
          tally({
            agreements: 2,
            enterprisesCovered: 11,
            employeesCovered: 285,
            wageIncreaseSum: 9,
            wageIncreases: 2,
          }),
        ],
        ['industry', tally({ agreements: 1, enterprisesCovered: 5, employeesCovered: 140 })],
      ]),
      enterprisesCovered: 24,
    });
    expect(rows.map((row) => row.avgWageIncreasePct)).toEqual([5.67, 4.5, null]);
    expect(total).toEqual({
      scope: 'total',
      agreements: 12,
      enterprisesCovered: 24,
      employeesCovered: 2070,
      avgWageIncreasePct: 5.45,
    });
  });
});
