import { monthlyTrend, type MonthlyTrendInput } from '../../support/report-oracle';
import {
  anAgreement,
  anEnterprise,
  SEED_COUNTY_EXPECTED,
  seedCountyFixture,
} from '../../support/seed-county-fixture';
import { RatesInputError } from '../../../src/reports/rates';

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
