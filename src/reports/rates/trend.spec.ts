import type { Tally } from './signing-rates';
import { lastDayOf, MAX_TREND_MONTHS, monthRange, trendFromTallies, trendMonths, trendWindow } from './trend';
import { RatesInputError } from './rates.errors';

describe(lastDayOf.name, () => {
  it.each([
    ['2026-01', '2026-01-31'],
    ['2026-02', '2026-02-28'],
    ['2028-02', '2028-02-29'],
    ['2000-02', '2000-02-29'],
    ['2100-02', '2100-02-28'],
    ['2026-04', '2026-04-30'],
    ['2026-12', '2026-12-31'],
  ])('%s → %s', (month, expected) => {
    const sut = lastDayOf;
    expect(sut(month)).toBe(expected);
  });
});

describe(monthRange.name, () => {
  const sut = monthRange;

  it.each<[string, string, string[]]>([
    ['2026-05', '2026-05', ['2026-05']],
    ['2025-11', '2026-02', ['2025-11', '2025-12', '2026-01', '2026-02']],
  ])('%s..%s → %p', (from, to, expected) => {
    expect(sut(from, to)).toEqual(expected);
  });

  it(`accepts ${MAX_TREND_MONTHS} months`, () => {
    expect(sut('2017-01', '2026-12')).toHaveLength(120);
  });

  it.each<[string, string, string, string]>([
    ['2026-13', '2026-12', 'from', 'from must be a month YYYY-MM'],
    ['2026-1', '2026-12', 'from', 'from must be a month YYYY-MM'],
    ['2026-01', '2026-01-31', 'to', 'to must be a month YYYY-MM'],
    ['1899-12', '1900-01', 'from', '1900-01 or later'],
    ['2026-03', '2026-02', 'from', 'from 2026-03 is after to 2026-02'],
    ['2016-12', '2026-12', 'to', 'spans 121 months; at most 120'],
  ])('%s..%s → error on %s', (from, to, field, message) => {
    const act = (): unknown => sut(from, to);
    expect(act).toThrow(RatesInputError);
    expect(act).toThrow(message);
    try {
      act();
    } catch (error) {
      expect(error).toMatchObject({ field });
    }
  });
});

describe(trendMonths.name, () => {
  const sut = trendMonths;

  it('measures the current month on today, marked partial, and past months on their last day', () => {
    expect(sut('2026-10', '2026-12', '2026-12-03')).toEqual([
      { month: '2026-10', asOf: '2026-10-31', partial: false },
      { month: '2026-11', asOf: '2026-11-30', partial: false },
      { month: '2026-12', asOf: '2026-12-03', partial: true },
    ]);
  });

  it('leaves out the months after the current one: no point is computed for a future date', () => {
    expect(sut('2026-11', '2027-03', '2026-12-03').map((m) => [m.month, m.asOf])).toEqual([
      ['2026-11', '2026-11-30'],
      ['2026-12', '2026-12-03'],
    ]);
  });

  it('keeps a month whose last day is today partial (the day is not over)', () => {
    expect(sut('2026-12', '2026-12', '2026-12-31')).toEqual([
      { month: '2026-12', asOf: '2026-12-31', partial: true },
    ]);
  });

  it('refuses a range that begins after the current month, naming from', () => {
    const act = (): unknown => sut('2027-01', '2027-06', '2026-12-03');
    expect(act).toThrow(RatesInputError);
    expect(act).toThrow('from 2027-01 is after the current month 2026-12');
  });
});

describe(trendWindow.name, () => {
  const sut = trendWindow;

  it.each<[string | undefined, string | undefined, string, string]>([
    [undefined, undefined, '2026-01', '2026-12'],
    [undefined, '2026-03', '2025-04', '2026-03'],
    ['2026-02', undefined, '2026-02', '2026-12'],
    ['2020-05', '2021-01', '2020-05', '2021-01'],
  ])('from %p to %p, read on 2026-12-03 → %s..%s', (from, to, expectedFrom, expectedTo) => {
    expect(sut(from, to, '2026-12-03')).toEqual({ from: expectedFrom, to: expectedTo });
  });
});

describe(trendFromTallies.name, () => {
  const sut = trendFromTallies;
  const tally = (enterprises: number, covered: number): Tally => ({
    enterprises,
    covered,
    employees: 0,
    employeesCovered: 0,
  });

  it('gives each group present in any month a series, with empty points where it had no enterprise', () => {
    const months = trendMonths('2026-10', '2026-12', '2026-12-03');
    const trend = sut('township', [
      { month: months[0], tallies: new Map([['金山镇', tally(2, 1)]]) },
      {
        month: months[1],
        tallies: new Map([
          ['万安镇', tally(4, 4)],
          ['金山镇', tally(2, 2)],
        ]),
      },
      { month: months[2], tallies: new Map([['金山镇', tally(3, 0)]]) },
    ]);
    expect(trend.months).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(trend.series.map((s) => s.group)).toEqual(['万安镇', '金山镇']);
    expect(trend.series[0].points[0]).toEqual({
      month: '2026-10',
      asOf: '2026-10-31',
      partial: false,
      rate: null,
      covered: 0,
      enterprises: 0,
    });
    expect(trend.series[1].points.map((p) => p.rate)).toEqual([0.5, 1, 0]);
    expect(trend.total).toEqual([
      { month: '2026-10', asOf: '2026-10-31', partial: false, rate: 0.5, covered: 1, enterprises: 2 },
      { month: '2026-11', asOf: '2026-11-30', partial: false, rate: 1, covered: 6, enterprises: 6 },
      { month: '2026-12', asOf: '2026-12-03', partial: true, rate: 0, covered: 0, enterprises: 3 },
    ]);
  });
});
