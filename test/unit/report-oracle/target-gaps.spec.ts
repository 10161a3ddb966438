import {
  anAgreement,
  anEnterprise,
  SEED_COUNTY_EXPECTED,
  seedCountyFixture,
} from '../../support/seed-county-fixture';
import { RatesInputError } from '../../../src/reports/rates';
import { targetGaps, type TargetGapsInput } from '../../support/report-oracle';

describe(targetGaps.name, () => {
  const sut = targetGaps;
  const base: Omit<TargetGapsInput, 'enterprises' | 'agreements'> = {
    asOf: '2026-06-30',
    agreementKind: 'wage',
    base: 'unionised',
    status: 'signed',
    sector: 'non_public',
  };

  it('lists uncovered enterprises of the sector base, largest first, ties by id', () => {
    const enterprises = [
      anEnterprise({ id: 5, employeeCount: 30 }),
      anEnterprise({ id: 3, employeeCount: 80 }),
      anEnterprise({ id: 4, employeeCount: 30 }),
      anEnterprise({ id: 1, employeeCount: 500 }), // covered
      anEnterprise({ id: 2, employeeCount: 999, unionFoundedOn: null }), // outside the base
      anEnterprise({ id: 6, employeeCount: 999, ownershipType: 'state_owned' }), // other sector
      anEnterprise({ id: 7, employeeCount: 999, closedOn: '2026-01-01' }), // closed
    ];
    const result = sut({ ...base, enterprises, agreements: [anAgreement({ id: 1 })] });
    expect(result.items.map((e) => e.id)).toEqual([3, 4, 5]);
    // 1 of 4 covered; 0.9 × 4 = 3.6 → 4 needed
    expect(result).toMatchObject({ target: 0.9, shortBy: 3 });
  });

  it('has target null and shortBy 0 for a sector without a target, still listing the gaps', () => {
    const enterprises = [anEnterprise({ id: 1, ownershipType: 'collective' })];
    expect(sut({ ...base, sector: 'collective', enterprises, agreements: [] })).toEqual({
      target: null,
      shortBy: 0,
      items: enterprises,
    });
  });

  it('uses the base: a firm without a union is a gap only with base all', () => {
    const enterprises = [anEnterprise({ id: 1, unionFoundedOn: null })];
    expect(sut({ ...base, enterprises, agreements: [] }).items).toEqual([]);
    expect(sut({ ...base, base: 'all', enterprises, agreements: [] }).items).toEqual(enterprises);
  });

  it('rejects an unknown sector', () => {
    expect(() => sut({ ...base, sector: 'public' as never, enterprises: [], agreements: [] })).toThrow(
      RatesInputError,
    );
  });

  describe('seed county fixture', () => {
    const { enterprises, agreements, asOf } = seedCountyFixture();
    it.each([
      ['non_public, signed', 'non_public', 'signed', 0.9, SEED_COUNTY_EXPECTED.targetGaps.nonPublicSigned],
      [
        'non_public, in_force',
        'non_public',
        'in_force',
        0.9,
        SEED_COUNTY_EXPECTED.targetGaps.nonPublicInForce,
      ],
      ['state, in_force', 'state', 'in_force', 1, SEED_COUNTY_EXPECTED.targetGaps.stateInForce],
    ] as const)('%s', (_, sector, status, target, expected) => {
      const result = sut({ ...base, enterprises, agreements, asOf, sector, status });
      expect({ target: result.target, shortBy: result.shortBy, ids: result.items.map((e) => e.id) }).toEqual({
        target,
        ...expected,
      });
    });
  });
});
