import { SECTORS } from '../../../src/enterprises/domain/ownership';
import {
  anAgreement,
  anEnterprise,
  SEED_COUNTY_EXPECTED,
  seedCountyFixture,
} from '../../support/seed-county-fixture';
import { DEFAULT_TARGETS, RatesInputError, type RateRow } from '../../../src/reports/rates';
import {
  type AgreementRow,
  type EnterpriseRow,
  signingRates,
  type SigningRatesInput,
} from '../../support/report-oracle';

const AS_OF = '2026-06-30';

function input(
  enterprises: EnterpriseRow[],
  agreements: AgreementRow[],
  overrides: Partial<SigningRatesInput> = {},
): SigningRatesInput {
  return {
    enterprises,
    agreements,
    asOf: AS_OF,
    agreementKind: 'wage',
    groupBy: 'sector',
    base: 'unionised',
    status: 'signed',
    ...overrides,
  };
}

function rowOf(rows: RateRow[], group: string): RateRow {
  const row = rows.find((r) => r.group === group);
  if (row === undefined) throw new Error(`no row ${group} in ${rows.map((r) => r.group).join(', ')}`);
  return row;
}

describe(signingRates.name, () => {
  const sut = signingRates;

  describe('base and coverage', () => {
    // #1 unionised, own agreement and regional; #2 unionised, regional; #3 no union, regional;
    // #4 unionised, uncovered. Employees 100, 20, 5, 40.
    const enterprises = [
      anEnterprise({ id: 1, employeeCount: 100 }),
      anEnterprise({ id: 2, employeeCount: 20 }),
      anEnterprise({ id: 3, employeeCount: 5, unionFoundedOn: null }),
      anEnterprise({ id: 4, employeeCount: 40 }),
    ];
    const agreements = [
      anAgreement({ id: 1, enterpriseIds: [1] }),
      anAgreement({ id: 2, scope: 'regional', enterpriseIds: [1, 2, 3] }),
    ];

    it.each<[string, Partial<SigningRatesInput>, [number, number, number, number]]>([
      // [enterprises, covered, employees, employeesCovered] of non_public
      ['unionised base: #3 is listed but outside the base, #1 counts once', {}, [3, 2, 160, 120]],
      ['base all: #3 joins both counts', { base: 'all' }, [4, 3, 165, 125]],
      ['another kind covers nobody', { agreementKind: 'women' }, [3, 0, 160, 0]],
    ])('%s', (_, overrides, [count, covered, employees, employeesCovered]) => {
      const { rows, total } = sut(input(enterprises, agreements, overrides));
      const expected = { enterprises: count, covered, employees, employeesCovered };
      expect(rowOf(rows, 'non_public')).toMatchObject(expected);
      expect(total).toMatchObject({ group: 'total', ...expected });
      expect(total.rate).toBeCloseTo(covered / count, 12);
      expect(total.employeeRate).toBeCloseTo(employeesCovered / employees, 12);
    });
  });

  it('weights the employee rate by headcount, separately from the enterprise rate', () => {
    const enterprises = [
      anEnterprise({ id: 1, employeeCount: 900 }),
      anEnterprise({ id: 2, employeeCount: 100 }),
    ];
    const { total } = sut(input(enterprises, [anAgreement({ id: 1 })]));
    expect(total).toMatchObject({ rate: 0.5, employeeRate: 0.9 });
  });

  it('reports an empty group with counts 0 and null rates, never NaN', () => {
    const { rows, total } = sut(input([anEnterprise({ id: 1 })], []));
    expect(rows.map((r) => r.group)).toEqual([...SECTORS]);
    expect(rowOf(rows, 'state')).toEqual({
      group: 'state',
      enterprises: 0,
      covered: 0,
      rate: null,
      employees: 0,
      employeesCovered: 0,
      employeeRate: null,
      target: 1,
      meetsTarget: true,
      shortBy: 0,
    });
    expect(rowOf(rows, 'collective')).toMatchObject({ enterprises: 0, rate: null, employeeRate: null });
    expect(rowOf(rows, 'collective')).not.toHaveProperty('target');
    expect(total).toMatchObject({ enterprises: 1, covered: 0, rate: 0 });
  });

  it('gives a null employee rate when the base has no headcount', () => {
    const { total } = sut(input([anEnterprise({ id: 1, employeeCount: 0 })], [anAgreement({ id: 1 })]));
    expect(total).toMatchObject({ rate: 1, employees: 0, employeeRate: null });
  });

  it('lists every open group of open-ended groupings, even with none in the base, by code point', () => {
    const enterprises = [
      anEnterprise({ id: 1, township: '金山镇' }),
      anEnterprise({ id: 2, township: '万安镇', unionFoundedOn: null }),
      anEnterprise({ id: 3, township: '蟠龙镇', closedOn: '2026-01-01' }),
    ];
    const { rows } = sut(input(enterprises, [], { groupBy: 'township' }));
    expect(rows.map((r) => [r.group, r.enterprises, r.rate])).toEqual([
      ['万安镇', 0, null],
      ['金山镇', 1, 0],
    ]);
  });

  it('groups by instructor, ids ascending and none last', () => {
    const enterprises = [
      anEnterprise({ id: 1, instructorId: null }),
      anEnterprise({ id: 2, instructorId: 10 }),
      anEnterprise({ id: 3, instructorId: 2 }),
    ];
    const { rows } = sut(input(enterprises, [anAgreement({ id: 2 })], { groupBy: 'instructor' }));
    expect(rows.map((r) => [r.group, r.covered])).toEqual([
      ['2', 0],
      ['10', 1],
      ['none', 0],
    ]);
  });

  describe('targets', () => {
    // n non-public enterprises of which `covered` are covered, and 7 state ones of which 6.
    function county(n: number, covered: number): SigningRatesInput {
      const nonPublic = Array.from({ length: n }, (_, i) => anEnterprise({ id: 100 + i }));
      const state = Array.from({ length: 7 }, (_, i) =>
        anEnterprise({ id: 200 + i, ownershipType: 'state_owned' }),
      );
      const agreements = [
        ...nonPublic.slice(0, covered).map((e) => anAgreement({ id: e.id })),
        ...state.slice(0, 6).map((e) => anAgreement({ id: e.id })),
      ];
      return input([...nonPublic, ...state], agreements);
    }

    it.each<[number, number, boolean, number]>([
      [10, 9, true, 0],
      [10, 8, false, 1],
      [10, 10, true, 0],
      [30, 27, true, 0],
      [30, 26, false, 1],
      [0, 0, true, 0],
    ])('non_public %p enterprises, %p covered → meets %p, shortBy %p', (n, covered, meetsTarget, shortBy) => {
      const { rows } = sut(county(n, covered));
      expect(rowOf(rows, 'non_public')).toMatchObject({ target: 0.9, meetsTarget, shortBy });
      expect(rowOf(rows, 'state')).toMatchObject({ target: 1, meetsTarget: false, shortBy: 1, covered: 6 });
    });

    it('applies only to sector rows of sectors with a target, never to the total', () => {
      const { rows, total } = sut(county(10, 9));
      expect(rows.filter((r) => 'target' in r).map((r) => r.group)).toEqual(['state', 'non_public']);
      expect(total).not.toHaveProperty('target');
      expect(total).not.toHaveProperty('shortBy');
    });

    it.each(['ownershipType', 'township', 'industry', 'instructor'] as const)(
      'none when grouped by %s',
      (groupBy) => {
        const { rows } = sut({ ...county(10, 9), groupBy });
        expect(rows.some((r) => 'target' in r || 'shortBy' in r || 'meetsTarget' in r)).toBe(false);
      },
    );

    it('takes configured targets instead of the defaults', () => {
      const { rows } = sut({ ...county(10, 9), targets: { non_public: 0.95, collective: 0.5 } });
      expect(rowOf(rows, 'non_public')).toMatchObject({ target: 0.95, meetsTarget: false, shortBy: 1 });
      expect(rowOf(rows, 'collective')).toMatchObject({ target: 0.5, meetsTarget: true, shortBy: 0 });
      expect(rowOf(rows, 'state')).not.toHaveProperty('target');
    });

    it('defaults to state 1.0 and non_public 0.9', () => {
      expect(DEFAULT_TARGETS).toEqual({ state: 1, non_public: 0.9 });
    });
  });

  describe('bad input', () => {
    it.each<[string, Partial<SigningRatesInput>, string]>([
      ['asOf', { asOf: '2026-02-30' }, 'asOf must be a calendar date YYYY-MM-DD'],
      ['groupBy', { groupBy: 'city' as never }, 'groupBy must be one of sector, ownershipType'],
      ['base', { base: 'some' as never }, 'base must be one of unionised, all'],
      ['status', { status: 'filed' as never }, 'status must be one of signed, in_force'],
      ['agreementKind', { agreementKind: 'pay' as never }, 'agreementKind must be one of'],
      ['targets.state', { targets: { state: 90 } }, 'targets.state must be a fraction between 0 and 1'],
      ['targets', { targets: { nonpublic: 0.9 } as never }, 'targets must be one of state'],
    ])('%s', (field, overrides, message) => {
      const act = (): unknown => sut(input([], [], overrides));
      expect(act).toThrow(RatesInputError);
      expect(act).toThrow(message);
      try {
        act();
      } catch (error) {
        expect(error).toMatchObject({ code: 'REPORTS.BAD_INPUT', field });
      }
    });
  });

  describe('seed county fixture (rates.fixtures.ts)', () => {
    const { enterprises, agreements, asOf } = seedCountyFixture();
    const cases = [
      [
        'unionised, signed',
        { base: 'unionised', status: 'signed' },
        SEED_COUNTY_EXPECTED.signingRates.unionisedSigned,
      ],
      [
        'unionised, in_force',
        { base: 'unionised', status: 'in_force' },
        SEED_COUNTY_EXPECTED.signingRates.unionisedInForce,
      ],
      ['all, signed', { base: 'all', status: 'signed' }, SEED_COUNTY_EXPECTED.signingRates.allSigned],
    ] as const;

    it.each(cases)('%s', (_, overrides, expected) => {
      const { rows, total } = sut(input(enterprises, agreements, { asOf, ...overrides }));
      const figures = (row: RateRow): number[] => [
        row.enterprises,
        row.covered,
        row.employees,
        row.employeesCovered,
      ];
      for (const sector of SECTORS)
        expect([sector, figures(rowOf(rows, sector))]).toEqual([sector, expected.rows[sector]]);
      expect(figures(total)).toEqual(expected.total);
      expect(rowOf(rows, 'state').shortBy).toBe(expected.shortBy.state);
      expect(rowOf(rows, 'non_public').shortBy).toBe(expected.shortBy.non_public);
    });

    it('has the seed report shape: state 100 %, non_public just over 90 %', () => {
      const { rows, total } = sut(input(enterprises, agreements, { asOf }));
      expect(rowOf(rows, 'state')).toMatchObject({ rate: 1, meetsTarget: true });
      expect(rowOf(rows, 'non_public').rate).toBe(19 / 21);
      expect(rowOf(rows, 'non_public').meetsTarget).toBe(true);
      expect(rowOf(rows, 'non_public').employeeRate).toBe(1538 / 1620);
      expect(rowOf(rows, 'collective').rate).toBe(0.5);
      expect(total.rate).toBe(24 / 28);
    });
  });
});
