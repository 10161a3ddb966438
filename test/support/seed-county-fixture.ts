/**
 * A county shaped like the seed report (docs/domain.md, "Who uses it"): on 2026-06-30, wage
 * agreements cover 100 % of the state sector and just over 90 % (19 of 21) of unionised
 * non-public enterprises; two regional agreements (金山镇, 万安镇) and a health-sector industry
 * agreement cover small firms; five enterprises signed on 2026-01-06, the county meeting.
 * Plain data, deterministic, valid for the API (credit codes pass GB 32100-2015, agreement
 * dates are ordered), so the same figures can be checked through HTTP. Instructor ids 1–3
 * must exist as users when loading it; enterprise 7 has none.
 *
 * The edges it carries, on asOf 2026-06-30, wage agreements:
 * - #4's old agreement (A4) expires on asOf (not covering); its renewal A5 was signed on asOf
 *   and has not taken effect (covers for `signed`, not for `in_force`);
 * - #12's agreement A11 is signed but still under review (same);
 * - #11 is covered twice (own A10 and regional A13) and counts once;
 * - #29 (no union) and #30 (union founded 2026-07-15) are listed in regional agreements:
 *   covered, but outside the unionised base; they count only with base `all`;
 * - #31 closed on 2026-03-31 and #32 registered on 2026-08-01: in no count on asOf;
 * - #26's union was founded on asOf (in the base); #28's agreement A16 was terminated on
 *   2026-05-15; #27 has only a comprehensive contract (A17); #6 signs after asOf (A18).
 *
 * Expected figures (SEED_COUNTY_EXPECTED holds them; derived by hand, not by the code):
 *
 * signing rates by sector, base unionised, status signed    | same, status in_force
 *   sector      ent cov  rate      emp  empCov target short  |  cov  empCov short
 *   state         4   4  1         575   575   1.0    0      |   3    335    1  (#4)
 *   collective    2   1  0.5        65    25    -     -      |   1     25    -
 *   non_public   21  19  19/21    1620  1538   0.9    0      |  18   1453    1  (#12)
 *   other         1   0  0          18     0    -     -      |   0      0    -
 *   total        28  24  6/7      2278  2138                 |  22   1813
 * base all, status signed: non_public 23 ent, 21 cov, 1641 emp, 1559 empCov (shortBy 0);
 *   total 30 ent, 26 cov, 2299 emp, 2159 empCov; other sectors as above.
 * target gaps (unionised, signed): non_public → #27 (60), #28 (22), shortBy 0;
 *   in_force: non_public → #12 (85), #27, #28, shortBy 1; state → #4, shortBy 1.
 * union founding by sector: state 4/4, collective 2/2, non_public 21/23, other 1/1; total 28/30.
 * agreements in force by scope (wage):
 *   enterprise 9 agreements, 9 enterprises, 1645 employees, avg increase 5.67 (51 / 9)
 *   regional   2 agreements, 11 enterprises (#31 closed is not counted), 285 employees, 4.5
 *   industry   1 agreement,  5 enterprises, 140 employees, null (A15 records no increase)
 *   total     12 agreements, 24 enterprises (#11 once), 2070 employees, 5.45 (60 / 11)
 * trend 2026-01..2026-06 by sector (unionised, signed): state 3/4, 3/4, 4/4, 4/4, 4/4, 4/4
 *   (#3 signs in March; in June A4 expires on the 30th and its renewal A5 is signed that day);
 *   non_public 2026-01 is 9/16 (#31 still open, six unions not yet founded), 2026-06 is 19/21.
 */
import type { OwnershipType } from '../../src/enterprises/domain/ownership';
import type { AgreementKind, Scope } from '../../src/negotiations/workflow/negotiation.types';
import type { AgreementRow, EnterpriseRow } from './report-oracle';

export const SEED_COUNTY_AS_OF = '2026-06-30';

export interface SeedCountyFixture {
  asOf: string;
  enterprises: EnterpriseRow[];
  agreements: AgreementRow[];
}

// 91 (enterprise) + 360731 (a county's code) + a 9-character organisation code + check character.
// prettier-ignore
const CREDIT_CODES = [
  '91360731MA3507919N', '91360731MA35158389', '91360731MA3523757U', '91360731MA3531676E',
  '91360731MA3539595H', '91360731MA3547514F', '91360731MA35554332', '91360731MA3563352L',
  '91360731MA35712717', '91360731MA3579190A', '91360731MA35871096', '91360731MA3595028Q',
  '91360731MA36029472', '91360731MA3610866L', '91360731MA3618785P', '91360731MA3626704M',
  '91360731MA36346238', '91360731MA3642542T', '91360731MA3650461D', '91360731MA3658380G',
  '91360731MA36662991', '91360731MA3674218Y', '91360731MA3682137H', '91360731MA36900564',
  '91360731MA3697975Q', '91360731MA3705894G', '91360731MA3713813E', '91360731MA37217321',
  '91360731MA37296514', '91360731MA3737570N', '91360731MA37454897', '91360731MA37534085',
];

