import ExcelJS from 'exceljs';
import request from 'supertest';
import { Clock } from '../src/common/clock/clock';
import { ReportsRepository } from '../src/reports/reports.repository';
import { anEnterprise } from './support/factories';
import { SEED_COUNTY_EXPECTED as EXPECTED } from './support/seed-county-fixture';
import { createTestApp, TestApp } from './support/test-app';
import { type OpenApiSchema, type OpenApiSchemas, shapeErrors } from './support/openapi-shape';
import { aSignedInUser, SignedInUser } from './support/users';
import { binaryBody } from './support/binary-body';
import { LoadedCounty, loadSeedCounty } from './support/seed-county';

type Row = {
  group: string;
  enterprises: number;
  covered: number;
  employees: number;
  employeesCovered: number;
};
const counts = (row: Row) => [row.enterprises, row.covered, row.employees, row.employeesCovered];

/** The seed county, loaded through the API, gives the figures worked out by hand. */
describe('Reports (e2e)', () => {
  let sut: TestApp;
  let admin: SignedInUser;
  let supervisor: SignedInUser;
  let county: LoadedCounty;

  beforeAll(async () => {
    sut = await createTestApp();
    admin = await aSignedInUser(sut, 'admin');
    supervisor = await aSignedInUser(sut, 'supervisor');
    county = await loadSeedCounty(sut, admin);
  }, 120_000);
  afterAll(() => sut.close());

  const get = (path: string, query: Record<string, string> = {}, as = supervisor) =>
    request(sut.http).get(`/api/v1/reports/${path}`).query(query).set(as.auth);

  describe('GET /api/v1/reports/signing-rates', () => {
    it.each([
      ['unionised base, signed', {}, EXPECTED.signingRates.unionisedSigned],
      ['unionised base, in force', { status: 'in_force' }, EXPECTED.signingRates.unionisedInForce],
      ['all open enterprises, signed', { base: 'all' }, EXPECTED.signingRates.allSigned],
    ])('reproduces the county by sector: %s', async (_case, query, expected) => {
      const res = await get('signing-rates', { asOf: EXPECTED.asOf, ...query }).expect(200);
      expect(res.body).toMatchObject({ asOf: EXPECTED.asOf, agreementKind: 'wage', groupBy: 'sector' });
      const bySector = Object.fromEntries(res.body.rows.map((row: Row) => [row.group, counts(row)]));
      expect(bySector).toEqual(expected.rows);
      expect(counts(res.body.total)).toEqual(expected.total);
      const shortBy = Object.fromEntries(
        res.body.rows
          .filter((row: { target?: number }) => row.target !== undefined)
          .map((row: { group: string; shortBy: number }) => [row.group, row.shortBy]),
      );
      expect(shortBy).toEqual(expected.shortBy);
    });

    it('states targets and whether they are met: state 100 %, non-public 90 %', async () => {
      const res = await get('signing-rates', { asOf: EXPECTED.asOf }).expect(200);
      const state = res.body.rows.find((row: Row) => row.group === 'state');
      const nonPublic = res.body.rows.find((row: Row) => row.group === 'non_public');
      expect(state).toMatchObject({ rate: 1, target: 1, meetsTarget: true, shortBy: 0 });
      expect(nonPublic).toMatchObject({ target: 0.9, meetsTarget: true, shortBy: 0 });
      expect(nonPublic.rate).toBeCloseTo(19 / 21, 10);
      expect(res.body.rows.find((row: Row) => row.group === 'collective').target).toBeUndefined();
    });

    it('reports an empty group with null rates and zero counts', async () => {
      const res = await get('signing-rates', { asOf: '2000-01-01' }).expect(200);
      for (const row of [...res.body.rows, res.body.total]) {
        expect(row).toMatchObject({ enterprises: 0, covered: 0, rate: null, employeeRate: null });
      }
    });

    it('groups by township, ownership type, industry and instructor with the same totals', async () => {
      for (const groupBy of ['township', 'ownershipType', 'industry', 'instructor']) {
        const res = await get('signing-rates', { asOf: EXPECTED.asOf, groupBy }).expect(200);
        expect(counts(res.body.total)).toEqual(EXPECTED.signingRates.unionisedSigned.total);
      }
      const townships = await get('signing-rates', { asOf: EXPECTED.asOf, groupBy: 'township' });
      expect(townships.body.rows.map((row: Row) => row.group)).toEqual(['万安镇', '蟠龙镇', '金山镇'].sort());
    });

    it('gives an instructor their own portfolio only', async () => {
      const instructor = county.instructors.get(3)!;
      const mine = await get(
        'signing-rates',
        { asOf: EXPECTED.asOf, groupBy: 'instructor' },
        instructor,
      ).expect(200);
      expect(mine.body.rows.map((row: Row) => row.group)).toEqual([String(instructor.id)]);
      expect(mine.body.total.enterprises).toBeLessThan(EXPECTED.signingRates.unionisedSigned.total[0]);
    });

    it('does not change a past report when later events are recorded after its date', async () => {
      const before = (await get('signing-rates', { asOf: '2026-03-31' })).body;
      const gap = county.enterprises.get(27)!;
      await request(sut.http)
        .post('/api/v1/agreements/historical')
        .set(admin.auth)
        .send({
          agreementKind: 'wage',
          scope: 'enterprise',
          enterpriseIds: [gap],
          signedOn: '2026-08-01',
          effectiveOn: '2026-08-20',
          expiresOn: '2027-08-20',
          coveredEmployees: 60,
        })
        .expect(201);
      const after = (await get('signing-rates', { asOf: '2026-03-31' })).body;
      expect(after).toEqual(before);
      const later = (await get('signing-rates', { asOf: '2026-09-01' })).body;
      expect(later.total.covered).toBeGreaterThan(before.total.covered);
    });

    it.each([
      [{ groupBy: 'city' }, 'groupBy'],
      [{ base: 'some' }, 'base'],
      [{ status: 'draft' }, 'status'],
      [{ asOf: '2026-02-30' }, 'asOf'],
      [{ agreementKind: 'pay' }, 'agreementKind'],
    ])('answers 422 for %o', async (query, field) => {
      const res = await get('signing-rates', query).expect(422);
      expect(res.body.errors[0].field).toBe(field);
    });
  });

  describe('GET /api/v1/reports/target-gaps', () => {
    it.each([
      ['non_public', {}, EXPECTED.targetGaps.nonPublicSigned],
      ['non_public', { status: 'in_force' }, EXPECTED.targetGaps.nonPublicInForce],
      ['state', { status: 'in_force' }, EXPECTED.targetGaps.stateInForce],
    ])('lists the uncovered %s enterprises, largest first (%o)', async (sector, query, expected) => {
      const res = await get('target-gaps', { asOf: '2026-06-30', sector, ...query }).expect(200);
      const fixtureIds = [...county.enterprises].reduce(
        (m, [f, id]) => m.set(id, f),
        new Map<number, number>(),
      );
      expect(res.body.shortBy).toBe(expected.shortBy);
      expect(
        res.body.items.map((item: { enterpriseId: number }) => fixtureIds.get(item.enterpriseId)),
      ).toEqual(expected.ids);
    });

    it('names the open negotiation of an uncovered enterprise', async () => {
      const res = await get('target-gaps', {
        asOf: '2026-06-30',
        sector: 'non_public',
        status: 'in_force',
      }).expect(200);
      const underReview = res.body.items.find(
        (item: { enterpriseId: number }) => item.enterpriseId === county.enterprises.get(12),
      );
      expect(underReview.openNegotiation).toMatchObject({ stage: 'filing' });
      expect(underReview).toMatchObject({
        ownershipType: 'private',
        employeeCount: 85,
        instructorId: county.instructors.get(1)!.id,
      });
    });

    it("counts the sector's uncovered enterprises as total: its signing-rate row's enterprises less covered", async () => {
      const query = { asOf: '2026-06-30', status: 'in_force' };
      const rates = (await get('signing-rates', query).expect(200)).body;
      for (const sector of ['state', 'collective', 'non_public', 'other']) {
        const row = rates.rows.find((r: Row) => r.group === sector);
        const gaps = (await get('target-gaps', { ...query, sector }).expect(200)).body;
        expect({ sector, total: gaps.total }).toEqual({ sector, total: row.enterprises - row.covered });
        expect(gaps.items).toHaveLength(gaps.total);
      }
    });

    it.each([
      [{ pageSize: '201' }, 'pageSize'],
      [{ pageSize: '0' }, 'pageSize'],
      [{ pageSize: 'ten' }, 'pageSize'],
      [{ page: '0' }, 'page'],
      [{ page: '1.5' }, 'page'],
    ])('answers 422 naming the field in Chinese for %o', async (query, field) => {
      const res = await get('target-gaps', query).expect(422);
      expect(res.body.code).toBe('REQUEST.VALIDATION_FAILED');
      expect(res.body.errors).toEqual([
        {
          field,
          message:
            field === 'page' ? 'page（页码）须为 1 或以上的整数' : 'pageSize（每页条数）须为 1 至 200 的整数',
        },
      ]);
    });
  });

  it('GET /api/v1/reports/union-founding counts unionised among open enterprises', async () => {
    const res = await get('union-founding', { asOf: '2026-06-30' }).expect(200);
    const bySector = Object.fromEntries(
      res.body.rows.map((row: { group: string; enterprises: number; unionised: number }) => [
        row.group,
        [row.enterprises, row.unionised],
      ]),
    );
    expect(bySector).toEqual(EXPECTED.unionFounding.rows);
    expect([res.body.total.enterprises, res.body.total.unionised]).toEqual(EXPECTED.unionFounding.total);
  });

  it('GET /api/v1/reports/agreements counts agreements in force by scope', async () => {
    const res = await get('agreements', { asOf: '2026-06-30' }).expect(200);
    expect([...res.body.rows, res.body.total]).toEqual(EXPECTED.agreementsByScope);
  });

  it('GET /api/v1/reports/trend gives one point per month, on its last day', async () => {
    const res = await get('trend', { from: '2026-01', to: '2026-06' }).expect(200);
    expect(res.body.months).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    const state = res.body.series.find((s: { group: string }) => s.group === 'state');
    expect(
      state.points.map((p: { covered: number; enterprises: number }) => [p.covered, p.enterprises]),
    ).toEqual(EXPECTED.trend.state);
    expect(state.points[1].asOf).toBe('2026-02-28');
    const nonPublic = res.body.series.find((s: { group: string }) => s.group === 'non_public');
    expect([nonPublic.points[0].covered, nonPublic.points[0].enterprises]).toEqual(
      EXPECTED.trend.nonPublicJanuary,
    );
    expect([nonPublic.points[5].covered, nonPublic.points[5].enterprises]).toEqual(
      EXPECTED.trend.nonPublicJune,
    );
    await get('trend', { from: '2026-07', to: '2026-01' }).expect(422);
    await get('trend', { from: '2026-13' }).expect(422);
  });

  describe('GET /api/v1/reports/trend on a day in the middle of a month', () => {
    // 2026-06-15, 12:00 in Shanghai (the business time zone).
    beforeEach(() => jest.spyOn(sut.app.get(Clock), 'now').mockReturnValue(new Date('2026-06-15T04:00:00Z')));
    afterEach(() => jest.restoreAllMocks());

    it('measures the current month as of today, marked partial, agreeing with the signing rates of today', async () => {
      const trend = (await get('trend', { from: '2026-04', to: '2026-09' }).expect(200)).body;
      expect(trend.months).toEqual(['2026-04', '2026-05', '2026-06']);
      expect(trend.total.map((p: { asOf: string; partial: boolean }) => [p.asOf, p.partial])).toEqual([
        ['2026-04-30', false],
        ['2026-05-31', false],
        ['2026-06-15', true],
      ]);
      const today = (await get('signing-rates').expect(200)).body;
      expect(today.asOf).toBe('2026-06-15');
      const last = trend.total[2];
      expect([last.covered, last.enterprises, last.rate]).toEqual([
        today.total.covered,
        today.total.enterprises,
        today.total.rate,
      ]);
      for (const series of trend.series) {
        const row = today.rows.find((r: Row) => r.group === series.group);
        expect([series.points[2].covered, series.points[2].enterprises]).toEqual([
          row.covered,
          row.enterprises,
        ]);
      }
    });

    it('ends the default twelve months with the current month, as of today', async () => {
      const trend = (await get('trend').expect(200)).body;
      expect(trend.months).toHaveLength(12);
      expect(trend.months[11]).toBe('2026-06');
      expect(trend.total[11]).toMatchObject({ month: '2026-06', asOf: '2026-06-15', partial: true });
      expect(trend.total[10]).toMatchObject({ month: '2026-05', asOf: '2026-05-31', partial: false });
    });

    it('refuses a range that has not begun yet, naming from', async () => {
      const res = await get('trend', { from: '2026-07', to: '2026-12' }).expect(422);
      expect(res.body.errors[0].field).toBe('from');
    });

    it("heads the current month's column of the download with the day it is measured on", async () => {
      const res = await get('trend.csv', { from: '2026-05', to: '2026-06' }).expect(200);
      expect(res.text.split('\r\n')[1]).toBe('分组,2026-05,2026-06（截至2026-06-15）');
    });
  });

  describe('the JSON answers, against the OpenAPI document (the web types are generated from it)', () => {
    const asOf = '2026-06-30';
    const cases: Array<[string, Record<string, string>]> = [
      ...['sector', 'ownershipType', 'township', 'industry', 'instructor'].map(
        (groupBy): [string, Record<string, string>] => ['signing-rates', { asOf, groupBy }],
      ),
      ['signing-rates', { asOf, base: 'all', status: 'in_force' }],
      ['signing-rates', { asOf: '2000-01-01' }],
      ...['state', 'collective', 'non_public', 'other'].map((sector): [string, Record<string, string>] => [
        'target-gaps',
        { asOf, sector, status: 'in_force' },
      ]),
      ['union-founding', { asOf }],
      ['union-founding', { asOf, groupBy: 'instructor' }],
      ['union-founding', { asOf: '2000-01-01' }],
      ['agreements', { asOf }],
      ['agreements', { asOf: '2000-01-01' }],
      ['trend', { from: '2026-01', to: '2026-06' }],
      ['trend', { from: '2026-01', to: '2026-03', groupBy: 'township', base: 'all' }],
    ];

    it('answers every report in exactly its documented shape', async () => {
      const docs = (await request(sut.http).get('/api/docs-json').expect(200)).body as {
        paths: Record<
          string,
          { get: { responses: { 200: { content: { 'application/json': { schema: OpenApiSchema } } } } } }
        >;
        components: { schemas: OpenApiSchemas };
      };
      const answers: string[] = [];
      for (const [path, query] of cases) {
        const res = await get(path, query).expect(200);
        const schema =
          docs.paths[`/api/v1/reports/${path}`].get.responses[200].content['application/json'].schema;
        expect({ path, query, errors: shapeErrors(res.body, schema, docs.components.schemas) }).toEqual({
          path,
          query,
          errors: [],
        });
        answers.push(JSON.stringify(res.body));
      }
      // The cases reach both sides of what the schemas make optional or nullable.
      for (const seen of ['"target":', '"openNegotiation":', '"rate":null', '"avgWageIncreasePct":null']) {
        expect({ seen, found: answers.some((answer) => answer.includes(seen)) }).toEqual({
          seen,
          found: true,
        });
      }
      expect(answers.some((answer) => /"instructorId":\d/.test(answer))).toBe(true);
      expect(answers.some((answer) => /"avgWageIncreasePct":\d/.test(answer))).toBe(true);
    });
  });

  describe('downloads', () => {
    it('serves a UTF-8 CSV with a BOM, a title row with the parameters and Chinese headers', async () => {
      const res = await get('signing-rates.csv', { asOf: '2026-06-30' }).buffer(true).parse(binaryBody);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(res.headers['content-disposition']).toContain('attachment');
      const body = res.body as Buffer;
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = body.toString('utf8').slice(1).split('\r\n');
      expect(lines[0]).toContain('单位: 本县（999999000000）');
      expect(lines[0]).toContain('截至日期: 2026-06-30');
      expect(lines[0]).toContain('工资专项集体合同');
      expect(lines[1]).toBe(
        '分组,应签企业数,已签企业数,签订率,职工人数,覆盖职工数,职工覆盖率,目标,是否达标,差额(家),目标来源',
      );
      expect(lines[2]).toBe('国有及国有控股企业,4,4,100.0%,575,575,100.0%,100.0%,是,0,默认目标');
      expect(lines).toContain('合计,28,24,85.7%,2278,2138,93.9%,,,,');
    });

    it('serves an XLSX workbook that Excel (exceljs) reads back with the same figures', async () => {
      const res = await get('signing-rates.xlsx', { asOf: '2026-06-30', groupBy: 'township' })
        .buffer(true)
        .parse(binaryBody);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      // Named after its grouping and the day it describes, not the day it was downloaded.
      expect(res.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent('集体合同签订率_按乡镇(街道)_2026-06-30.xlsx')}`,
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Uint8Array.from(res.body as Buffer).buffer);
      const sheet = workbook.worksheets[0];
      expect(String(sheet.getCell('A1').value)).toContain('分组: 乡镇(街道)');
      expect(sheet.getRow(2).values).toEqual([
        undefined,
        '分组',
        '应签企业数',
        '已签企业数',
        '签订率',
        '职工人数',
        '覆盖职工数',
        '职工覆盖率',
      ]);
      const total = sheet.getRow(sheet.rowCount);
      expect(total.getCell(1).value).toBe('合计');
      expect(total.getCell(2).value).toBe(28);
      expect(total.getCell(4).numFmt).toBe('0.0%');
    });

    it.each(['target-gaps', 'union-founding', 'agreements', 'trend'])(
      'downloads %s as CSV and XLSX',
      async (path) => {
        await get(`${path}.csv`, { asOf: '2026-06-30' })
          .expect(200)
          .expect('content-type', /text\/csv/);
        await get(`${path}.xlsx`, { asOf: '2026-06-30' }).expect(200);
      },
    );

    it('names each download after its report and grouping, so the tabs of the report page save distinct files', async () => {
      const nameOf = async (path: string, query: Record<string, string>) => {
        const res = await get(path, { asOf: '2026-06-30', ...query }).expect(200);
        return decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(res.headers['content-disposition'])![1]);
      };
      const names = [
        await nameOf('signing-rates.xlsx', { groupBy: 'sector' }),
        await nameOf('signing-rates.xlsx', { groupBy: 'township' }),
        await nameOf('signing-rates.xlsx', { groupBy: 'ownershipType' }),
        await nameOf('signing-rates.xlsx', { groupBy: 'instructor' }),
        await nameOf('union-founding.xlsx', {}),
        await nameOf('agreements.xlsx', {}),
        await nameOf('target-gaps.xlsx', { sector: 'state' }),
        await nameOf('target-gaps.csv', { sector: 'non_public' }),
        await nameOf('trend.xlsx', { from: '2026-01', to: '2026-06' }),
      ];
      expect(names).toEqual([
        '集体合同签订率_按所有制类别_2026-06-30.xlsx',
        '集体合同签订率_按乡镇(街道)_2026-06-30.xlsx',
        '集体合同签订率_按所有制类型_2026-06-30.xlsx',
        '集体合同签订率_按指导员_2026-06-30.xlsx',
        '建会率_按所有制类别_2026-06-30.xlsx',
        '集体合同签订情况_按签订形式_2026-06-30.xlsx',
        '未签企业名单_国有及国有控股企业_2026-06-30.xlsx',
        '未签企业名单_非公企业_2026-06-30.csv',
        '签订率月度趋势_按所有制类别_2026-01_2026-06.xlsx',
      ]);
    });

    it('writes the open negotiation of a gap with its stage in Chinese, like every other cell', async () => {
      const csv = async (path: string, query: Record<string, string>) => {
        const res = await get(`${path}.csv`, { asOf: '2026-06-30', ...query })
          .buffer(true)
          .parse(binaryBody)
          .expect(200);
        return (res.body as Buffer).toString('utf8');
      };
      const gaps = await csv('target-gaps', { sector: 'non_public', status: 'in_force' });
      const negotiation = (
        await get('target-gaps', { asOf: '2026-06-30', sector: 'non_public', status: 'in_force' })
      ).body.items.find(
        (item: { enterpriseId: number }) => item.enterpriseId === county.enterprises.get(12),
      ).openNegotiation;
      expect(gaps).toContain(`,#${negotiation.id} 报送审查`);
      expect(gaps).not.toContain('filing');

      const industries = await csv('signing-rates', { groupBy: 'industry' });
      expect(industries).toContain('\r\nC 制造业,');

      // No English code (they are lower case) in any export: every word a reader sees is Chinese (test instructors'
      // display names, 测试instructor…, are the only Latin letters the county has).
      const exports = [
        gaps,
        industries,
        ...(await Promise.all(
          ['sector', 'township', 'ownershipType', 'instructor'].map((groupBy) =>
            csv('signing-rates', { groupBy }),
          ),
        )),
        await csv('target-gaps', { sector: 'state' }),
        await csv('union-founding', { groupBy: 'industry' }),
        await csv('agreements', {}),
        await csv('trend', { from: '2026-01', to: '2026-06', status: 'in_force' }),
      ];
      for (const text of exports) {
        expect(text.replace(/测试instructor\d+/g, '').match(/[a-z]{2,}/g)).toBeNull();
      }
    });

    it('answers 404 for another format', async () => {
      await get('signing-rates.pdf').expect(404);
    });
  });

  // Last: it adds enterprises (registered in November 2026, after every date the tests above ask for).
  describe('GET /api/v1/reports/target-gaps, a list longer than a page', () => {
    const asOf = '2026-11-30';
    const query = { asOf, sector: 'collective' };
    type Item = { enterpriseId: number; name: string; employeeCount: number };
    const ids = (items: Item[]) => items.map((item) => item.enterpriseId);
    let all: { total: number; items: Item[] };

    beforeAll(async () => {
      // Ties of headcount on both sides of every page and chunk boundary below.
      for (const employeeCount of [50, 50, 50, 30, 30, 200, 10, 50]) {
        await request(sut.http)
          .post('/api/v1/enterprises')
          .set(admin.auth)
          .send(
            anEnterprise({
              ownershipType: 'collective',
              employeeCount,
              registeredOn: '2026-11-02',
              unionFoundedOn: '2026-11-03',
            }),
          )
          .expect(201);
      }
      all = (await get('target-gaps', { ...query, pageSize: '200' }).expect(200)).body;
    });

    it('lists them all on one page of 200, largest first, ties by id, total their number', () => {
      expect(all.total).toBeGreaterThanOrEqual(8);
      expect(all.items).toHaveLength(all.total);
      const order = [...all.items].sort(
        (a, b) => b.employeeCount - a.employeeCount || a.enterpriseId - b.enterpriseId,
      );
      expect(ids(all.items)).toEqual(ids(order));
    });

    it('pages them: page 2 continues page 1 with no overlap, and so on to the end; every page says the same total', async () => {
      const pageSize = 3;
      const pages: Item[][] = [];
      for (let page = 1; page <= Math.ceil(all.total / pageSize) + 1; page++) {
        const body = (
          await get('target-gaps', { ...query, page: String(page), pageSize: String(pageSize) }).expect(200)
        ).body;
        expect(body).toMatchObject({ total: all.total, shortBy: expect.any(Number), target: null });
        pages.push(body.items);
      }
      expect(ids(pages[0])).toEqual(ids(all.items).slice(0, 3));
      expect(ids(pages[1])).toEqual(ids(all.items).slice(3, 6));
      expect(ids(pages[0]).filter((id) => ids(pages[1]).includes(id))).toEqual([]);
      expect(ids(pages.flat())).toEqual(ids(all.items));
      expect(pages.at(-1)).toEqual([]);
    });

    it('answers 50 by default', async () => {
      const first = (await get('target-gaps', query).expect(200)).body;
      expect(ids(first.items)).toEqual(ids(all.items).slice(0, 50));
    });

    it('downloads every one of them, whatever the page asked, in the same order (CSV and XLSX)', async () => {
      const csv = await get('target-gaps.csv', { ...query, page: '2', pageSize: '1' })
        .buffer(true)
        .parse(binaryBody)
        .expect(200);
      const lines = (csv.body as Buffer).toString('utf8').split('\r\n').slice(2, -1);
      expect(lines.map((line) => line.split(',').slice(0, 2))).toEqual(
        all.items.map((item) => [String(item.enterpriseId), item.name]),
      );

      const xlsx = await get('target-gaps.xlsx', query).buffer(true).parse(binaryBody).expect(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Uint8Array.from(xlsx.body as Buffer).buffer);
      const sheet = workbook.worksheets[0];
      expect(String(sheet.getCell('A1').value)).toContain(`截至日期: ${asOf}`);
      expect(sheet.rowCount).toBe(all.total + 2);
      const rows = [];
      for (let row = 3; row <= sheet.rowCount; row++)
        rows.push([1, 2].map((column) => sheet.getRow(row).getCell(column).value));
      expect(rows).toEqual(all.items.map((item) => [item.enterpriseId, item.name]));
    });

    it('reads the whole list a chunk at a time, each chunk after the last row of the one before', async () => {
      const repository = sut.app.get(ReportsRepository);
      const coverage = { asOf, agreementKind: 'wage', base: 'unionised', status: 'signed' } as const;
      for (const chunkSize of [1, 2, 3, 200]) {
        const read: number[] = [];
        for await (const chunk of repository.uncoveredChunks(coverage, 'collective', chunkSize)) {
          expect(chunk.length).toBeLessThanOrEqual(chunkSize);
          read.push(...chunk.map((row) => row.id));
        }
        expect({ chunkSize, read }).toEqual({ chunkSize, read: ids(all.items) });
      }
    });
  });
});
