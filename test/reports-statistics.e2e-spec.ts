import { CoverageLedger } from '../src/reports/aggregates/coverage-ledger';
import ExcelJS from 'exceljs';
import PizZip from 'pizzip';
import request from 'supertest';
import { addDays } from '../src/common/dates/business-date';
import { Enterprise } from '../src/enterprises/enterprise.entity';
import { MemberCountChange } from '../src/enterprises/member-count-change.entity';
import { OWNERSHIP_TYPES, type OwnershipType, sectorOf } from '../src/enterprises/domain/ownership';
import { Agreement } from '../src/negotiations/entities/agreement.entity';
import { Negotiation } from '../src/negotiations/entities/negotiation.entity';
import { NegotiationEnterprise } from '../src/negotiations/entities/negotiation-enterprise.entity';
import { AGREEMENT_KINDS, type AgreementKind, SCOPES, type Scope } from '../src/negotiations/workflow';
import type { OrgUnit } from '../src/org-units/org-unit.entity';
import { binaryBody } from './support/binary-body';
import { aCityOfTwoCounties } from './support/org-tree';
import { createTestApp, type TestApp } from './support/test-app';
import { aSignedInUser, type SignedInUser } from './support/users';

/** A small deterministic generator (mulberry32): the same fixture on every run and database. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface FixtureEnterprise {
  id: number;
  unitName: string;
  ownershipType: OwnershipType;
  employeeCount: number;
  unionFoundedOn: string | null;
  registeredOn: string | null;
  closedOn: string | null;
  workersCongressOn: string | null;
}

interface FixtureAgreement {
  kind: AgreementKind;
  scope: Scope;
  enterpriseIds: number[];
  signedOn: string;
  effectiveOn: string | null;
  expiresOn: string;
  terminatedOn: string | null;
  setAsideOn: string | null;
}

interface FixtureMemberChange {
  enterpriseId: number;
  recordedOn: string;
  increase: number;
}

type Figures = {
  agreements: number;
  signedInPeriod: number;
  enterprisesCovered: number;
  employeesCovered: number;
  nonPublicEnterprisesCovered: number;
};

const TOWNSHIPS = ['金山镇', '万安镇', '云岭镇', '石门镇'];

/**
 * The statistics table and the work summary (docs/domain.md, Statistics table; docs/domain.md, Work
 * summary figures) on a generated city: 40 enterprises over four townships, 30 agreements of every kind
 * and level whose regional and industry ones overlap each other and the enterprises' own, with
 * closings, terminations, set-aside signings and agreements not yet in force. Every figure is
 * checked against the same figures counted here, enterprise by enterprise, from the fixture.
 */