type EnterpriseLine = [
  id: number,
  name: string,
  ownershipType: OwnershipType,
  township: string,
  industry: string,
  employeeCount: number,
  instructorId: number | null,
  unionFoundedOn: string | null,
  registeredOn: string | null,
  closedOn?: string,
];

const ENTERPRISES: EnterpriseLine[] = [
  // state sector: all unionised, all covered on asOf
  [1, '县自来水有限公司', 'state_owned', '金山镇', 'D', 180, 1, '2008-05-04', '2001-03-15'],
  [2, '县城市建设投资有限公司', 'state_owned', '金山镇', 'L', 95, 1, '2012-07-01', '2009-11-20'],
  [3, '县粮食储备有限公司', 'state_controlled', '万安镇', 'G', 60, 2, '2006-03-08', '1998-06-30'],
  [4, '蟠龙电力工程有限公司', 'state_controlled', '蟠龙镇', 'D', 240, 2, '2005-05-01', '2003-01-10'],
  // collective and other
  [5, '金山镇农机服务站', 'collective', '金山镇', 'A', 25, 3, '2015-04-20', '1995-08-01'],
  [6, '红玉村建筑队', 'collective', '万安镇', 'E', 40, 3, '2019-09-10', '2002-04-18'],
  [7, '金雁社区股份经济合作公司', 'other', '蟠龙镇', 'O', 18, null, '2024-01-10', '2017-12-05'],
  // non-public, unionised: own agreements
  [8, '金八角水泥有限公司', 'private', '金山镇', 'C', 320, 1, '2011-05-01', '2007-09-12'],
  [9, '万安纺织有限公司', 'hk_macao_taiwan', '万安镇', 'C', 410, 2, '2013-06-18', '2010-02-25'],
  [10, '蟠龙精密机械有限公司', 'foreign', '蟠龙镇', 'C', 275, 2, '2016-10-11', '2014-05-06'],
  [11, '金山物流有限公司', 'private', '金山镇', 'G', 130, 1, '2018-03-02', '2015-07-21'],
  [12, '家和超市有限公司', 'private', '金山镇', 'F', 85, 1, '2020-08-08', '2016-01-14'],
  [13, '万安食品有限公司', 'private', '万安镇', 'C', 150, 2, '2017-11-30', '2012-10-09'],
  // non-public small firms under the 金山镇 regional agreement
  [14, '金山镇鑫源五金加工厂', 'private', '金山镇', 'C', 12, 1, '2026-02-15', '2018-04-02'],
  [15, '金山镇家和餐馆', 'private', '金山镇', 'H', 8, 1, '2026-03-01', '2019-06-17'],
  [16, '金山镇红星汽车修理有限公司', 'private', '金山镇', 'O', 15, 1, '2022-05-19', '2016-08-23'],
  [17, '金山镇金雁美发店', 'private', '金山镇', 'O', 6, 1, '2026-03-20', '2021-03-03'],
  [18, '金山镇顺达快递服务部', 'private', '金山镇', 'G', 11, 1, '2023-07-07', '2020-10-10'],
  [19, '金山镇明珠印刷厂', 'private', '金山镇', 'C', 14, 1, '2021-12-01', '2013-05-27'],
  // non-public health-sector firms under the 卫生行业 industry agreement
  [20, '金山镇仁和诊所', 'private', '金山镇', 'Q', 9, 1, '2020-04-15', '2015-09-09'],
  [21, '万安镇康宁医院有限公司', 'private', '万安镇', 'Q', 45, 2, '2014-12-12', '2011-03-28'],
  [22, '万安镇益民口腔诊所', 'private', '万安镇', 'Q', 7, 2, '2026-04-10', '2022-02-14'],
  [23, '蟠龙镇安康护理院', 'private', '蟠龙镇', 'Q', 18, 3, '2019-01-20', '2017-06-01'],
  [24, '蟠龙镇博爱中医诊所', 'private', '蟠龙镇', 'Q', 6, 3, '2023-02-22', '2018-11-11'],
  // non-public small firms under the 万安镇 regional agreement
  [25, '万安镇红玉农家乐', 'private', '万安镇', 'H', 10, 2, '2026-05-06', '2020-05-01'],
  [26, '万安镇兴旺建材经营部', 'private', '万安镇', 'F', 7, 2, '2026-06-30', '2019-08-19'],
  // non-public, unionised, not covered on asOf: the gap list
  [27, '蟠龙镇宏达塑料制品有限公司', 'private', '蟠龙镇', 'C', 60, 3, '2018-09-09', '2012-12-12'],
  [28, '蟠龙镇顺发货运有限公司', 'private', '蟠龙镇', 'G', 22, 3, '2021-06-06', '2019-04-04'],
  // outside the unionised base, or not open on asOf
  [29, '金山镇小林电子加工厂', 'private', '金山镇', 'C', 9, 1, null, '2024-05-01'],
  [30, '万安镇绿源茶叶有限公司', 'private', '万安镇', 'A', 12, 2, '2026-07-15', '2023-03-01'],
  [31, '金山镇恒通纸箱厂', 'private', '金山镇', 'C', 16, 1, '2019-10-01', '2010-07-07', '2026-03-31'],
  [32, '蟠龙镇新锐科技有限公司', 'foreign', '蟠龙镇', 'I', 35, 3, '2026-09-01', '2026-08-01'],
];

