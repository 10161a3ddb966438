import { statisticsFromTallies, statisticsKey } from './statistics';

describe('statisticsFromTallies', () => {
  const report = statisticsFromTallies({
    agreements: new Map([
      [statisticsKey('wage', 'enterprise'), { agreements: 5, signedInPeriod: 2 }],
      [statisticsKey('wage', 'regional'), { agreements: 2, signedInPeriod: 1 }],
      [statisticsKey('comprehensive', 'enterprise'), { agreements: 3, signedInPeriod: 0 }],
    ]),
    coverage: new Map([
      [
        statisticsKey('wage', 'enterprise'),
        { enterprisesCovered: 5, employeesCovered: 500, nonPublicEnterprisesCovered: 3 },
      ],
      [
        statisticsKey('wage', 'regional'),
        { enterprisesCovered: 9, employeesCovered: 300, nonPublicEnterprisesCovered: 9 },
      ],
      // Two enterprises have both an own and a regional wage agreement: 12, not 14.
      [
        statisticsKey('wage', 'total'),
        { enterprisesCovered: 12, employeesCovered: 720, nonPublicEnterprisesCovered: 10 },
      ],
      [
        statisticsKey('total', 'total'),
        { enterprisesCovered: 13, employeesCovered: 800, nonPublicEnterprisesCovered: 10 },
      ],
    ]),
  });

  it('lists every kind × level in order, with zeros where nothing was counted', () => {
    expect(report.rows.map((row) => `${row.agreementKind}/${row.level}`)).toEqual([
      'comprehensive/enterprise',
      'comprehensive/regional',
      'comprehensive/industry',
      'wage/enterprise',
      'wage/regional',
      'wage/industry',
      'women/enterprise',
      'women/regional',
      'women/industry',
      'safety/enterprise',
      'safety/regional',
      'safety/industry',
    ]);
    expect(report.rows[5]).toEqual({
      agreementKind: 'wage',
      level: 'industry',
      agreements: 0,
      signedInPeriod: 0,
      enterprisesCovered: 0,
      employeesCovered: 0,
      nonPublicEnterprisesCovered: 0,
    });
  });

  it('sums agreements into the totals but takes the enterprises of each total as counted once', () => {
    const wage = report.kindTotals.find((row) => row.agreementKind === 'wage');
    expect(wage).toMatchObject({ level: 'total', agreements: 7, signedInPeriod: 3, enterprisesCovered: 12 });
    expect(report.total).toMatchObject({
      agreementKind: 'total',
      level: 'total',
      agreements: 10,
      signedInPeriod: 3,
      enterprisesCovered: 13,
      employeesCovered: 800,
    });
    expect(report.levelTotals.map((row) => [row.level, row.agreements])).toEqual([
      ['enterprise', 8],
      ['regional', 2],
      ['industry', 0],
    ]);
  });
});
