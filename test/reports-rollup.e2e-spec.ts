import { CoverageLedger } from '../src/reports/aggregates/coverage-ledger';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import request from 'supertest';
import { Enterprise } from '../src/enterprises/enterprise.entity';
import type { OwnershipType } from '../src/enterprises/domain/ownership';
import { Agreement } from '../src/negotiations/entities/agreement.entity';
import { Negotiation } from '../src/negotiations/entities/negotiation.entity';
import { NegotiationEnterprise } from '../src/negotiations/entities/negotiation-enterprise.entity';
import { OrgUnit } from '../src/org-units/org-unit.entity';
import { loadMailConfig } from '../src/reminders/mail.config';
import { ReminderSender } from '../src/reminders/reminder-sender';
import { ReportsRepository } from '../src/reports/reports.repository';
import { type OpenApiSchema, type OpenApiSchemas, shapeErrors } from './support/openapi-shape';
import { aCityOfTwoCounties, aUnitTree, type UnitSpec } from './support/org-tree';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, type TestApp } from './support/test-app';
import { binaryBody } from './support/binary-body';
import { aSignedInUser, type SignedInUser } from './support/users';

const AS_OF = '2026-06-30';
type Counts = { enterprises: number; covered: number; employees: number; employeesCovered: number };
type RateRow = Counts & {
  group: string;
  groupName?: string;
  target?: number;
  targetSource?: { id: number; name: string } | null;
};
const counts = ({ enterprises, covered, employees, employeesCovered }: Counts): Counts => ({
  enterprises,
  covered,
  employees,
  employeesCovered,
});
const sum = (rows: Counts[]): Counts =>
  rows.reduce(
    (total, row) => ({
      enterprises: total.enterprises + row.enterprises,
      covered: total.covered + row.covered,
      employees: total.employees + row.employees,
      employeesCovered: total.employeesCovered + row.employeesCovered,
    }),
    { enterprises: 0, covered: 0, employees: 0, employeesCovered: 0 },
  );

const BASES_AND_STATUSES = [
  { base: 'unionised', status: 'signed' },
  { base: 'unionised', status: 'in_force' },
  { base: 'all', status: 'signed' },
  { base: 'all', status: 'in_force' },
];

/**
 * Roll-up reports (docs/contract.md, Federation hierarchy): a report of a unit covers its
 * subtree, groupBy=orgUnit lists its children, whose rows sum to its total, and every row is
 * judged against the targets of the unit it covers. On 江川市 → 金山县 (金山镇, 万安镇),
 * 云岭县 (云岭镇, 石门镇, and one enterprise directly in the county), beside the root 本县.
 */