type AgreementLine = [
  id: number,
  kind: AgreementKind,
  scope: Scope,
  enterpriseIds: number[],
  signedOn: string,
  effectiveOn: string | null,
  expiresOn: string,
  coveredEmployees: number,
  wageIncreasePct: number | null,
  terminatedOn?: string,
];

const AGREEMENTS: AgreementLine[] = [
  [1, 'wage', 'enterprise', [1], '2026-01-06', '2026-01-20', '2027-01-20', 180, 6.0],
  [2, 'wage', 'enterprise', [2], '2025-12-15', '2026-01-05', '2027-01-05', 95, 5.5],
  [3, 'wage', 'enterprise', [3], '2026-03-10', '2026-03-25', '2027-03-25', 60, 5.0],
  [4, 'wage', 'enterprise', [4], '2025-06-20', '2025-06-30', '2026-06-30', 240, 4.5],
  [5, 'wage', 'enterprise', [4], '2026-06-30', null, '2027-06-30', 238, 5.0],
  [6, 'wage', 'enterprise', [5], '2026-01-06', '2026-01-25', '2027-01-25', 25, 4.0],
  [7, 'wage', 'enterprise', [8], '2026-01-06', '2026-01-22', '2027-01-22', 320, 7.0],
  [8, 'wage', 'enterprise', [9], '2026-02-10', '2026-02-28', '2027-02-28', 410, 6.5],
  [9, 'wage', 'enterprise', [10], '2025-09-01', '2025-09-20', '2026-09-20', 275, 5.8],
  [10, 'wage', 'enterprise', [11], '2026-01-06', '2026-01-21', '2027-01-21', 130, 6.0],
  [11, 'wage', 'enterprise', [12], '2026-06-20', null, '2027-06-20', 85, 5.0],
  [12, 'wage', 'enterprise', [13], '2026-01-06', '2026-01-26', '2027-01-26', 150, 5.2],
  // 金山镇 regional federation (区域性工会联合会), for its small firms
  [
    13,
    'wage',
    'regional',
    [11, 14, 15, 16, 17, 18, 19, 29, 31],
    '2026-02-20',
    '2026-03-10',
    '2027-03-10',
    210,
    4.8,
  ],
  // 万安镇 regional federation
  [14, 'wage', 'regional', [25, 26, 30], '2026-04-08', '2026-04-25', '2027-04-25', 75, 4.2],
  // 卫生行业工会联合会 (industry), no agreed average increase recorded
  [15, 'wage', 'industry', [20, 21, 22, 23, 24], '2025-12-28', '2026-01-15', '2027-01-15', 140, null],
  [16, 'wage', 'enterprise', [28], '2025-10-10', '2025-10-30', '2026-10-30', 22, 3.0, '2026-05-15'],
  [17, 'comprehensive', 'enterprise', [27], '2025-03-01', '2025-03-20', '2028-03-20', 60, null],
  [18, 'wage', 'enterprise', [6], '2026-07-10', null, '2027-07-10', 40, 4.0],
];

/** An open, unionised private enterprise of 10 employees; override what a test is about. */
export function anEnterprise(overrides: Partial<EnterpriseRow> & { id: number }): EnterpriseRow {
  return {
    name: `企业${overrides.id}`,
    creditCode: CREDIT_CODES[0],
    ownershipType: 'private',
    township: '金山镇',
    industry: 'C',
    employeeCount: 10,
    instructorId: 1,
    unionFoundedOn: '2020-01-01',
    registeredOn: '2010-01-01',
    closedOn: null,
    ...overrides,
  };
}