describe('Statistics table and work summary (e2e)', () => {
  let sut: TestApp;
  let units: Record<string, OrgUnit>;
  let city: SignedInUser;
  let jinshan: SignedInUser;
  const enterprises: FixtureEnterprise[] = [];
  const agreements: FixtureAgreement[] = [];
  const memberChanges: FixtureMemberChange[] = [];

  beforeAll(async () => {
    sut = await createTestApp();
    units = await aCityOfTwoCounties(sut);
    city = await aSignedInUser(sut, 'supervisor', { orgUnitId: units['江川市'].id });
    jinshan = await aSignedInUser(sut, 'supervisor', { orgUnitId: units['金山县'].id });
    const random = generator(19);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const dayIn = (from: string, days: number) => addDays(from, Math.floor(random() * days));

    for (let i = 0; i < 40; i++) {
      const unitName = TOWNSHIPS[i % TOWNSHIPS.length];
      const ownershipType = i < 4 ? 'state_owned' : pick(OWNERSHIP_TYPES);
      const unionFoundedOn = random() < 0.8 ? dayIn('2024-06-01', 900) : null;
      const closedOn = random() < 0.1 ? dayIn('2025-06-01', 600) : null;
      const workersCongressOn = unionFoundedOn && random() < 0.6 ? dayIn(unionFoundedOn, 200) : null;
      const saved = await sut.dataSource.getRepository(Enterprise).save({
        name: `${unitName}统计企业${i + 1}`,
        creditCode: `STAT${String(i + 1).padStart(14, '0')}`,
        ownershipType,
        township: unitName,
        community: null,
        industry: pick(['C', 'E', 'F', 'G']),
        employeeCount: 10 + Math.floor(random() * 300),
        instructorId: null,
        unionFoundedOn,
        registeredOn: random() < 0.1 ? '2026-05-01' : null,
        closedOn,
        workersCongressOn,
        memberCount: null,
        orgUnitId: units[unitName].id,
      });
      enterprises.push({
        id: saved.id,
        unitName,
        ownershipType,
        employeeCount: saved.employeeCount,
        unionFoundedOn,
        registeredOn: saved.registeredOn,
        closedOn,
        workersCongressOn,
      });
    }
    for (let i = 0; i < 30; i++) {
      const scope = i < 16 ? 'enterprise' : pick(['regional', 'industry'] as const);
      const listed =
        scope === 'enterprise'
          ? [pick(enterprises).id]
          : [...new Set(Array.from({ length: 2 + Math.floor(random() * 6) }, () => pick(enterprises).id))];
      const signedOn = dayIn('2024-09-01', 700);
      const roll = random();
      const agreement: FixtureAgreement = {
        kind: i < 8 ? 'wage' : pick(AGREEMENT_KINDS),
        scope: listed.length === 1 ? 'enterprise' : scope,
        enterpriseIds: listed,
        signedOn,
        effectiveOn: roll < 0.15 ? null : addDays(signedOn, Math.floor(random() * 40)),
        expiresOn: addDays(signedOn, pick([365, 730, 1095])),
        terminatedOn: roll > 0.92 ? addDays(signedOn, 200) : null,
        setAsideOn: roll > 0.85 && roll <= 0.92 ? addDays(signedOn, 30) : null,
      };
      agreements.push(agreement);
      await anAgreement(agreement);
    }
    for (const enterprise of enterprises.filter((found) => found.unionFoundedOn !== null)) {
      let count = 0;
      for (let change = 0; change < 3; change++) {
        const next = Math.max(0, count + Math.floor(random() * 40) - 10);
        const recordedOn = dayIn('2025-10-01', 300);
        memberChanges.push({ enterpriseId: enterprise.id, recordedOn, increase: Math.max(0, next - count) });
        await sut.dataSource.getRepository(MemberCountChange).insert({
          enterpriseId: enterprise.id,
          recordedOn,
          memberCount: next,
          increase: Math.max(0, next - count),
        });
        count = next;
      }
    }
    // Written past the app's write path: the report aggregates rebuilt, as after a restore.
    await sut.app.get(CoverageLedger).rebuild();
  }, 120_000);

  afterAll(async () => {
    await sut.close();
  });

  async function anAgreement(agreement: FixtureAgreement): Promise<void> {
    const negotiation = await sut.dataSource.getRepository(Negotiation).save({
      agreementKind: agreement.kind,
      scope: agreement.scope,
      title: null,
      stage: 'in_force',
      state: 'in_force',
      snapshot: {} as never,
      machineVersion: 2,
      ruleSetVersion: 'national-2004.1',
      version: 0,
      renewsId: null,
      createdOn: addDays(agreement.signedOn, -30),
      createdBy: null,
      historical: true,
    });
    await sut.dataSource
      .getRepository(NegotiationEnterprise)
      .insert(
        agreement.enterpriseIds.map((enterpriseId) => ({ negotiationId: negotiation.id, enterpriseId })),
      );
    await sut.dataSource.getRepository(Agreement).save({
      negotiationId: negotiation.id,
      agreementKind: agreement.kind,
      scope: agreement.scope,
      signedOn: agreement.signedOn,
      effectiveOn: agreement.effectiveOn,
      expiresOn: agreement.expiresOn,
      terminatedOn: agreement.terminatedOn,
      setAsideOn: agreement.setAsideOn,
      termMonths: 12,
      coveredEmployees: 100,
      wageIncreasePct: null,
      minimumWage: null,
    });
  }

  // ---- the oracle: the figures counted one enterprise and one agreement at a time ----

  const openOn = (e: FixtureEnterprise, day: string) =>
    (e.registeredOn === null || e.registeredOn <= day) && (e.closedOn === null || e.closedOn > day);
  const unionisedBy = (e: FixtureEnterprise, day: string) =>
    e.unionFoundedOn !== null && e.unionFoundedOn <= day;
  const inForceOn = (a: FixtureAgreement, day: string) =>
    a.signedOn <= day &&
    a.expiresOn > day &&
    (a.terminatedOn === null || a.terminatedOn > day) &&
    (a.setAsideOn === null || a.setAsideOn > day) &&
    a.effectiveOn !== null &&
    a.effectiveOn <= day;
  const signedWithin = (a: FixtureAgreement, from: string, to: string) =>
    a.signedOn >= from && a.signedOn <= to && (a.setAsideOn === null || a.setAsideOn > to);

  function expectedFigures(
    inUnit: (e: FixtureEnterprise) => boolean,
    from: string,
    to: string,
    kind: AgreementKind | 'total',
    level: Scope | 'total',
  ): Figures {
    const byId = new Map(enterprises.map((e) => [e.id, e]));
    const ofRow = agreements.filter(
      (a) => (kind === 'total' || a.kind === kind) && (level === 'total' || a.scope === level),
    );
    const listsOne = (a: FixtureAgreement) => a.enterpriseIds.some((id) => inUnit(byId.get(id)!));
    const covered = new Set<number>();
    for (const a of ofRow.filter((found) => inForceOn(found, to))) {
      for (const id of a.enterpriseIds) {
        const e = byId.get(id)!;
        if (inUnit(e) && openOn(e, to)) covered.add(id);
      }
    }
    const coveredRows = [...covered].map((id) => byId.get(id)!);
    return {
      agreements: ofRow.filter((a) => inForceOn(a, to) && listsOne(a)).length,
      signedInPeriod: ofRow.filter((a) => signedWithin(a, from, to) && listsOne(a)).length,
      enterprisesCovered: covered.size,
      employeesCovered: coveredRows.reduce((sum, e) => sum + e.employeeCount, 0),
      nonPublicEnterprisesCovered: coveredRows.filter((e) => sectorOf(e.ownershipType) === 'non_public')
        .length,
    };
  }

  const IN_JINSHAN = (e: FixtureEnterprise) => e.unitName === '金山镇' || e.unitName === '万安镇';
  const EVERYWHERE = () => true;
  const figuresOf = ({
    agreementKind: _kind,
    level: _level,
    ...figures
  }: Figures & Record<string, unknown>) => figures;

  type StatisticsBody = {
    from: string;
    to: string;
    orgUnit: { name: string } | null;
    rows: (Figures & { agreementKind: string; level: string })[];
    kindTotals: (Figures & { agreementKind: string; level: string })[];
    levelTotals: (Figures & { agreementKind: string; level: string })[];
    total: Figures & { agreementKind: string; level: string };
    units?: (StatisticsBody & { group: string; groupName: string })[];
  };

  function expectTable(
    body: Omit<StatisticsBody, 'from' | 'to' | 'orgUnit'>,
    inUnit: (e: FixtureEnterprise) => boolean,
    from: string,
    to: string,
  ): void {
    for (const row of body.rows) {
      expect([row.agreementKind, row.level, figuresOf(row)]).toEqual([
        row.agreementKind,
        row.level,
        expectedFigures(inUnit, from, to, row.agreementKind as AgreementKind, row.level as Scope),
      ]);
    }
    for (const row of [...body.kindTotals, ...body.levelTotals, body.total]) {
      expect([row.agreementKind, row.level, figuresOf(row)]).toEqual([
        row.agreementKind,
        row.level,
        expectedFigures(inUnit, from, to, row.agreementKind as AgreementKind, row.level as Scope),
      ]);
    }
  }

  const get = (path: string, as: SignedInUser, query: Record<string, string | number> = {}) =>
    request(sut.http).get(`/api/v1/reports/${path}`).query(query).set(as.auth);

  describe('GET /reports/statistics', () => {
    it.each([
      ['2026-01-01', '2026-06-30'],
      ['2025-07-01', '2025-12-31'],
      ['2025-01-01', '2026-10-31'],
    ])('matches the figures counted enterprise by enterprise, for the city (%s – %s)', async (from, to) => {
      const body = (await get('statistics', city, { from, to }).expect(200)).body as StatisticsBody;
      expect(body).toMatchObject({ from, to, orgUnit: { name: '江川市' } });
      expect(body.rows).toHaveLength(AGREEMENT_KINDS.length * SCOPES.length);
      expectTable(body, EVERYWHERE, from, to);
    });

    it('has overlapping coverage in its fixture, so that its totals prove the enterprises are counted once', () => {
      const to = '2026-06-30';
      const total = expectedFigures(EVERYWHERE, '2026-01-01', to, 'total', 'total');
      const byLevel = SCOPES.map((level) => expectedFigures(EVERYWHERE, '2026-01-01', to, 'total', level));
      expect(byLevel.reduce((sum, row) => sum + row.enterprisesCovered, 0)).toBeGreaterThan(
        total.enterprisesCovered,
      );
      const byKind = AGREEMENT_KINDS.map((kind) =>
        expectedFigures(EVERYWHERE, '2026-01-01', to, kind, 'total'),
      );
      expect(byKind.reduce((sum, row) => sum + row.enterprisesCovered, 0)).toBeGreaterThan(
        total.enterprisesCovered,
      );
    });

    it("counts a county's own enterprises and the agreements that list one of them", async () => {
      const query = { from: '2026-01-01', to: '2026-06-30' };
      const body = (await get('statistics', jinshan, query).expect(200)).body as StatisticsBody;
      expect(body.orgUnit?.name).toBe('金山县');
      expectTable(body, IN_JINSHAN, query.from, query.to);
      // The city's supervisor asking for the county by orgUnitId reads the same table.
      const asked = (await get('statistics', city, { ...query, orgUnitId: units['金山县'].id }).expect(200))
        .body as StatisticsBody;
      expect(asked.orgUnit?.name).toBe('金山县');
      expectTable(asked, IN_JINSHAN, query.from, query.to);
    });

    it('groupBy=orgUnit gives each child its own table, counted apart', async () => {
      const query = { from: '2026-01-01', to: '2026-06-30', groupBy: 'orgUnit' };
      const body = (await get('statistics', city, query).expect(200)).body as StatisticsBody;
      expect(body.units?.map((unit) => unit.groupName)).toEqual(['金山县', '云岭县']);
      expectTable(body.units![0], IN_JINSHAN, query.from, query.to);
      expectTable(body.units![1], (e) => !IN_JINSHAN(e), query.from, query.to);
      expectTable(body, EVERYWHERE, query.from, query.to);
    });

    it("downloads the .xlsx in the offices' layout: two merged header rows, a block of rows per unit", async () => {
      const res = await get('statistics.xlsx', city, {
        from: '2026-01-01',
        to: '2026-06-30',
        groupBy: 'orgUnit',
      })
        .buffer(true)
        .parse(binaryBody)
        .expect(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(decodeURIComponent(res.headers['content-disposition'])).toContain(
        '集体合同签订情况统计表_江川市_2026-01-01_2026-06-30.xlsx',
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Uint8Array.from(res.body as Buffer).buffer);
      const sheet = workbook.worksheets[0];
      expect(sheet.getCell('A1').value).toBe('集体合同签订情况统计表');
      expect(String(sheet.getCell('A2').value)).toContain('2026-01-01 至 2026-06-30');
      // Header row 3: the kinds, each merged over its five figures; row 4: the figures.
      expect(sheet.getCell('C3').value).toBe('合计');
      expect(sheet.getCell('H3').value).toBe('综合集体合同');
      expect(sheet.getCell('M3').value).toBe('工资专项集体合同');
      expect(sheet.getCell('D3').isMerged && sheet.getCell('D3').master.address).toBe('C3');
      expect(sheet.getCell('A4').master.address).toBe('A3');
      expect(sheet.getCell('C4').value).toBe('有效合同（份）');
      expect(sheet.getCell('E4').value).toBe('覆盖企业（家）');
      // Blocks: 金山县 rows 5–8, 云岭县 9–12, the city's total 13–16; the unit merged over its block.
      expect(sheet.getCell('A5').value).toBe('金山县');
      expect(sheet.getCell('A8').master.address).toBe('A5');
      expect(sheet.getCell('A9').value).toBe('云岭县');
      expect(sheet.getCell('A13').value).toBe('合计（江川市）');
      expect([5, 6, 7, 8].map((row) => sheet.getCell(row, 2).value)).toEqual([
        '单独签订',
        '区域性',
        '行业性',
        '小计',
      ]);
      const wageRegionalJinshan = expectedFigures(IN_JINSHAN, '2026-01-01', '2026-06-30', 'wage', 'regional');
      expect([13, 14, 15, 16, 17].map((column) => sheet.getCell(6, column).value)).toEqual([
        wageRegionalJinshan.agreements,
        wageRegionalJinshan.signedInPeriod,
        wageRegionalJinshan.enterprisesCovered,
        wageRegionalJinshan.employeesCovered,
        wageRegionalJinshan.nonPublicEnterprisesCovered,
      ]);
      const all = expectedFigures(EVERYWHERE, '2026-01-01', '2026-06-30', 'total', 'total');
      expect(sheet.getCell(16, 5).value).toBe(all.enterprisesCovered);
    });

    it('refuses a period that ends before it starts and a day that does not exist, naming the field', async () => {
      const res = await get('statistics', city, { from: '2026-07-01', to: '2026-06-30' }).expect(422);
      expect(JSON.stringify(res.body)).toContain(
        'from（起始日期）2026-07-01 不能晚于 to（截止日期）2026-06-30',
      );
      const bad = await get('statistics', city, { to: '2026-02-30' }).expect(422);
      expect(JSON.stringify(bad.body)).toContain('to');
    });

    it('refuses groupBy=orgUnit for a township', async () => {
      const township = await aSignedInUser(sut, 'supervisor', { orgUnitId: units['金山镇'].id });
      const res = await get('statistics', township, { groupBy: 'orgUnit' }).expect(422);
      expect(JSON.stringify(res.body)).toContain('没有下级单位');
    });
  });

  describe('GET /reports/work-summary', () => {
    function expectedSummary(inUnit: (e: FixtureEnterprise) => boolean, from: string, to: string) {
      const open = enterprises.filter((e) => inUnit(e) && openOn(e, to));
      const nonPublic = open.filter((e) => sectorOf(e.ownershipType) === 'non_public');
      const founded = open.filter(
        (e) => e.unionFoundedOn !== null && e.unionFoundedOn >= from && e.unionFoundedOn <= to,
      );
      const unionisedNonPublic = nonPublic.filter((e) => unionisedBy(e, to));
      const withCongress = unionisedNonPublic.filter(
        (e) => e.workersCongressOn !== null && e.workersCongressOn <= to,
      );
      const coveredByWage = (e: FixtureEnterprise) =>
        agreements.some(
          (a) =>
            a.kind === 'wage' &&
            a.enterpriseIds.includes(e.id) &&
            a.signedOn <= to &&
            a.expiresOn > to &&
            (a.terminatedOn === null || a.terminatedOn > to) &&
            (a.setAsideOn === null || a.setAsideOn > to),
        );
      const signing = (sector: 'state' | 'non_public') => {
        const base = open.filter((e) => sectorOf(e.ownershipType) === sector && unionisedBy(e, to));
        return { numerator: base.filter(coveredByWage).length, denominator: base.length };
      };
      const ids = new Set(enterprises.filter(inUnit).map((e) => e.id));
      return {
        unionsFounded: founded.length,
        unionsFoundedNonPublic: founded.filter((e) => sectorOf(e.ownershipType) === 'non_public').length,
        membersAdded: memberChanges
          .filter((c) => ids.has(c.enterpriseId) && c.recordedOn >= from && c.recordedOn <= to)
          .reduce((sum, c) => sum + c.increase, 0),
        unionisationNonPublic: { numerator: unionisedNonPublic.length, denominator: nonPublic.length },
        workersCongressNonPublic: { numerator: withCongress.length, denominator: unionisedNonPublic.length },
        signingState: signing('state'),
        signingNonPublic: signing('non_public'),
        regional: {
          agreements: expectedFigures(inUnit, from, to, 'total', 'regional').agreements,
          enterprisesCovered: expectedFigures(inUnit, from, to, 'total', 'regional').enterprisesCovered,
        },
        industry: {
          agreements: expectedFigures(inUnit, from, to, 'total', 'industry').agreements,
          enterprisesCovered: expectedFigures(inUnit, from, to, 'total', 'industry').enterprisesCovered,
        },
      };
    }

    const rate = (count: { numerator: number; denominator: number }) =>
      count.denominator === 0 ? null : count.numerator / count.denominator;

    it.each([
      ['city', '2026-01-01', '2026-06-30'],
      ['county', '2025-07-01', '2025-12-31'],
    ])('gives the figures counted enterprise by enterprise (%s, %s – %s)', async (who, from, to) => {
      const as = who === 'city' ? city : jinshan;
      const inUnit = who === 'city' ? EVERYWHERE : IN_JINSHAN;
      const body = (await get('work-summary', as, { from, to }).expect(200)).body;
      const expected = expectedSummary(inUnit, from, to);
      expect(body.counts).toEqual(expected);
      expect(body).toMatchObject({
        from,
        to,
        unionsFounded: expected.unionsFounded,
        unionsFoundedNonPublic: expected.unionsFoundedNonPublic,
        membersAdded: expected.membersAdded,
        unionisationRate: { nonPublic: rate(expected.unionisationNonPublic) },
        signingRate: { state: rate(expected.signingState), nonPublic: rate(expected.signingNonPublic) },
        workersCongressRate: { nonPublic: rate(expected.workersCongressNonPublic) },
        regionalAgreements: expected.regional.agreements,
        industryAgreements: expected.industry.agreements,
      });
      expect(expected.membersAdded).toBeGreaterThan(0);
      expect(expected.unionsFounded).toBeGreaterThan(0);
    });

    it('states every figure in its paragraph', async () => {
      const body = (await get('work-summary', city, { from: '2026-01-01', to: '2026-06-30' }).expect(200))
        .body;
      const text = body.text as string;
      const c = body.counts;
      expect(text.startsWith('2026年上半年，全市新建工会组织')).toBe(true);
      expect(text).toContain(
        `新建工会组织${c.unionsFounded}个，其中非公企业工会${c.unionsFoundedNonPublic}个`,
      );
      expect(text).toContain(`新增会员${c.membersAdded}人`);
      const words = (count: { numerator: number; denominator: number }, target: number) => {
        if (count.denominator === 0) return '暂无可统计的企业';
        if (count.numerator / count.denominator >= target - 1e-9)
          return target === 1 ? '达到了100%' : `达到了${target * 100}%以上`;
        const percent = (count.numerator / count.denominator) * 100;
        const rounded = Math.round(percent * 10) / 10;
        return `为${(rounded >= target * 100 ? Math.floor(percent * 10) / 10 : rounded).toFixed(1)}%`;
      };
      expect(text).toContain(`非公企业的建会率${words(c.unionisationNonPublic, 0.9)}`);
      expect(text).toContain(
        `国有及国有控股企业的签订率${words(c.signingState, 1).replace(/^达到了/, '已经达到了')}`,
      );
      expect(text).toContain(`非公企业的签订率${words(c.signingNonPublic, 0.9)}`);
      expect(text).toContain(`职代会建制率${words(c.workersCongressNonPublic, 0.7)}`);
      expect(text).toContain(
        `区域性集体合同${c.regional.agreements}份，覆盖企业${c.regional.enterprisesCovered}家`,
      );
      expect(text).toContain(
        `行业性集体合同${c.industry.agreements}份，覆盖企业${c.industry.enterprisesCovered}家`,
      );
    });

    it('downloads the paragraph as a Word document', async () => {
      const query = { from: '2026-01-01', to: '2026-06-30' };
      const summary = (await get('work-summary', jinshan, query).expect(200)).body;
      const res = await get('work-summary.docx', jinshan, query).buffer(true).parse(binaryBody).expect(200);
      expect(res.headers['content-type']).toContain('wordprocessingml');
      expect(decodeURIComponent(res.headers['content-disposition'])).toContain(
        '工作总结_金山县_2026-01-01_2026-06-30.docx',
      );
      const xml = new PizZip(res.body as Buffer).file('word/document.xml')?.asText() ?? '';
      const words = xml.replace(/<[^>]+>/g, '');
      expect(words).toContain('2026年上半年工会工作总结（摘录）');
      expect(words).toContain('金山县');
      expect(words).toContain(summary.text);
      expect(summary.text).toContain('全县新建工会组织');
    });

    it('offers no other format', async () => {
      await get('work-summary.pdf', jinshan).expect(404);
    });
  });
});