describe('Roll-up reports (e2e)', () => {
  let sink: SmtpSink;
  let sut: TestApp;
  let units: Record<string, OrgUnit>;
  let citySupervisor: SignedInUser;
  let jinshanSupervisor: SignedInUser;
  let yunlingSupervisor: SignedInUser;
  let deploymentAdmin: SignedInUser;
  let docs: {
    paths: Record<
      string,
      { get: { responses: Record<number, { content: Record<string, { schema: OpenApiSchema }> }> } }
    >;
    components: { schemas: OpenApiSchemas };
  };
  let sequence = 0;

  async function anEnterpriseIn(
    unit: OrgUnit,
    ownershipType: OwnershipType,
    employeeCount: number,
    unionised = true,
  ): Promise<number> {
    sequence += 1;
    const saved = await sut.dataSource.getRepository(Enterprise).save({
      name: `${unit.name}企业${sequence}`,
      creditCode: `ROLL${String(sequence).padStart(14, '0')}`,
      ownershipType,
      township: unit.name,
      community: null,
      industry: 'C',
      employeeCount,
      instructorId: null,
      unionFoundedOn: unionised ? '2020-01-01' : null,
      registeredOn: null,
      closedOn: null,
      orgUnitId: unit.id,
    });
    // Written past the app's write path: counted in the report aggregates as that path would.
    await sut.app.get(CoverageLedger).refresh(sut.dataSource.manager, [saved.id]);
    return saved.id;
  }

  /** A wage agreement signed 2025-01-01 for two years; in force from 2025-02-01 unless `effective` is false. */
  async function aWageAgreement(enterpriseIds: number[], effective: boolean | null = true): Promise<void> {
    const scope = enterpriseIds.length === 1 ? 'enterprise' : 'regional';
    const negotiation = await sut.dataSource.getRepository(Negotiation).save({
      agreementKind: 'wage',
      scope,
      title: null,
      stage: 'in_force',
      state: 'in_force',
      snapshot: {} as never,
      machineVersion: 2,
      ruleSetVersion: 'national-2004.1',
      version: 0,
      renewsId: null,
      createdOn: '2024-12-01',
      createdBy: null,
      historical: true,
    });
    await sut.dataSource
      .getRepository(NegotiationEnterprise)
      .insert(enterpriseIds.map((enterpriseId) => ({ negotiationId: negotiation.id, enterpriseId })));
    await sut.dataSource.getRepository(Agreement).save({
      negotiationId: negotiation.id,
      agreementKind: 'wage',
      scope,
      signedOn: '2025-01-01',
      effectiveOn: effective ? '2025-02-01' : effective === null ? '2026-08-01' : null,
      expiresOn: '2027-01-01',
      terminatedOn: null,
      setAsideOn: null,
      termMonths: 24,
      coveredEmployees: 100,
      wageIncreasePct: 5,
      minimumWage: null,
    });
    await sut.app.get(CoverageLedger).refresh(sut.dataSource.manager, enterpriseIds);
  }

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    sut = await createTestApp({ mail: { ...loadMailConfig({}), smtpUrl: sink.url } });
    units = await aCityOfTwoCounties(sut);
    const as = (role: 'supervisor' | 'admin', unit: OrgUnit | null) =>
      aSignedInUser(sut, role, { orgUnitId: unit?.id ?? null });
    citySupervisor = await as('supervisor', units['江川市']);
    jinshanSupervisor = await as('supervisor', units['金山县']);
    yunlingSupervisor = await as('supervisor', units['云岭县']);
    deploymentAdmin = await as('admin', null);

    const a1 = await anEnterpriseIn(units['金山镇'], 'private', 100);
    const a2 = await anEnterpriseIn(units['金山镇'], 'state_owned', 50);
    await anEnterpriseIn(units['金山镇'], 'private', 30, false);
    const a4 = await anEnterpriseIn(units['金山镇'], 'private', 70);
    const b1 = await anEnterpriseIn(units['万安镇'], 'state_controlled', 200);
    await anEnterpriseIn(units['万安镇'], 'foreign', 20);
    const c1 = await anEnterpriseIn(units['云岭镇'], 'private', 40);
    await anEnterpriseIn(units['云岭镇'], 'collective', 15);
    const d1 = await anEnterpriseIn(units['石门镇'], 'private', 60);
    await anEnterpriseIn(units['石门镇'], 'hk_macao_taiwan', 25, false);
    const e1 = await anEnterpriseIn(units['云岭县'], 'private', 35); // directly in the county
    await anEnterpriseIn(await rootCounty(), 'private', 999); // in the other root, 本县
    await aWageAgreement([a1]);
    await aWageAgreement([a2], false);
    await aWageAgreement([b1]);
    await aWageAgreement([c1]);
    await aWageAgreement([e1], false);
    await aWageAgreement([a4, d1]); // regional, across the two counties

    docs = (await request(sut.http).get('/api/docs-json').expect(200)).body;
  }, 120_000);
  afterAll(async () => {
    await sut.close();
    await sink.stop();
  });

  async function rootCounty(): Promise<OrgUnit> {
    return sut.dataSource.getRepository(OrgUnit).findOneByOrFail({ code: '999999000000' });
  }

  const get = (path: string, as: SignedInUser, query: Record<string, string | number> = {}) =>
    request(sut.http).get(`/api/v1/reports/${path}`).query(query).set(as.auth);

  const rates = async (as: SignedInUser, query: Record<string, string | number>) =>
    (await get('signing-rates', as, { asOf: AS_OF, ...query }).expect(200)).body as {
      orgUnit: { id: number; code: string; name: string; level: string } | null;
      rows: RateRow[];
      total: Counts;
    };

  describe('groupBy=orgUnit', () => {
    it.each(BASES_AND_STATUSES)(
      'gives the city one row per county, summing to its total ($base, $status)',
      async (query) => {
        const report = await rates(citySupervisor, { ...query, groupBy: 'orgUnit' });
        expect(report.orgUnit).toEqual({
          id: units['江川市'].id,
          code: '990100000000',
          name: '江川市',
          level: 'city',
        });
        expect(report.rows.map((row) => [row.group, row.groupName])).toEqual([
          [String(units['金山县'].id), '金山县'],
          [String(units['云岭县'].id), '云岭县'],
        ]);
        expect(sum(report.rows)).toEqual(counts(report.total));
        // Each county's row is the county's own report, drilled down to its townships.
        for (const row of report.rows) {
          const county = await rates(citySupervisor, { ...query, groupBy: 'orgUnit', orgUnitId: row.group });
          expect(counts(county.total)).toEqual(counts(row));
          expect(sum(county.rows)).toEqual(counts(county.total));
        }
      },
    );

    it('drills a county down to its townships, with the enterprises directly in it as 本级直属, last', async () => {
      const jinshan = await rates(citySupervisor, { groupBy: 'orgUnit', orgUnitId: units['金山县'].id });
      expect(jinshan.rows.map((row) => [row.groupName, counts(row)])).toEqual([
        // 金山镇: 3 unionised (a1 covered, a2 signed-only, a4 regional), 30 not unionised
        ['金山镇', { enterprises: 3, covered: 3, employees: 220, employeesCovered: 220 }],
        ['万安镇', { enterprises: 2, covered: 1, employees: 220, employeesCovered: 200 }],
      ]);
      const yunling = await rates(citySupervisor, {
        groupBy: 'orgUnit',
        orgUnitId: units['云岭县'].id,
        status: 'in_force',
      });
      expect(yunling.rows.map((row) => [row.group, row.groupName, row.enterprises, row.covered])).toEqual([
        [String(units['云岭镇'].id), '云岭镇', 2, 1],
        [String(units['石门镇'].id), '石门镇', 1, 1],
        ['none', '本级直属', 1, 0], // e1's agreement has not taken effect
      ]);
      expect(sum(yunling.rows)).toEqual(counts(yunling.total));
    });

    it('sums union founding the same way', async () => {
      const res = await get('union-founding', citySupervisor, { asOf: AS_OF, groupBy: 'orgUnit' }).expect(
        200,
      );
      expect(
        res.body.rows.map((row: { groupName: string; enterprises: number; unionised: number }) => [
          row.groupName,
          row.enterprises,
          row.unionised,
        ]),
      ).toEqual([
        ['金山县', 6, 5],
        ['云岭县', 5, 4],
      ]);
      expect(res.body.total).toMatchObject({ enterprises: 11, unionised: 9 });
    });

    it('sums the monthly trend the same way, month by month', async () => {
      const res = await get('trend', citySupervisor, {
        from: '2025-01',
        to: '2025-03',
        groupBy: 'orgUnit',
      }).expect(200);
      expect(res.body.series.map((series: { groupName: string }) => series.groupName)).toEqual([
        '金山县',
        '云岭县',
      ]);
      expect(res.body.total).toHaveLength(3);
      for (const series of res.body.series) expect(series.points).toHaveLength(3);
      res.body.total.forEach((point: { enterprises: number; covered: number }, i: number) => {
        const parts = res.body.series.map(
          (series: { points: { enterprises: number; covered: number }[] }) => series.points[i],
        );
        expect(parts.reduce((n: number, p: { enterprises: number }) => n + p.enterprises, 0)).toBe(
          point.enterprises,
        );
        expect(parts.reduce((n: number, p: { covered: number }) => n + p.covered, 0)).toBe(point.covered);
      });
    });

    it('lists the roots for a user of the whole deployment when it has several', async () => {
      const report = await rates(deploymentAdmin, { groupBy: 'orgUnit' });
      expect(report.orgUnit).toBeNull();
      expect(report.rows.map((row) => row.groupName)).toEqual(['江川市', '本县']);
      expect(sum(report.rows)).toEqual(counts(report.total));
    });

    it('refuses groupBy=orgUnit on a township (no children), naming groupBy', async () => {
      const res = await get('signing-rates', citySupervisor, {
        groupBy: 'orgUnit',
        orgUnitId: units['金山镇'].id,
      }).expect(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'groupBy' })]);
      expect(JSON.stringify(res.body)).toContain('下级单位');
    });

    it('answers in the documented shape', async () => {
      for (const [path, query] of [
        ['signing-rates', { groupBy: 'orgUnit' }],
        ['union-founding', { groupBy: 'orgUnit' }],
        ['trend', { groupBy: 'orgUnit', from: '2026-01', to: '2026-02' }],
        ['target-gaps', { sector: 'non_public' }],
        ['agreements', {}],
      ] as const) {
        const res = await get(path, citySupervisor, query).expect(200);
        const schema =
          docs.paths[`/api/v1/reports/${path}`].get.responses[200].content['application/json'].schema;
        expect({ path, errors: shapeErrors(res.body, schema, docs.components.schemas) }).toEqual({
          path,
          errors: [],
        });
      }
      const nullUnit = await get('signing-rates', deploymentAdmin, { groupBy: 'orgUnit' }).expect(200);
      const schema =
        docs.paths['/api/v1/reports/signing-rates'].get.responses[200].content['application/json'].schema;
      expect(shapeErrors(nullUnit.body, schema, docs.components.schemas)).toEqual([]);
    });
  });

  describe('the unit of a report', () => {
    it('sees whether an enterprise lies outside a subtree (a root holding them all reports unrestricted)', async () => {
      const reports = sut.app.get(ReportsRepository);
      const idsOf = async (unit: OrgUnit) =>
        (await sut.dataSource.getRepository(OrgUnit).find())
          .filter((u) => u.path.startsWith(unit.path))
          .map((u) => u.id);
      const city = await idsOf(units['江川市']);
      const root = await rootCounty();
      // 本县, the other root, holds one enterprise: outside the city's subtree, inside its own and both.
      expect(await reports.anyEnterpriseOutside(city)).toBe(true);
      expect(await reports.anyEnterpriseOutside([...city, ...(await idsOf(root))])).toBe(false);
      // Ids given in any order, with gaps: the ranges and the IN list together keep exactly them.
      const spread = [...city, ...(await idsOf(root))].reverse();
      expect(await reports.anyEnterpriseOutside(spread.filter((_, i) => i % 2 === 0))).toBe(true);
      // The city's supervisor still sees only the city (the other root's 999 employees are not in it).
      expect((await rates(citySupervisor, { base: 'all' })).total.employees).toBeLessThan(999);
    });

    it("defaults to the caller's unit", async () => {
      const own = await rates(jinshanSupervisor, {});
      expect(own.orgUnit).toMatchObject({ id: units['金山县'].id, name: '金山县', level: 'county' });
      const fromCity = await rates(citySupervisor, { orgUnitId: units['金山县'].id });
      expect(counts(own.total)).toEqual(counts(fromCity.total));
      expect(own.total.enterprises).toBe(5);
    });

    it.each([
      ['signing-rates', {}],
      ['signing-rates.csv', {}],
      ['target-gaps', { sector: 'non_public' }],
      ['union-founding', {}],
      ['agreements', {}],
      ['trend', { from: '2026-01', to: '2026-02' }],
    ])(
      "answers 404 ORG_UNIT.NOT_FOUND for a sibling county's %s, and for an unknown unit",
      async (path, query) => {
        const sibling = await get(path, jinshanSupervisor, {
          ...query,
          orgUnitId: units['云岭县'].id,
        }).expect(404);
        expect(sibling.body.code).toBe('ORG_UNIT.NOT_FOUND');
        const up = await get(path, jinshanSupervisor, { ...query, orgUnitId: units['江川市'].id }).expect(
          404,
        );
        expect(up.body.code).toBe('ORG_UNIT.NOT_FOUND');
        const unknown = await get(path, citySupervisor, { ...query, orgUnitId: 987654 }).expect(404);
        expect(unknown.body.code).toBe('ORG_UNIT.NOT_FOUND');
      },
    );

    it('restricts the target gaps and agreements to the unit', async () => {
      const gaps = await get('target-gaps', yunlingSupervisor, {
        asOf: AS_OF,
        sector: 'non_public',
        base: 'all',
      }).expect(200);
      expect(gaps.body.orgUnit).toMatchObject({ name: '云岭县' });
      expect(gaps.body.items.map((item: { township: string }) => item.township).sort()).toEqual(['石门镇']);
      const agreements = await get('agreements', yunlingSupervisor, { asOf: AS_OF }).expect(200);
      // In force: c1's and the regional one that lists d1 (and a4, of 金山县, not counted here).
      expect(agreements.body.total).toMatchObject({ agreements: 2, enterprisesCovered: 2 });
      const city = await get('agreements', citySupervisor, { asOf: AS_OF }).expect(200);
      // a1's, b1's, c1's and the regional one; a2's and e1's have not taken effect.
      expect(city.body.total).toMatchObject({ agreements: 4, enterprisesCovered: 5 });
    });
  });

  describe('targets per unit', () => {
    beforeAll(async () => {
      const repo = sut.dataSource.getRepository(OrgUnit);
      await repo.update({ id: units['江川市'].id }, { targetNonPublic: 0.8 });
      await repo.update({ id: units['金山县'].id }, { targetState: 0.95 });
    });
    afterAll(async () => {
      await sut.dataSource
        .getRepository(OrgUnit)
        .update({ id: units['江川市'].id }, { targetNonPublic: null });
      await sut.dataSource.getRepository(OrgUnit).update({ id: units['金山县'].id }, { targetState: null });
    });

    const targetOf = (report: { rows: RateRow[] }, sector: string) => {
      const row = report.rows.find((r) => r.group === sector)!;
      return [row.target, row.targetSource?.name ?? null];
    };

    it('judges each sector against the targets of the unit, inherited from the nearest ancestor that sets one', async () => {
      const jinshan = await rates(jinshanSupervisor, {});
      expect(targetOf(jinshan, 'state')).toEqual([0.95, '金山县']);
      expect(targetOf(jinshan, 'non_public')).toEqual([0.8, '江川市']);
      const yunling = await rates(yunlingSupervisor, {});
      expect(targetOf(yunling, 'state')).toEqual([1, null]); // the deployment default
      expect(targetOf(yunling, 'non_public')).toEqual([0.8, '江川市']);
      const root = await rates(deploymentAdmin, { orgUnitId: (await rootCounty()).id });
      expect(targetOf(root, 'non_public')).toEqual([0.9, null]);
      const row = yunling.rows.find((r) => r.group === 'non_public')!;
      expect(row.targetSource).toEqual({ id: units['江川市'].id, name: '江川市' });
    });

    it('gives the target gaps the target of the unit and its source', async () => {
      const res = await get('target-gaps', yunlingSupervisor, { asOf: AS_OF, sector: 'non_public' }).expect(
        200,
      );
      expect(res.body).toMatchObject({
        target: 0.8,
        targetSource: { id: units['江川市'].id, name: '江川市' },
      });
      const collective = await get('target-gaps', yunlingSupervisor, {
        asOf: AS_OF,
        sector: 'collective',
      }).expect(200);
      expect(collective.body).toMatchObject({ target: null, targetSource: null });
    });

    it('names the unit and the source of each target in the exports', async () => {
      const res = await get('signing-rates.csv', jinshanSupervisor, { asOf: AS_OF })
        .buffer(true)
        .parse(binaryBody)
        .expect(200);
      const lines = (res.body as Buffer).toString('utf8').slice(1).split('\r\n');
      expect(lines[0]).toContain('单位: 金山县（990101000000）');
      expect(lines[1]).toMatch(/,目标来源$/);
      expect(lines.find((line) => line.startsWith('国有及国有控股企业'))).toMatch(
        /,95\.0%,[是否],\d+,金山县$/,
      );
      expect(lines.find((line) => line.startsWith('非公企业'))).toMatch(/,80\.0%,[是否],\d+,江川市$/);

      const gaps = await get('target-gaps.csv', yunlingSupervisor, { asOf: AS_OF, sector: 'non_public' })
        .buffer(true)
        .parse(binaryBody)
        .expect(200);
      const title = (gaps.body as Buffer).toString('utf8').slice(1).split('\r\n')[0];
      expect(title).toContain('单位: 云岭县（990102000000）');
      expect(title).toContain('目标来源: 江川市');
    });

    it('names the child units in an export grouped by unit (XLSX)', async () => {
      const res = await get('union-founding.xlsx', citySupervisor, { asOf: AS_OF, groupBy: 'orgUnit' })
        .buffer(true)
        .parse(binaryBody)
        .expect(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Uint8Array.from(res.body as Buffer).buffer);
      const sheet = book.worksheets[0];
      expect(String(sheet.getCell('A1').value)).toContain('单位: 江川市（990100000000）');
      const groups: string[] = [];
      sheet.eachRow((row, n) => {
        if (n > 2) groups.push(String(row.getCell(1).value));
      });
      expect(groups).toEqual(['金山县', '云岭县', '合计']);
    });
  });

  describe('the supervisors’ weekly summary', () => {
    it('goes to each supervisor for their unit, naming it, with the figures of its report', async () => {
      sink.clear();
      await request(sut.http).post('/api/v1/reminders/run').set(deploymentAdmin.auth).expect(200);
      await sut.app.get(ReminderSender).deliverDue();
      for (const [supervisor, name] of [
        [citySupervisor, '江川市'],
        [jinshanSupervisor, '金山县'],
        [yunlingSupervisor, '云岭县'],
      ] as const) {
        const mail = sink.received.find((m) => m.to === `${supervisor.username}@example.cn`)!;
        expect(mail).toBeDefined();
        expect(mail.subject).toMatch(new RegExp(`^【周报·${name}】`));
        expect(mail.text).toContain(`以下是${name}截至`);
        expect(mail.html).toContain(name);
        const report = (await get('signing-rates', supervisor).expect(200)).body;
        expect(mail.text).toContain(
          `- 合计：应签 ${report.total.enterprises} 家，已签 ${report.total.covered} 家`,
        );
      }
    });
  });

  describe('on random trees (property, through the database)', () => {
    const enterpriseArb = fc.record({
      /** The township (by index), or the county directly (-1). */
      township: fc.integer({ min: -1, max: 8 }),
      county: fc.nat(),
      ownershipType: fc.constantFrom<OwnershipType>(
        'state_owned',
        'collective',
        'private',
        'foreign',
        'other',
      ),
      employees: fc.integer({ min: 0, max: 300 }),
      unionised: fc.boolean(),
      /** Covered by an agreement in force, signed only, signed after asOf, or not at all. */
      agreement: fc.constantFrom(true, false, null, undefined),
    });
    const caseArb = fc.record({
      townships: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3 }),
      enterprises: fc.array(enterpriseArb, { maxLength: 25 }),
      base: fc.constantFrom('unionised', 'all'),
      status: fc.constantFrom('signed', 'in_force'),
    });
    let run = 0;

    it('children sum to their parent at every level, and each child row is that child’s own report', async () => {
      await fc.assert(
        fc.asyncProperty(caseArb, async ({ townships, enterprises, base, status }) => {
          run += 1;
          const city = `9${String(100 + run).padStart(3, '0')}`;
          const spec: UnitSpec = {
            code: `${city}00`,
            name: `随机市${run}`,
            children: townships.map((count, c) => ({
              code: `${city}${String(c + 1).padStart(2, '0')}`,
              name: `随机市${run}县${c + 1}`,
              children: Array.from({ length: count }, (_, t) => ({
                code: `${city}${String(c + 1).padStart(2, '0')}${String(t + 1).padStart(3, '0')}`,
                name: `随机市${run}县${c + 1}镇${t + 1}`,
              })),
            })),
          };
          const tree = await aUnitTree(sut, spec, 'city');
          const counties = spec.children!.map((county) => tree[county.name]);
          for (const e of enterprises) {
            const c = e.county % counties.length;
            const towns = spec.children![c].children ?? [];
            const unit =
              e.township < 0 || towns.length === 0
                ? counties[c]
                : tree[towns[e.township % towns.length].name];
            const id = await anEnterpriseIn(unit, e.ownershipType, e.employees, e.unionised);
            if (e.agreement !== undefined) await aWageAgreement([id], e.agreement);
          }
          const query = { asOf: AS_OF, base, status };
          const check = async (unit: OrgUnit, spec: UnitSpec): Promise<Counts> => {
            if (!spec.children?.length) {
              if (unit.level === 'township') {
                return counts((await rates(deploymentAdmin, { ...query, orgUnitId: unit.id })).total);
              }
            }
            const report = await rates(deploymentAdmin, { ...query, orgUnitId: unit.id, groupBy: 'orgUnit' });
            expect(sum(report.rows)).toEqual(counts(report.total));
            const children = spec.children ?? [];
            expect(report.rows.filter((row) => row.group !== 'none').map((row) => row.groupName)).toEqual(
              children.map((child) => child.name),
            );
            for (const child of children) {
              const row = report.rows.find((r) => r.groupName === child.name)!;
              expect(await check(tree[child.name], child)).toEqual(counts(row));
            }
            return counts(report.total);
          };
          await check(tree[spec.name], spec);
        }),
        {
          numRuns: Number(process.env.ROLLUP_PROPERTY_RUNS ?? 12),
          seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined,
        },
      );
    }, 180_000);
  });
});
