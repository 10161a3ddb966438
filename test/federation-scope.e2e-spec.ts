import ExcelJS from 'exceljs';
import request from 'supertest';
import { Enterprise } from '../src/enterprises/enterprise.entity';
import type { OrgUnit } from '../src/org-units/org-unit.entity';
import { OrgUnitsRepository } from '../src/org-units/org-units.repository';
import { Reminder } from '../src/reminders/reminder.entity';
import { anEnterprise } from './support/factories';
import { aNegotiation } from './support/negotiations';
import { aCityOfTwoCounties, aUnitTree } from './support/org-tree';
import { createTestApp, TestApp } from './support/test-app';
import { aSignedInUser, SignedInUser } from './support/users';

type Cell = string | number | null;

async function xlsx(rows: Cell[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名册');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const ROSTER_HEADERS = [
  '企业名称',
  '统一社会信用代码',
  '所有制类型',
  '乡镇（街道）',
  '区划代码',
  '行业门类',
  '职工人数',
];

/**
 * The federation hierarchy's scope (docs/domain.md, Federation hierarchy): in 江川市's two
 * counties, the admin, supervisor and an instructor of 金山县 try every route on 云岭县's records
 * and must not reach them; the city's supervisor sees both.
 */
describe('Federation scope: a sibling county is out of reach (e2e)', () => {
  let sut: TestApp;
  let units: Record<string, OrgUnit>;
  let root: SignedInUser;

  beforeAll(async () => {
    sut = await createTestApp();
  });
  afterAll(() => sut.close());

  const get = (path: string, as: SignedInUser, query: Record<string, unknown> = {}) =>
    request(sut.http).get(`/api/v1/${path}`).query(query).set(as.auth);
  const patch = (path: string, as: SignedInUser, body: object) =>
    request(sut.http).patch(`/api/v1/${path}`).set(as.auth).send(body);
  const post = (path: string, as: SignedInUser, body: object) =>
    request(sut.http).post(`/api/v1/${path}`).set(as.auth).send(body);
  const ids = (body: { items: { id: number }[] }) => body.items.map((item) => item.id);

  describe('every route and role', () => {
    let jsAdmin: SignedInUser;
    let jsSupervisor: SignedInUser;
    let jsInstructor: SignedInUser;
    let ylInstructor: SignedInUser;
    let citySupervisor: SignedInUser;
    let jsEnterprise: number;
    let ylEnterprise: number;
    let jsNegotiation: number;
    let ylNegotiation: number;
    let ylUser: number;
    let jsReminder: number;
    let ylReminder: number;

    beforeAll(async () => {
      units = await aCityOfTwoCounties(sut);
      root = await aSignedInUser(sut, 'admin');
      jsAdmin = await aSignedInUser(sut, 'admin', { orgUnitId: units['金山县'].id });
      jsSupervisor = await aSignedInUser(sut, 'supervisor', { orgUnitId: units['金山县'].id });
      jsInstructor = await aSignedInUser(sut, 'instructor', { orgUnitId: units['金山县'].id });
      ylInstructor = await aSignedInUser(sut, 'instructor', { orgUnitId: units['云岭县'].id });
      citySupervisor = await aSignedInUser(sut, 'supervisor', { orgUnitId: units['江川市'].id });

      // One by the unit's id, one by the township's name: both land in their township.
      const js = await post('enterprises', root, {
        ...anEnterprise({ instructorId: jsInstructor.id }),
        township: undefined,
        orgUnitId: units['金山镇'].id,
      }).expect(201);
      expect(js.body).toMatchObject({ township: '金山镇', orgUnitId: units['金山镇'].id });
      jsEnterprise = js.body.id;
      const yl = await post(
        'enterprises',
        root,
        anEnterprise({ township: '云岭镇', instructorId: ylInstructor.id }),
      ).expect(201);
      expect(yl.body).toMatchObject({ township: '云岭镇', orgUnitId: units['云岭镇'].id });
      ylEnterprise = yl.body.id;

      jsNegotiation = (await aNegotiation(sut, root, { enterpriseIds: [jsEnterprise] })).id;
      ylNegotiation = (await aNegotiation(sut, root, { enterpriseIds: [ylEnterprise] })).id;

      const user = await post('users', root, {
        username: 'yl.clerk',
        displayName: '云岭文员',
        role: 'supervisor',
        password: 'a long enough password',
        orgUnitId: units['云岭县'].id,
      }).expect(201);
      expect(user.body.orgUnitId).toBe(units['云岭县'].id);
      ylUser = user.body.id;

      const reminder = (recipientId: number, key: string) =>
        sut.dataSource.getRepository(Reminder).save({
          recipientId,
          recipientEmail: `${key}@example.cn`,
          slotKind: 'instructor_digest' as const,
          slotDate: '2026-01-05',
          dedupeKey: key,
          subject: key,
          textBody: key,
          htmlBody: key,
          status: 'failed' as const,
          attempts: 1,
          nextAttemptAt: new Date(),
          leaseUntil: null,
          lastError: 'refused',
          sentAt: null,
        });
      jsReminder = (await reminder(jsInstructor.id, 'js-digest')).id;
      ylReminder = (await reminder(ylInstructor.id, 'yl-digest')).id;
    });
    afterAll(() => sut.reset());

    const people = () =>
      [
        ['admin', jsAdmin],
        ['supervisor', jsSupervisor],
        ['instructor', jsInstructor],
      ] as const;

    it.each(['admin', 'supervisor', 'instructor'])(
      "the %s of 金山县 gets 404 for 云岭县's enterprise, its history, its negotiation and its events",
      async (role) => {
        const as = people().find(([name]) => name === role)![1];
        await get(`enterprises/${ylEnterprise}`, as).expect(404);
        await get(`enterprises/${ylEnterprise}/history`, as).expect(404);
        await get(`negotiations/${ylNegotiation}`, as).expect(404);
        await get(`negotiations/${ylNegotiation}/events`, as).expect(404);
        await get(`enterprises/${jsEnterprise}`, as).expect(200);
        await get(`negotiations/${jsNegotiation}`, as).expect(200);
      },
    );

    it.each(['admin', 'supervisor', 'instructor'])(
      "the %s of 金山县 lists neither 云岭县's enterprises nor its negotiations, nor filters by 云岭县",
      async (role) => {
        const as = people().find(([name]) => name === role)![1];
        const enterprises = await get('enterprises', as).expect(200);
        expect(ids(enterprises.body)).toEqual([jsEnterprise]);
        const negotiations = await get('negotiations', as).expect(200);
        expect(ids(negotiations.body)).toEqual([jsNegotiation]);
        const byEnterprise = await get('negotiations', as, { enterpriseId: ylEnterprise }).expect(200);
        expect(byEnterprise.body.items).toEqual([]);
        const filtered = await get('enterprises', as, { orgUnitId: units['云岭县'].id }).expect(404);
        expect(filtered.body.code).toBe('ORG_UNIT.NOT_FOUND');
        const own = await get('enterprises', as, { orgUnitId: units['金山镇'].id }).expect(200);
        expect(ids(own.body)).toEqual([jsEnterprise]);
        const exported = await get('enterprises.csv', as).expect(200);
        expect(exported.text).not.toContain('云岭镇');
      },
    );

    it("the admin and the instructor of 金山县 cannot change 云岭县's enterprise (404), nor move theirs there (422)", async () => {
      for (const as of [jsAdmin, jsInstructor]) {
        await patch(`enterprises/${ylEnterprise}`, as, { employeeCount: 1 }).expect(404);
        const moved = await patch(`enterprises/${jsEnterprise}`, as, {
          orgUnitId: units['云岭镇'].id,
        }).expect(422);
        expect(moved.body.errors[0].field).toBe('orgUnitId');
        const named = await patch(`enterprises/${jsEnterprise}`, as, { township: '石门镇' }).expect(422);
        expect(named.body.errors[0].field).toBe('township');
      }
      const created = await post('enterprises', jsAdmin, {
        ...anEnterprise(),
        orgUnitId: units['云岭镇'].id,
        township: undefined,
      }).expect(422);
      expect(created.body).toMatchObject({
        code: 'ENTERPRISE.BAD_TOWNSHIP',
        errors: [{ field: 'orgUnitId' }],
      });
    });

    it("the admin of 金山县 neither sees nor changes 云岭县's users, and creates users only in 金山县", async () => {
      const list = await get('users', jsAdmin).expect(200);
      expect(ids(list.body)).toEqual(expect.arrayContaining([jsAdmin.id, jsSupervisor.id, jsInstructor.id]));
      expect(ids(list.body)).not.toContain(ylUser);
      expect(ids(list.body)).not.toContain(ylInstructor.id);
      expect(ids(list.body)).not.toContain(root.id); // above every unit
      await get(`users/${ylUser}`, jsAdmin).expect(404);
      await get(`users/${root.id}`, jsAdmin).expect(404);
      await patch(`users/${ylUser}`, jsAdmin, { displayName: '改名' }).expect(404);
      await get('me', jsAdmin).expect(200);

      const newUser = (orgUnitId?: number | null) => ({
        username: `js.${Math.random().toString(36).slice(2, 8)}`,
        displayName: '金山新人',
        role: 'instructor',
        password: 'a long enough password',
        ...(orgUnitId === undefined ? {} : { orgUnitId }),
      });
      const outside = await post('users', jsAdmin, newUser(units['云岭县'].id)).expect(403);
      expect(outside.body.code).toBe('AUTH.FORBIDDEN_UNIT');
      await post('users', jsAdmin, newUser(units['江川市'].id)).expect(403);
      await post('users', jsAdmin, newUser(null)).expect(403);
      const byDefault = await post('users', jsAdmin, newUser()).expect(201);
      expect(byDefault.body.orgUnitId).toBe(units['金山县'].id);
      const below = await post('users', jsAdmin, newUser(units['万安镇'].id)).expect(201);
      const moved = await patch(`users/${below.body.id}`, jsAdmin, { orgUnitId: units['云岭镇'].id }).expect(
        403,
      );
      expect(moved.body.code).toBe('AUTH.FORBIDDEN_UNIT');
      await patch(`users/${below.body.id}`, jsAdmin, { orgUnitId: units['金山镇'].id }).expect(200);
      const unknown = await post('users', root, newUser(999_999)).expect(422);
      expect(unknown.body.errors[0].field).toBe('orgUnitId');
    });

    it.each(['admin', 'supervisor'])("the %s of 金山县 lists only 金山县's instructors", async (role) => {
      const as = role === 'admin' ? jsAdmin : jsSupervisor;
      const instructors = await get('instructors', as).expect(200);
      expect(ids(instructors.body)).toContain(jsInstructor.id);
      expect(ids(instructors.body)).not.toContain(ylInstructor.id);
    });

    it.each(['admin', 'supervisor'])(
      "the %s of 金山县 sees neither 云岭县's reminders nor its audit rows",
      async (role) => {
        const as = role === 'admin' ? jsAdmin : jsSupervisor;
        const reminders = await get('reminders', as).expect(200);
        expect(ids(reminders.body)).toEqual([jsReminder]);
        const audit = await get('audit', as, { pageSize: 100 }).expect(200);
        const about = audit.body.items.map(
          (row: { entityType: string; entityId: string }) => `${row.entityType}:${row.entityId}`,
        );
        expect(about).toContain(`enterprise:${jsEnterprise}`);
        expect(about).toContain(`negotiation:${jsNegotiation}`);
        expect(about).not.toContain(`enterprise:${ylEnterprise}`);
        expect(about).not.toContain(`negotiation:${ylNegotiation}`);
        expect(about).not.toContain(`user:${ylUser}`);
      },
    );

    it("the admin of 金山县 cannot retry 云岭县's reminder", async () => {
      const refused = await post(`reminders/${ylReminder}/retry`, jsAdmin, {}).expect(404);
      expect(refused.body.code).toBe('REMINDER.NOT_FOUND');
      await post(`reminders/${jsReminder}/retry`, jsAdmin, {}).expect(200);
    });

    it("the supervisor of 金山县 counts only 金山县's enterprises in the reports", async () => {
      const own = await get('reports/signing-rates', jsSupervisor, { base: 'all' }).expect(200);
      const city = await get('reports/signing-rates', citySupervisor, { base: 'all' }).expect(200);
      expect(own.body.total.enterprises).toBe(1);
      expect(city.body.total.enterprises).toBe(2);
    });

    it('the admin of 金山县 cannot import into 云岭县, by 区划代码 or by name, nor overwrite its enterprise', async () => {
      const yl = await sut.dataSource.getRepository(Enterprise).findOneByOrFail({ id: ylEnterprise });
      const file = await xlsx([
        ROSTER_HEADERS,
        ['甲公司', anEnterprise().creditCode, '私营企业', null, '990102001', 'C', 10],
        ['乙公司', anEnterprise().creditCode, '私营企业', '云岭镇', null, 'C', 10],
        ['丙公司', yl.creditCode, '私营企业', '金山镇', null, 'C', 10],
        ['丁公司', anEnterprise().creditCode, '私营企业', null, '990101002', 'C', 10],
      ]);
      const res = await request(sut.http)
        .post('/api/v1/enterprises/import')
        .set(jsAdmin.auth)
        .attach('file', file, '名册.xlsx')
        .expect(200);
      expect(res.body.created).toBe(1);
      expect(res.body.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
        [2, '区划代码'],
        [3, '乡镇（街道）'],
        [4, '统一社会信用代码'],
      ]);
      expect(res.body.errors[1].messageZh).toContain('云岭镇');
      const unchanged = await sut.dataSource.getRepository(Enterprise).findOneByOrFail({ id: ylEnterprise });
      expect(unchanged.name).toBe(yl.name);

      const agreements = await xlsx([
        ['统一社会信用代码', '合同类型', '签订形式', '签订日期', '生效日期', '到期日期', '覆盖职工数'],
        [yl.creditCode, 'wage', '单独签订', '2025-01-06', '2025-01-20', '2026-01-20', 10],
      ]);
      const refused = await request(sut.http)
        .post('/api/v1/agreements/import')
        .set(jsAdmin.auth)
        .attach('file', agreements, '协议.xlsx')
        .expect(200);
      expect(refused.body.created).toBe(0);
      expect(refused.body.errors[0]).toMatchObject({
        row: 2,
        column: '统一社会信用代码',
        value: yl.creditCode,
      });
    });

    it("the city's supervisor sees both counties", async () => {
      await get(`enterprises/${ylEnterprise}`, citySupervisor).expect(200);
      await get(`negotiations/${ylNegotiation}`, citySupervisor).expect(200);
      const enterprises = await get('enterprises', citySupervisor).expect(200);
      expect(ids(enterprises.body)).toEqual(expect.arrayContaining([jsEnterprise, ylEnterprise]));
      const filtered = await get('enterprises', citySupervisor, { orgUnitId: units['云岭县'].id }).expect(
        200,
      );
      expect(ids(filtered.body)).toContain(ylEnterprise);
      expect(ids(filtered.body)).not.toContain(jsEnterprise);
      const reminders = await get('reminders', citySupervisor).expect(200);
      expect(ids(reminders.body)).toEqual(expect.arrayContaining([jsReminder, ylReminder]));
      const instructors = await get('instructors', citySupervisor).expect(200);
      expect(ids(instructors.body)).toEqual(expect.arrayContaining([jsInstructor.id, ylInstructor.id]));
      const audit = await get('audit', citySupervisor, { pageSize: 100 }).expect(200);
      expect(audit.body.items.map((row: { entityId: string }) => row.entityId)).toEqual(
        expect.arrayContaining([String(jsEnterprise), String(ylEnterprise)]),
      );
    });

    it('an instructor sits in or above the township of their enterprises', async () => {
      const assigned = await patch(`enterprises/${jsEnterprise}`, root, {
        instructorId: ylInstructor.id,
      }).expect(422);
      expect(assigned.body).toMatchObject({
        code: 'ENTERPRISE.INSTRUCTOR_OUTSIDE_UNIT',
        errors: [{ field: 'instructorId' }],
      });
      const moved = await patch(`users/${jsInstructor.id}`, root, { orgUnitId: units['云岭县'].id }).expect(
        422,
      );
      expect(moved.body).toMatchObject({
        code: 'USER.ENTERPRISES_OUTSIDE_UNIT',
        errors: [{ field: 'orgUnitId' }],
      });
      await patch(`users/${jsInstructor.id}`, root, { orgUnitId: units['金山镇'].id }).expect(200);
    });
  });

  describe("an enterprise's township", () => {
    let admin: SignedInUser;
    beforeEach(async () => {
      admin = await aSignedInUser(sut, 'admin');
    });
    afterEach(() => sut.reset());

    it('in a deployment of one county, a new name creates its township under that county, as before units', async () => {
      const first = await post('enterprises', admin, anEnterprise({ township: '蟠龙镇' })).expect(201);
      const second = await post('enterprises', admin, anEnterprise({ township: '蟠龙镇' })).expect(201);
      expect(second.body.orgUnitId).toBe(first.body.orgUnitId);
      const unit = await sut.app.get(OrgUnitsRepository).findById(first.body.orgUnitId);
      expect(unit).toMatchObject({ name: '蟠龙镇', level: 'township', code: '999999001000' });
      // Created as a unit made through the API would be: on the trail, by whoever named it.
      const trail = await get('audit', admin, { entityType: 'org_unit', entityId: String(unit!.id) }).expect(
        200,
      );
      expect(trail.body.items).toEqual([
        expect.objectContaining({
          action: 'org_unit.create',
          actorId: admin.id,
          changes: expect.objectContaining({ name: { from: null, to: '蟠龙镇' } }),
        }),
      ]);
      const other = await patch(`enterprises/${first.body.id}`, admin, { township: '新华街道' }).expect(200);
      expect(other.body.orgUnitId).not.toBe(first.body.orgUnitId);
      const next = await sut.app.get(OrgUnitsRepository).findById(other.body.orgUnitId);
      expect(next?.code).toBe('999999002000');
      const missing = await post('enterprises', admin, { ...anEnterprise(), township: undefined }).expect(
        422,
      );
      expect(missing.body.errors[0].field).toBe('township');
    });

    it('with several counties a name is looked up among the caller’s townships: unknown or ambiguous is a 422 naming township', async () => {
      units = await aCityOfTwoCounties(sut);
      const found = await post('enterprises', admin, anEnterprise({ township: '万安镇' })).expect(201);
      expect(found.body.orgUnitId).toBe(units['万安镇'].id);
      const unknown = await post('enterprises', admin, anEnterprise({ township: '无此镇' })).expect(422);
      expect(unknown.body).toMatchObject({
        code: 'ENTERPRISE.BAD_TOWNSHIP',
        errors: [{ field: 'township' }],
      });
      expect(unknown.body.message).toContain('无此镇');

      const second = await aUnitTree(sut, { code: '990102003', name: '万安镇' }, 'township', units['云岭县']);
      const ambiguous = await post('enterprises', admin, anEnterprise({ township: '万安镇' })).expect(422);
      expect(ambiguous.body.errors[0]).toMatchObject({ field: 'township' });
      expect(ambiguous.body.message).toContain('不止一个');
      // The candidates' codes, so that the caller can choose one.
      expect(ambiguous.body.message).toContain(units['万安镇'].code);
      expect(ambiguous.body.message).toContain(second['万安镇'].code);
      const jsAdmin = await aSignedInUser(sut, 'admin', { orgUnitId: units['金山县'].id });
      const own = await post('enterprises', jsAdmin, anEnterprise({ township: '万安镇' })).expect(201);
      expect(own.body.orgUnitId).toBe(units['万安镇'].id);

      const county = await post('enterprises', admin, {
        ...anEnterprise(),
        township: undefined,
        orgUnitId: units['金山县'].id,
      }).expect(422);
      expect(county.body.errors[0].field).toBe('orgUnitId');
      const disagree = await post('enterprises', admin, {
        ...anEnterprise({ township: '云岭镇' }),
        orgUnitId: units['金山镇'].id,
      }).expect(422);
      expect(disagree.body.errors[0].field).toBe('township');
      const byId = await patch(`enterprises/${found.body.id}`, admin, {
        orgUnitId: units['石门镇'].id,
      }).expect(200);
      expect(byId.body).toMatchObject({ township: '石门镇', orgUnitId: units['石门镇'].id });
    });

    it('the roster import places rows by 区划代码 or by name; an unknown or ambiguous name is a row error naming it; the export carries 区划代码', async () => {
      units = await aCityOfTwoCounties(sut);
      const yunlingWanan = (
        await aUnitTree(sut, { code: '990102003', name: '万安镇' }, 'township', units['云岭县'])
      )['万安镇'];
      const codes = [1, 2, 3, 4, 5].map(() => anEnterprise().creditCode);
      const file = await xlsx([
        ROSTER_HEADERS,
        ['甲公司', codes[0], '私营企业', null, '990101001', 'C', 10],
        ['乙公司', codes[1], '私营企业', '石门镇', null, 'C', 10],
        ['丙公司', codes[2], '私营企业', '无此镇', null, 'C', 10],
        ['丁公司', codes[3], '私营企业', '万安镇', null, 'C', 10],
        ['戊公司', codes[4], '私营企业', '万安镇', '990102003000', 'C', 10],
      ]);
      const res = await request(sut.http)
        .post('/api/v1/enterprises/import')
        .set(admin.auth)
        .attach('file', file, '名册.xlsx')
        .expect(200);
      expect(res.body.created).toBe(3);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ row: 4, column: '乡镇（街道）', value: '无此镇' }),
        expect.objectContaining({ row: 5, column: '乡镇（街道）', value: '万安镇' }),
      ]);
      expect(res.body.errors[0].messageZh).toContain('无此镇');
      expect(res.body.errors[1].messageZh).toContain('不止一个');
      const stored = await sut.dataSource.getRepository(Enterprise).find({ order: { id: 'ASC' } });
      expect(stored.map((e) => [e.name, e.township, e.orgUnitId])).toEqual([
        ['甲公司', '金山镇', units['金山镇'].id],
        ['乙公司', '石门镇', units['石门镇'].id],
        ['戊公司', '万安镇', yunlingWanan.id], // 云岭县's, by its code
      ]);

      const exported = await get('enterprises.csv', admin).expect(200);
      const lines = exported.text.replace(/^\uFEFF/, '').split('\r\n');
      const header = lines.findIndex((line) => line.startsWith('企业名称'));
      const columns = lines[header].split(',');
      const code = columns.indexOf('区划代码');
      expect(code).toBeGreaterThan(-1);
      expect(lines[header + 1].split(',')[code]).toBe('990101001000');
    });
  });
});
