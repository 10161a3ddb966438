import {
  lastDayOf,
  MAX_TREND_MONTHS,
  monthlyTrend,
  monthRange,
  type MonthlyTrendInput,
  trendMonths,
} from './trend';
import { anAgreement, anEnterprise, SEED_COUNTY_EXPECTED, seedCountyFixture } from './rates.fixtures';
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

describe(monthlyTrend.name, () => {
  const sut = monthlyTrend;
  const params: Omit<MonthlyTrendInput, 'enterprises' | 'agreements' | 'from' | 'to'> = {
    agreementKind: 'wage',
    groupBy: 'sector',
    base: 'unionised',
    status: 'signed',
    today: '2030-01-15',
  };

  it('measures each month on its last day (29 February in a leap year)', () => {
    // Signed on 29 February, expiring 1 March: only a February point taken on the 29th sees it.
    const enterprises = [anEnterprise({ id: 1 })];
    const agreements = [
      anAgreement({ id: 1, signedOn: '2028-02-29', effectiveOn: null, expiresOn: '2028-03-01' }),
    ];
    const result = sut({ ...params, enterprises, agreements, from: '2028-01', to: '2028-03' });
    expect(result.months).toEqual(['2028-01', '2028-02', '2028-03']);
    expect(result.total).toEqual([
      { month: '2028-01', asOf: '2028-01-31', partial: false, rate: 0, covered: 0, enterprises: 1 },
      { month: '2028-02', asOf: '2028-02-29', partial: false, rate: 1, covered: 1, enterprises: 1 },
      { month: '2028-03', asOf: '2028-03-31', partial: false, rate: 0, covered: 0, enterprises: 1 },
    ]);
  });

  it('keeps a group that appears later, with empty points before', () => {
    const enterprises = [
      anEnterprise({ id: 1, township: '金山镇' }),
      anEnterprise({ id: 2, township: '万安镇', registeredOn: '2026-02-10' }),
    ];
    const result = sut({
      ...params,
      groupBy: 'township',
      enterprises,
      agreements: [],
      from: '2026-01',
      to: '2026-02',
    });
    expect(result.series.map((s) => [s.group, s.points.map((p) => p.enterprises)])).toEqual([
      ['万安镇', [0, 1]],
      ['金山镇', [1, 1]],
    ]);
    expect(result.series[0].points[0].rate).toBeNull();
  });

  it('takes the current month on today: an agreement expiring later this month still counts', () => {
    const enterprises = [anEnterprise({ id: 1 })];
    const agreements = [anAgreement({ id: 1, signedOn: '2025-12-10', expiresOn: '2026-12-20' })];
    const result = sut({
      ...params,
      enterprises,
      agreements,
      from: '2026-11',
      to: '2027-01',
      today: '2026-12-03',
    });
    expect(result.months).toEqual(['2026-11', '2026-12']);
    expect(result.total.map((p) => [p.month, p.asOf, p.partial, p.rate])).toEqual([
      ['2026-11', '2026-11-30', false, 1],
      ['2026-12', '2026-12-03', true, 1],
    ]);
  });

  it('rejects a bad range', () => {
    expect(() => sut({ ...params, enterprises: [], agreements: [], from: '2026-06', to: '2026-01' })).toThrow(
      RatesInputError,
    );
  });

  it('reproduces the seed county trend', () => {
    const { enterprises, agreements } = seedCountyFixture();
    const result = sut({ ...params, enterprises, agreements, from: '2026-01', to: '2026-06' });
    const series = (group: string): Array<[number, number]> =>
      result.series.find((s) => s.group === group)?.points.map((p) => [p.covered, p.enterprises]) ?? [];
    expect(result.series.map((s) => s.group)).toEqual(['state', 'collective', 'non_public', 'other']);
    expect(series('state')).toEqual(SEED_COUNTY_EXPECTED.trend.state);
    expect(series('non_public')[0]).toEqual(SEED_COUNTY_EXPECTED.trend.nonPublicJanuary);
    expect(series('non_public')[5]).toEqual(SEED_COUNTY_EXPECTED.trend.nonPublicJune);
    expect(result.series[0].points[5].asOf).toBe('2026-06-30');
  });
});
