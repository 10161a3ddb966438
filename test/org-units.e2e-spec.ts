import ExcelJS from 'exceljs';
import request from 'supertest';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import { OrgUnit } from '../src/org-units/org-unit.entity';
import { OrgUnitsRepository } from '../src/org-units/org-units.repository';
import { type OpenApiSchema, type OpenApiSchemas, shapeErrors } from './support/openapi-shape';
import { anEnterprise } from './support/factories';
import { aCityOfTwoCounties } from './support/org-tree';
import { createTestApp, TestApp } from './support/test-app';
import { isServerDatabase } from './support/test-database';
import { aSignedInUser, SignedInUser } from './support/users';

const API = '/api/v1/org-units';

// SQLite runs one write transaction at a time over one connection: a rename cannot be held open
// beside a request there, so the race below is played on MySQL/MariaDB only (npm run test:mysql).
const onServerDatabase = isServerDatabase() ? it : it.skip;

describe('Organisation units (e2e)', () => {
  let sut: TestApp;
  let admin: SignedInUser;

  beforeAll(async () => {
    sut = await createTestApp();
  });
  beforeEach(async () => {
    admin = await aSignedInUser(sut, 'admin');
  });
  afterEach(() => sut.reset());
  afterAll(() => sut.close());

  const create = (as: SignedInUser, body: object) => request(sut.http).post(API).set(as.auth).send(body);
  const get = (as: SignedInUser, path: string) => request(sut.http).get(`${API}${path}`).set(as.auth);

  describe('the tree', () => {
    it('builds a province down to a township, padding 6- and 9-digit codes, each with its path from the root', async () => {
      const province = await create(admin, { code: '510000', name: '四川省', level: 'province' }).expect(201);
      expect(province.body).toEqual({
        id: expect.any(Number),
        code: '510000000000',
        name: '四川省',
        level: 'province',
        parentId: null,
        path: [{ id: province.body.id, code: '510000000000', name: '四川省', level: 'province' }],
      });
      const city = await create(admin, {
        code: '510100',
        name: '成都市',
        level: 'city',
        parentId: province.body.id,
      }).expect(201);
      const county = await create(admin, {
        code: '510104000000',
        name: '锦江区',
        level: 'county',
        parentId: city.body.id,
      }).expect(201);
      const township = await create(admin, {
        code: '５１０１０４００１', // typed on a Chinese keyboard
        name: ' 春熙路街道 ',
        level: 'township',
        parentId: county.body.id,
      }).expect(201);

      expect(township.body).toMatchObject({
        code: '510104001000',
        name: '春熙路街道',
        parentId: county.body.id,
      });
      expect(township.body.path.map((step: { name: string }) => step.name)).toEqual([
        '四川省',
        '成都市',
        '锦江区',
        '春熙路街道',
      ]);
      expect((await get(admin, `/${township.body.id}`).expect(200)).body).toEqual(township.body);
      const trail = await sut.dataSource
        .getRepository(AuditEntry)
        .findBy({ entityType: 'org_unit', entityId: String(township.body.id) });
      expect(trail).toEqual([expect.objectContaining({ action: 'org_unit.create', actorId: admin.id })]);
    });

    it('refuses a unit that is not one level below its parent, or whose code does not start with the parent’s prefix (422 naming the field)', async () => {
      const province = await create(admin, { code: '510000', name: '四川省', level: 'province' }).expect(201);
      const skipping = await create(admin, {
        code: '510104',
        name: '锦江区',
        level: 'county',
        parentId: province.body.id,
      }).expect(422);
      expect(skipping.body).toMatchObject({
        code: 'ORG_UNIT.BAD_PLACEMENT',
        errors: [{ field: 'level', message: expect.stringContaining('市') }],
      });
      const elsewhere = await create(admin, {
        code: '520100',
        name: '贵阳市',
        level: 'city',
        parentId: province.body.id,
      }).expect(422);
      expect(elsewhere.body).toMatchObject({
        code: 'ORG_UNIT.BAD_PLACEMENT',
        errors: [{ field: 'code', message: expect.stringContaining('51') }],
      });
      const notAtItsLevel = await create(admin, {
        code: '510104',
        name: '锦江区',
        level: 'city',
        parentId: province.body.id,
      }).expect(422);
      expect(notAtItsLevel.body.errors).toEqual([
        { field: 'code', message: expect.stringContaining('前 4 位') },
      ]);
      const noParent = await create(admin, {
        code: '510100',
        name: '成都市',
        level: 'city',
        parentId: 999999,
      });
      expect(noParent.status).toBe(422);
      expect(noParent.body.errors).toEqual([
        { field: 'parentId', message: expect.stringContaining('不存在') },
      ]);
      expect(await sut.dataSource.getRepository(OrgUnit).count()).toBe(2); // the root county and the province
    });

    it.each([
      [{ code: '51000', name: '四川省', level: 'province' }, 'code'],
      [{ code: 510000, name: '四川省', level: 'province' }, 'code'],
      [{ code: '510000', name: '', level: 'province' }, 'name'],
      [{ code: '510000', name: '四川省', level: 'state' }, 'level'],
      [{ code: '510000', name: '四川省', level: 'province', parentId: 'one' }, 'parentId'],
    ])('refuses %j with 422 naming %s in Chinese', async (body, field) => {
      const response = await create(admin, body).expect(422);
      expect(response.body.errors).toEqual([
        { field, message: expect.stringMatching(new RegExp(`^${field}（.+）`)) },
      ]);
    });

    it('refuses a code that is taken (409)', async () => {
      await create(admin, { code: '510000', name: '四川省', level: 'province' }).expect(201);
      const again = await create(admin, { code: '510000000000', name: '四川', level: 'province' }).expect(
        409,
      );
      expect(again.body).toMatchObject({
        code: 'ORG_UNIT.DUPLICATE_CODE',
        errors: [{ field: 'code', message: expect.any(String) }],
      });
    });

    it("renames a township's enterprises with it: one township, one name, in every answer and report", async () => {
      const first = await request(sut.http)
        .post('/api/v1/enterprises')
        .set(admin.auth)
        .send(anEnterprise({ township: '金山镇' }))
        .expect(201);
      const township = first.body.orgUnitId as number;
      await request(sut.http)
        .patch(`${API}/${township}`)
        .set(admin.auth)
        .send({ name: '金山街道' })
        .expect(200);
      const reread = await request(sut.http)
        .get(`/api/v1/enterprises/${first.body.id}`)
        .set(admin.auth)
        .expect(200);
      expect(reread.body).toMatchObject({
        township: '金山街道',
        orgUnitId: township,
        version: first.body.version,
      });
      const second = await request(sut.http)
        .post('/api/v1/enterprises')
        .set(admin.auth)
        .send(anEnterprise({ township: '金山街道' }))
        .expect(201);
      expect(second.body.orgUnitId).toBe(township);
      const report = await request(sut.http)
        .get('/api/v1/reports/signing-rates')
        .query({ groupBy: 'township', asOf: '2026-06-30' })
        .set(admin.auth)
        .expect(200);
      expect(
        report.body.rows.map((row: { group: string; enterprises: number }) => [row.group, row.enterprises]),
      ).toEqual([['金山街道', 2]]);
    });

    onServerDatabase(
      'gives an enterprise moved into a township while it is renamed the new name, not the one read before',
      async () => {
        const inRenamed = await request(sut.http)
          .post('/api/v1/enterprises')
          .set(admin.auth)
          .send(anEnterprise({ township: '金山镇' }))
          .expect(201);
        const mover = await request(sut.http)
          .post('/api/v1/enterprises')
          .set(admin.auth)
          .send(anEnterprise({ township: '万安镇' }))
          .expect(201);
        const township = inRenamed.body.orgUnitId as number;

        // The rename's transaction, as the registry runs it, held open on a connection of its own.
        const rename = sut.dataSource.createQueryRunner();
        await rename.connect();
        await rename.startTransaction('READ COMMITTED');
        let moved: Promise<request.Response> | undefined;
        try {
          await sut.app.get(OrgUnitsRepository).rename(township, '金山街道', rename.manager);
          moved = request(sut.http)
            .patch(`/api/v1/enterprises/${mover.body.id}`)
            .set(admin.auth)
            .send({ orgUnitId: township, expectedVersion: mover.body.version })
            .then((response) => response);
          // Long enough for the move to read the unit and reach its write (without the unit's lock it
          // would finish here, with the old name), then the rename commits.
          await new Promise((resolve) => setTimeout(resolve, 500));
          await rename.commitTransaction();
        } finally {
          if (rename.isTransactionActive) await rename.rollbackTransaction();
          await rename.release();
        }
        expect((await moved)?.status).toBe(200);

        const both = await request(sut.http)
          .get('/api/v1/enterprises')
          .query({ orgUnitId: township })
          .set(admin.auth)
          .expect(200);
        expect(
          both.body.items.map((e: { id: number; township: string }) => [e.id, e.township]).sort(),
        ).toEqual(
          [
            [inRenamed.body.id, '金山街道'],
            [mover.body.id, '金山街道'],
          ].sort(),
        );
      },
    );

    it('corrects a name, and only a name: code, level and parent are 422 naming the field', async () => {
      const unit = await create(admin, { code: '510000', name: '四川', level: 'province' }).expect(201);
      const renamed = await request(sut.http)
        .patch(`${API}/${unit.body.id}`)
        .set(admin.auth)
        .send({ name: '四川省' })
        .expect(200);
      expect(renamed.body).toMatchObject({ name: '四川省', code: '510000000000' });
      for (const [field, value] of [
        ['code', '520000'],
        ['level', 'city'],
        ['parentId', 1],
      ] as const) {
        const refused = await request(sut.http)
          .patch(`${API}/${unit.body.id}`)
          .set(admin.auth)
          .send({ name: '别名', [field]: value })
          .expect(422);
        expect(refused.body.errors).toEqual([{ field, message: expect.stringContaining('不能修改') }]);
      }
      expect((await get(admin, `/${unit.body.id}`).expect(200)).body.name).toBe('四川省');
      const trail = await sut.dataSource
        .getRepository(AuditEntry)
        .findBy({ entityType: 'org_unit', action: 'org_unit.update' });
      expect(trail.map((row) => row.changes)).toEqual([{ name: { from: '四川', to: '四川省' } }]);
    });

    it('lists the children of a unit, or the units of a level, by code in the list envelope', async () => {
      const tree = await aCityOfTwoCounties(sut);
      const children = await get(admin, `?parentId=${tree['江川市'].id}`).expect(200);
      expect(children.body).toEqual({
        items: [
          expect.objectContaining({ name: '金山县', level: 'county', parentId: tree['江川市'].id }),
          expect.objectContaining({ name: '云岭县', level: 'county' }),
        ],
        total: 2,
        page: 1,
        pageSize: 50,
      });
      const townships = await get(admin, '?level=township&pageSize=3').expect(200);
      expect(townships.body.total).toBe(4);
      expect(townships.body.items.map((unit: { name: string }) => unit.name)).toEqual([
        '金山镇',
        '万安镇',
        '云岭镇',
      ]);
      expect(townships.body.items[0].path.map((step: { name: string }) => step.name)).toEqual([
        '江川市',
        '金山县',
        '金山镇',
      ]);
      await get(admin, '?level=village').expect(422);
      expect((await get(admin, '?parentId=999999').expect(404)).body.code).toBe('ORG_UNIT.NOT_FOUND');
      await get(admin, '/abc').expect(404);
    });
  });

  describe('scope', () => {
    let tree: Record<string, OrgUnit>;
    let countyAdmin: SignedInUser;

    beforeEach(async () => {
      tree = await aCityOfTwoCounties(sut);
      countyAdmin = await aSignedInUser(sut, 'admin', { orgUnitId: tree['金山县'].id });
    });

    it('shows a county admin their county’s subtree, the city above only on paths, a sibling county not at all (404)', async () => {
      const list = await get(countyAdmin, '').expect(200);
      expect(list.body.items.map((unit: { name: string }) => unit.name)).toEqual([
        '金山县',
        '金山镇',
        '万安镇',
      ]);
      const township = await get(countyAdmin, `/${tree['金山镇'].id}`).expect(200);
      expect(township.body.path.map((step: { name: string }) => step.name)).toEqual([
        '江川市',
        '金山县',
        '金山镇',
      ]);
      for (const name of ['云岭县', '云岭镇', '江川市']) {
        const hidden = await get(countyAdmin, `/${tree[name].id}`).expect(404);
        expect(hidden.body.code).toBe('ORG_UNIT.NOT_FOUND');
        await get(countyAdmin, `/${tree[name].id}/targets`).expect(404);
      }
      await get(countyAdmin, `?parentId=${tree['云岭县'].id}`).expect(404);
      await request(sut.http)
        .patch(`${API}/${tree['云岭县'].id}`)
        .set(countyAdmin.auth)
        .send({ name: '改名' })
        .expect(404);
    });

    it('lets a county admin add units inside their county only (403 AUTH.FORBIDDEN_UNIT for a sibling county or a new root)', async () => {
      const added = await create(countyAdmin, {
        code: '990101003',
        name: '蟠龙镇',
        level: 'township',
        parentId: tree['金山县'].id,
      }).expect(201);
      // At once among the units they govern: to read, and to add under.
      await get(countyAdmin, `/${added.body.id}`).expect(200);
      const sibling = await create(countyAdmin, {
        code: '990102003',
        name: '新镇',
        level: 'township',
        parentId: tree['云岭县'].id,
      }).expect(403);
      expect(sibling.body.code).toBe('AUTH.FORBIDDEN_UNIT');
      const root = await create(countyAdmin, { code: '980000', name: '某省', level: 'province' }).expect(403);
      expect(root.body.code).toBe('AUTH.FORBIDDEN_UNIT');
      // A parent that does not exist is refused the same way: nothing says which ids exist.
      const missing = await create(countyAdmin, {
        code: '990101004',
        name: '某镇',
        level: 'township',
        parentId: 99999,
      }).expect(403);
      expect(missing.body.code).toBe('AUTH.FORBIDDEN_UNIT');
      expect(await sut.dataSource.getRepository(OrgUnit).countBy({ name: '新镇' })).toBe(0);
    });

    it('lets supervisors and instructors read the units of their unit, and only admins change them', async () => {
      const citySupervisor = await aSignedInUser(sut, 'supervisor', { orgUnitId: tree['江川市'].id });
      const instructor = await aSignedInUser(sut, 'instructor', { orgUnitId: tree['金山县'].id });
      expect((await get(citySupervisor, '').expect(200)).body.total).toBe(7);
      await get(instructor, `/${tree['金山镇'].id}`).expect(200);
      await get(instructor, `/${tree['云岭镇'].id}`).expect(404);
      const refused = await create(instructor, {
        code: '990101003',
        name: '蟠龙镇',
        level: 'township',
        parentId: tree['金山县'].id,
      }).expect(403);
      expect(refused.body.code).toBe('AUTH.FORBIDDEN');
    });
  });

  describe('targets', () => {
    let tree: Record<string, OrgUnit>;
    const targetsOf = async (as: SignedInUser, unit: OrgUnit) =>
      (await get(as, `/${unit.id}/targets`).expect(200)).body;
    const put = (as: SignedInUser, unit: OrgUnit, body: object) =>
      request(sut.http).put(`${API}/${unit.id}/targets`).set(as.auth).send(body);

    beforeEach(async () => {
      tree = await aCityOfTwoCounties(sut);
    });

    it('start from the deployment’s defaults (REPORT_TARGETS: state-owned 100 %, non-public 90 %)', async () => {
      expect(await targetsOf(admin, tree['金山镇'])).toEqual({
        own: {},
        effective: { state: 1, nonPublic: 0.9 },
        inheritedFrom: null,
        sources: { state: null, nonPublic: null },
      });
    });

    it('are inherited from the nearest ancestor that sets them, and removed with null', async () => {
      const city = tree['江川市'];
      const county = tree['金山县'];
      expect((await put(admin, city, { nonPublic: 0.95 }).expect(200)).body).toMatchObject({
        own: { nonPublic: 0.95 },
        effective: { state: 1, nonPublic: 0.95 },
        inheritedFrom: null,
      });
      const countyAdmin = await aSignedInUser(sut, 'admin', { orgUnitId: county.id });
      await put(countyAdmin, county, { nonPublic: 0.97, collective: 0.8 }).expect(200);

      expect(await targetsOf(admin, tree['金山镇'])).toEqual({
        own: {},
        effective: { state: 1, nonPublic: 0.97, collective: 0.8 },
        inheritedFrom: { id: county.id, name: '金山县' },
        sources: {
          state: null,
          nonPublic: { id: county.id, name: '金山县' },
          collective: { id: county.id, name: '金山县' },
        },
      });
      expect((await targetsOf(admin, tree['云岭镇'])).sources.nonPublic).toEqual({
        id: city.id,
        name: '江川市',
      });

      await put(countyAdmin, county, { nonPublic: null }).expect(200);
      expect(await targetsOf(countyAdmin, tree['金山镇'])).toEqual({
        own: {},
        effective: { state: 1, nonPublic: 0.95, collective: 0.8 },
        inheritedFrom: { id: county.id, name: '金山县' },
        sources: {
          state: null,
          nonPublic: { id: city.id, name: '江川市' },
          collective: { id: county.id, name: '金山县' },
        },
      });
      const trail = await sut.dataSource
        .getRepository(AuditEntry)
        .findBy({ entityType: 'org_unit', action: 'org_unit.targets', entityId: String(county.id) });
      expect(trail.map((row) => row.changes)).toEqual([
        { nonPublic: { from: null, to: 0.97 }, collective: { from: null, to: 0.8 } },
        { nonPublic: { from: 0.97, to: null } },
      ]);
    });

    it('are set by an admin of the unit or above only', async () => {
      const countyAdmin = await aSignedInUser(sut, 'admin', { orgUnitId: tree['金山县'].id });
      const supervisor = await aSignedInUser(sut, 'supervisor');
      await put(countyAdmin, tree['江川市'], { state: 0.9 }).expect(404);
      await put(countyAdmin, tree['云岭县'], { state: 0.9 }).expect(404);
      expect((await put(supervisor, tree['金山县'], { state: 0.9 }).expect(403)).body.code).toBe(
        'AUTH.FORBIDDEN',
      );
      await put(countyAdmin, tree['金山镇'], { state: 0.9 }).expect(200);
      expect((await targetsOf(admin, tree['江川市'])).own).toEqual({});
    });

    it.each([
      [{ state: 1.5 }, 'state'],
      [{ nonPublic: -0.1 }, 'nonPublic'],
      [{ collective: '90%' }, 'collective'],
    ])('refuses %j with 422 naming %s', async (body, field) => {
      const response = await put(admin, tree['金山县'], body).expect(422);
      expect(response.body.errors).toEqual([{ field, message: expect.stringContaining('0 至 1') }]);
    });
  });

  it('answers in exactly the shapes the OpenAPI document gives', async () => {
    const tree = await aCityOfTwoCounties(sut);
    await request(sut.http)
      .put(`${API}/${tree['金山县'].id}/targets`)
      .set(admin.auth)
      .send({ nonPublic: 0.95 })
      .expect(200);
    const docs = (await request(sut.http).get('/api/docs-json').expect(200)).body as {
      paths: Record<
        string,
        Record<
          string,
          { responses: Record<string, { content: { 'application/json': { schema: OpenApiSchema } } }> }
        >
      >;
      components: { schemas: OpenApiSchemas };
    };
    const cases: [string, string, string][] = [
      ['/api/v1/org-units', '', 'get'],
      ['/api/v1/org-units/{id}', `/${tree['金山镇'].id}`, 'get'],
      ['/api/v1/org-units/{id}/targets', `/${tree['金山镇'].id}/targets`, 'get'],
      ['/api/v1/org-units/{id}/targets', `/${tree['江川市'].id}/targets`, 'get'],
    ];
    for (const [documented, path, method] of cases) {
      const res = await get(admin, path).expect(200);
      const schema = docs.paths[documented][method].responses['200'].content['application/json'].schema;
      expect({ path, errors: shapeErrors(res.body, schema, docs.components.schemas) }).toEqual({
        path,
        errors: [],
      });
    }
  });

  describe('import', () => {
    const upload = (as: SignedInUser, file: Buffer, filename: string, query: Record<string, string> = {}) =>
      request(sut.http).post(`${API}/import`).query(query).set(as.auth).attach('file', file, filename);
    const csv = (rows: string[][]) => Buffer.from(rows.map((row) => row.join(',')).join('\r\n'), 'utf8');
    const HEADER = ['区划代码', '名称', '上级区划代码', '层级'];
    // Children before parents, codes of 6, 9 and 12 digits, 层级 written or left to the code.
    const SMALL_PROVINCE = [
      HEADER,
      ['510104001', '春熙路街道', '510104', ''],
      ['510104', '锦江区', '510100', '区'],
      ['510000', '四川省', '', '省'],
      ['510100000000', '成都市', '510000', ''],
      ['510104002', '书院街街道', '510104000000', '乡镇'],
    ];
    const unitCount = () => sut.dataSource.getRepository(OrgUnit).count();

    it('imports a list in any order, then again with nothing to do, then a corrected name', async () => {
      const first = await upload(admin, csv(SMALL_PROVINCE), '区划.csv').expect(200);
      expect(first.body).toMatchObject({ created: 5, updated: 0, unchanged: 0, errors: [], applied: true });
      const township = await sut.dataSource.getRepository(OrgUnit).findOneByOrFail({ code: '510104001000' });
      const shown = await get(admin, `/${township.id}`).expect(200);
      expect(shown.body.path.map((step: { name: string }) => step.name)).toEqual([
        '四川省',
        '成都市',
        '锦江区',
        '春熙路街道',
      ]);

      const again = await upload(admin, csv(SMALL_PROVINCE), '区划.csv').expect(200);
      expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 5, errors: [] });

      const corrected = SMALL_PROVINCE.map((row) =>
        row[0] === '510104' ? ['510104', '锦江区（改）', '510100', ''] : row,
      );
      const third = await upload(admin, csv(corrected), '区划.csv').expect(200);
      expect(third.body).toMatchObject({ created: 0, updated: 1, unchanged: 4, errors: [] });
      expect(
        (await sut.dataSource.getRepository(OrgUnit).findOneByOrFail({ code: '510104000000' })).name,
      ).toBe('锦江区（改）');
      const trail = await sut.dataSource.getRepository(AuditEntry).findBy({ entityType: 'org_unit' });
      expect(trail.filter((row) => row.action === 'org_unit.import.create')).toHaveLength(5);
      expect(trail.filter((row) => row.action === 'org_unit.import.update')).toHaveLength(1);
    });

    it('reads an .xlsx workbook with numeric code cells; a dry run writes nothing', async () => {
      const file = await workbook([
        ['区划代码', '名称', '上级区划代码'],
        [510100000000, '成都市', 510000],
        [510000, '四川省', null],
      ]);
      const dry = await upload(admin, file, '区划.xlsx', { dryRun: 'true' }).expect(200);
      expect(dry.body).toMatchObject({ created: 2, errors: [], dryRun: true, applied: false });
      expect(await unitCount()).toBe(1);
      const real = await upload(admin, file, '区划.xlsx').expect(200);
      expect(real.body).toMatchObject({ created: 2, errors: [], applied: true });
      expect(await unitCount()).toBe(3);
    });

    it('names the row, column and value of every bad row, imports the good ones, or none with atomic', async () => {
      const rows = [
        HEADER,
        ['510000', '四川省', '', ''],
        ['510100', '', '510000', ''], // row 3: no name
        ['510104', '锦江区', '510100', ''], // row 4: under a refused row
        ['520100', '贵阳市', '510000', ''], // row 5: another province's prefix
        ['510300', '自贡市', '510000', '县'], // row 6: a county under a province
        ['510400', '攀枝花市', '519900', ''], // row 7: an unknown parent
        ['510500', '泸州市', '510000', '村'], // row 8: no such level
        ['51A600', '内江市', '510000', ''], // row 9: not a code
        ['510000', '四川', '', ''], // row 10: the same code again
        ['510700', '绵阳市', '510000', ''],
      ];
      const atomic = await upload(admin, csv(rows), '区划.csv', { atomic: 'true' }).expect(200);
      expect(atomic.body).toMatchObject({ created: 0, applied: false, dryRun: true });
      expect(await unitCount()).toBe(1);

      const result = await upload(admin, csv(rows), '区划.csv').expect(200);
      expect(result.body).toMatchObject({ created: 2, updated: 0, unchanged: 0, applied: true });
      expect(
        result.body.errors.map((error: { row: number; column: string; value: string | null }) => [
          error.row,
          error.column,
          error.value,
        ]),
      ).toEqual([
        [3, '名称', null],
        [4, '上级区划代码', '510100000000'],
        [5, '区划代码', '520100000000'],
        [6, '层级', '县'],
        [7, '上级区划代码', '519900000000'],
        [8, '层级', '村'],
        [9, '区划代码', '51A600'],
        [10, '区划代码', '510000000000'],
      ]);
      expect(result.body.errors[1]).toMatchObject({
        message: expect.any(String),
        messageZh: expect.stringContaining('第 3 行'),
      });
      expect(result.body.badRowsXlsx).toEqual(expect.any(String));
    });

    it('keeps a county admin’s import inside their county', async () => {
      const tree = await aCityOfTwoCounties(sut);
      const countyAdmin = await aSignedInUser(sut, 'admin', { orgUnitId: tree['金山县'].id });
      const result = await upload(
        countyAdmin,
        csv([
          HEADER,
          ['990101003', '蟠龙镇', '990101', ''],
          ['990102003', '新镇', '990102', ''],
          ['990102', '云岭县（改）', '990100', ''],
          ['980000', '某省', '', ''],
        ]),
        '区划.csv',
      ).expect(200);
      expect(result.body).toMatchObject({ created: 1, updated: 0 });
      expect(
        result.body.errors.map((error: { row: number; column: string }) => [error.row, error.column]),
      ).toEqual([
        [3, '上级区划代码'],
        [4, '区划代码'],
        [5, '上级区划代码'],
      ]);
      expect(await sut.dataSource.getRepository(OrgUnit).countBy({ name: '新镇' })).toBe(0);
    });

    it('refuses to move a stored unit under another parent or to another level', async () => {
      const tree = await aCityOfTwoCounties(sut);
      const result = await upload(
        admin,
        csv([HEADER, ['990101001', '金山镇', '990102', ''], ['990102', '云岭县', '990100', '市']]),
        '区划.csv',
      ).expect(200);
      expect(
        result.body.errors.map((error: { row: number; column: string }) => [error.row, error.column]),
      ).toEqual([
        [2, '上级区划代码'],
        [3, '层级'],
      ]);
      expect(
        (await sut.dataSource.getRepository(OrgUnit).findOneByOrFail({ id: tree['金山镇'].id })).parentId,
      ).toBe(tree['金山县'].id);
    });

    it('imports a whole province (21 cities, 189 counties, 3,024 townships) in one go', async () => {
      const rows: string[][] = [];
      for (let city = 1; city <= 21; city++) {
        const cityCode = `51${String(city).padStart(2, '0')}`;
        rows.push([`${cityCode}00`, `市${city}`, '510000', '']);
        for (let county = 1; county <= 9; county++) {
          const countyCode = `${cityCode}${String(county).padStart(2, '0')}`;
          rows.push([countyCode, `县${city}-${county}`, `${cityCode}00`, '']);
          for (let township = 1; township <= 16; township++) {
            rows.push([
              `${countyCode}${String(township).padStart(3, '0')}`,
              `镇${city}-${county}-${township}`,
              countyCode,
              '',
            ]);
          }
        }
      }
      rows.push(['510000', '四川省', '', '']);
      const started = Date.now();
      const result = await upload(admin, csv([HEADER, ...rows.reverse()]), '四川省.csv').expect(200);
      const seconds = (Date.now() - started) / 1000;
      expect(result.body).toMatchObject({ created: 3235, errors: [] });
      expect(seconds).toBeLessThan(20);
      const county = await sut.dataSource.getRepository(OrgUnit).findOneByOrFail({ code: '512109000000' });
      const townships = await get(admin, `?parentId=${county.id}&pageSize=200`).expect(200);
      expect(townships.body.total).toBe(16);
      expect(townships.body.items[15].path.map((step: { name: string }) => step.name)).toEqual([
        '四川省',
        '市21',
        '县21-9',
        '镇21-9-16',
      ]);
      const again = await upload(admin, csv([HEADER, ...rows]), '四川省.csv').expect(200);
      expect(again.body).toMatchObject({ created: 0, unchanged: 3235, errors: [] });
    });
  });
});

export async function workbook(rows: (string | number | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('区划');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}