/** A wage agreement of one enterprise, in force through 2026; override what a test is about. */
export function anAgreement(overrides: Partial<AgreementRow> & { id: number }): AgreementRow {
  return {
    negotiationId: overrides.id,
    agreementKind: 'wage',
    scope: 'enterprise',
    signedOn: '2026-01-01',
    effectiveOn: '2026-01-15',
    expiresOn: '2027-01-15',
    terminatedOn: null,
    coveredEmployees: 10,
    wageIncreasePct: 5,
    enterpriseIds: [overrides.id],
    ...overrides,
  };
}

/** A fresh copy each call, so a test may mutate it. */
export function seedCountyFixture(): SeedCountyFixture {
  const enterprises = ENTERPRISES.map(
    ([
      id,
      name,
      ownershipType,
      township,
      industry,
      employeeCount,
      instructorId,
      unionFoundedOn,
      registeredOn,
      closedOn,
    ]) => ({
      id,
      name,
      creditCode: CREDIT_CODES[id - 1],
      ownershipType,
      township,
      industry,
      employeeCount,
      instructorId,
      unionFoundedOn,
      registeredOn,
      closedOn: closedOn ?? null,
    }),
  );
  const agreements = AGREEMENTS.map(
    ([
      id,
      agreementKind,
      scope,
      enterpriseIds,
      signedOn,
      effectiveOn,
      expiresOn,
      coveredEmployees,
      wageIncreasePct,
      terminatedOn,
    ]) => ({
      id,
      negotiationId: id,
      agreementKind,
      scope,
      signedOn,
      effectiveOn,
      expiresOn,
      terminatedOn: terminatedOn ?? null,
      coveredEmployees,
      wageIncreasePct,
      enterpriseIds: [...enterpriseIds],
    }),
  );
  return { asOf: SEED_COUNTY_AS_OF, enterprises, agreements };
}

/** The figures of the comment above, for specs here and through the API. */
export const SEED_COUNTY_EXPECTED = {
  asOf: SEED_COUNTY_AS_OF,
  /** groupBy sector, agreementKind wage; [enterprises, covered, employees, employeesCovered]. */
  signingRates: {
    unionisedSigned: {
      rows: {
        state: [4, 4, 575, 575],
        collective: [2, 1, 65, 25],
        non_public: [21, 19, 1620, 1538],
        other: [1, 0, 18, 0],
      },
      total: [28, 24, 2278, 2138],
      shortBy: { state: 0, non_public: 0 },
    },
    unionisedInForce: {
      rows: {
        state: [4, 3, 575, 335],
        collective: [2, 1, 65, 25],
        non_public: [21, 18, 1620, 1453],
        other: [1, 0, 18, 0],
      },
      total: [28, 22, 2278, 1813],
      shortBy: { state: 1, non_public: 1 },
    },
    allSigned: {
      rows: {
        state: [4, 4, 575, 575],
        collective: [2, 1, 65, 25],
        non_public: [23, 21, 1641, 1559],
        other: [1, 0, 18, 0],
      },
      total: [30, 26, 2299, 2159],
      shortBy: { state: 0, non_public: 0 },
    },
  },
  targetGaps: {
    nonPublicSigned: { shortBy: 0, ids: [27, 28] },
    nonPublicInForce: { shortBy: 1, ids: [12, 27, 28] },
    stateInForce: { shortBy: 1, ids: [4] },
  },
  /** groupBy sector: [open, unionised]. */
  unionFounding: {
    rows: { state: [4, 4], collective: [2, 2], non_public: [23, 21], other: [1, 1] },
    total: [30, 28],
  },
  agreementsByScope: [
    {
      scope: 'enterprise',
      agreements: 9,
      enterprisesCovered: 9,
      employeesCovered: 1645,
      avgWageIncreasePct: 5.67,
    },
    {
      scope: 'regional',
      agreements: 2,
      enterprisesCovered: 11,
      employeesCovered: 285,
      avgWageIncreasePct: 4.5,
    },
    {
      scope: 'industry',
      agreements: 1,
      enterprisesCovered: 5,
      employeesCovered: 140,
      avgWageIncreasePct: null,
    },
    {
      scope: 'total',
      agreements: 12,
      enterprisesCovered: 24,
      employeesCovered: 2070,
      avgWageIncreasePct: 5.45,
    },
  ],
  /** 2026-01..2026-06, groupBy sector, unionised, signed: [covered, enterprises] per month. */
  trend: {
    state: [
      [3, 4],
      [3, 4],
      [4, 4],
      [4, 4],
      [4, 4],
      [4, 4],
    ],
    nonPublicJanuary: [9, 16],
    nonPublicJune: [19, 21],
  },
} as const satisfies Record<string, unknown>;
