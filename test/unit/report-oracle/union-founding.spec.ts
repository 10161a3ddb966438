import { SECTORS } from '../../../src/enterprises/domain/ownership';
import { anEnterprise, SEED_COUNTY_EXPECTED, seedCountyFixture } from '../../support/seed-county-fixture';
import { RatesInputError } from '../../../src/reports/rates';
import { unionFounding } from '../../support/report-oracle';

describe(unionFounding.name, () => {
  const sut = unionFounding;
  const asOf = '2026-06-30';

  it.each<[string, Parameters<typeof anEnterprise>[0], [number, number]]>([
    ['unionised before', { id: 1 }, [1, 1]],
    ['union founded on asOf', { id: 1, unionFoundedOn: asOf }, [1, 1]],
    ['union founded after', { id: 1, unionFoundedOn: '2026-07-01' }, [1, 0]],
    ['no union', { id: 1, unionFoundedOn: null }, [1, 0]],
    ['closed on asOf', { id: 1, closedOn: asOf }, [0, 0]],
    ['registered after', { id: 1, registeredOn: '2026-07-01' }, [0, 0]],
  ])('%s → [open, unionised] %p', (_, enterprise, [open, unionised]) => {
    const { total } = sut({ enterprises: [anEnterprise(enterprise)], asOf, groupBy: 'sector' });
    expect(total).toEqual({
      group: 'total',
      enterprises: open,
      unionised,
      rate: open === 0 ? null : unionised / open,
    });
  });

  it('lists every sector, empty ones with rate null', () => {
    const { rows } = sut({ enterprises: [anEnterprise({ id: 1 })], asOf, groupBy: 'sector' });
    expect(rows).toEqual([
      { group: 'state', enterprises: 0, unionised: 0, rate: null },
      { group: 'collective', enterprises: 0, unionised: 0, rate: null },
      { group: 'non_public', enterprises: 1, unionised: 1, rate: 1 },
      { group: 'other', enterprises: 0, unionised: 0, rate: null },
    ]);
  });

  it('rejects a bad date', () => {
    expect(() => sut({ enterprises: [], asOf: '30/06/2026', groupBy: 'sector' })).toThrow(RatesInputError);
  });

  it('reproduces the seed county figures', () => {
    const { enterprises } = seedCountyFixture();
    const { rows, total } = sut({ enterprises, asOf: SEED_COUNTY_EXPECTED.asOf, groupBy: 'sector' });
    const expected = SEED_COUNTY_EXPECTED.unionFounding;
    expect(rows.map((r) => [r.group, r.enterprises, r.unionised])).toEqual(
      SECTORS.map((sector) => [sector, ...expected.rows[sector]]),
    );
    expect([total.enterprises, total.unionised]).toEqual(expected.total);
    expect(rows.find((r) => r.group === 'non_public')?.rate).toBe(21 / 23);
  });

  it('groups by township over open enterprises only', () => {
    const { enterprises } = seedCountyFixture();
    const { rows } = sut({ enterprises, asOf: SEED_COUNTY_EXPECTED.asOf, groupBy: 'township' });
    expect(rows.map((r) => [r.group, r.enterprises, r.unionised])).toEqual([
      ['万安镇', 9, 8], // #30's union comes in July
      ['蟠龙镇', 7, 7], // #32 opens in August
      ['金山镇', 14, 13], // #29 has no union, #31 closed in March
    ]);
  });
});
