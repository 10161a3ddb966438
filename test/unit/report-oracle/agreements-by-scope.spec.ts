import { agreementsByScope } from '../../support/report-oracle';
import {
  anAgreement,
  anEnterprise,
  SEED_COUNTY_EXPECTED,
  seedCountyFixture,
} from '../../support/seed-county-fixture';

describe(agreementsByScope.name, () => {
  const sut = agreementsByScope;
  const asOf = '2026-06-30';
  const enterprises = [1, 2, 3, 4].map((id) => anEnterprise({ id }));

  it('counts agreements in force by scope, all three scopes always present', () => {
    const agreements = [
      anAgreement({ id: 1, enterpriseIds: [1], coveredEmployees: 100, wageIncreasePct: 6 }),
      anAgreement({ id: 2, enterpriseIds: [2], coveredEmployees: 50, wageIncreasePct: null }),
      anAgreement({
        id: 3,
        scope: 'regional',
        enterpriseIds: [1, 3, 99],
        coveredEmployees: 30,
        wageIncreasePct: 4,
      }),
      // not counted: not yet effective, expired on asOf, terminated, another kind
      anAgreement({ id: 4, enterpriseIds: [4], effectiveOn: null }),
      anAgreement({ id: 5, scope: 'industry', enterpriseIds: [4], expiresOn: asOf }),
      anAgreement({ id: 6, scope: 'industry', enterpriseIds: [4], terminatedOn: '2026-06-01' }),
      anAgreement({ id: 7, enterpriseIds: [4], agreementKind: 'safety' }),
    ];
    expect(sut({ enterprises, agreements, asOf, agreementKind: 'wage' })).toEqual({
      rows: [
        {
          scope: 'enterprise',
          agreements: 2,
          enterprisesCovered: 2,
          employeesCovered: 150,
          avgWageIncreasePct: 6,
        },
        // #99 is not an open enterprise
        {
          scope: 'regional',
          agreements: 1,
          enterprisesCovered: 2,
          employeesCovered: 30,
          avgWageIncreasePct: 4,
        },
        {
          scope: 'industry',
          agreements: 0,
          enterprisesCovered: 0,
          employeesCovered: 0,
          avgWageIncreasePct: null,
        },
      ],
      // #1 is listed under two scopes and counted once; employees are the agreements' own figures
      total: {
        scope: 'total',
        agreements: 3,
        enterprisesCovered: 3,
        employeesCovered: 180,
        avgWageIncreasePct: 5,
      },
    });
  });

  it('reproduces the seed county figures', () => {
    const fixture = seedCountyFixture();
    const { rows, total } = sut({ ...fixture, asOf: SEED_COUNTY_EXPECTED.asOf, agreementKind: 'wage' });
    expect([...rows, total]).toEqual(SEED_COUNTY_EXPECTED.agreementsByScope);
  });
});
