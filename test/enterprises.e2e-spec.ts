import request from 'supertest';
import { Clock } from '../src/common/clock/clock';
import { addDays } from '../src/common/dates/business-date';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import { Enterprise } from '../src/enterprises/enterprise.entity';
import { EnterprisesRepository } from '../src/enterprises/enterprises.repository';
import { MemberCountChange } from '../src/enterprises/member-count-change.entity';
import { anEnterprise } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';
import { aSignedInUser, SignedInUser } from './support/users';

describe('Enterprises API (e2e)', () => {
  let sut: TestApp;
  let admin: SignedInUser;

  beforeAll(async () => {
    sut = await createTestApp();
  });
  beforeEach(async () => {
    admin = await aSignedInUser(sut, 'admin');
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await sut.reset();
  });
  afterAll(() => sut.close());

  const post = (body: unknown) =>
    request(sut.http)
      .post('/api/v1/enterprises')
      .set(admin.auth)
      .send(body as object);

  describe('POST /api/v1/enterprises', () => {
    it('creates an enterprise, derives its sector and normalises code and name', async () => {
      const input = anEnterprise({ ownershipType: 'state_controlled', name: '  金八角水泥有限公司 ' });
      const res = await post({ ...input, creditCode: ` ${input.creditCode.toLowerCase()} ` }).expect(201);

      expect(res.body).toEqual({
        id: expect.any(Number),
        name: '金八角水泥有限公司',
        creditCode: input.creditCode,
        ownershipType: 'state_controlled',
        sector: 'state',
        township: '金山镇',
        orgUnitId: expect.any(Number),
        community: '家和社区',
        industry: 'C',
        employeeCount: 120,
        unionFoundedOn: '2020-05-01',
        instructorId: null,
        registeredOn: '2015-03-02',
        closedOn: null,
        memberCount: null,
        workersCongressOn: null,
        version: 1,
      });
      const read = await request(sut.http)
        .get(`/api/v1/enterprises/${res.body.id}`)
        .set(admin.auth)
        .expect(200);
      expect(read.body).toEqual(res.body);
    });

    it.each([
      ['state_owned', 'state'],
      ['collective', 'collective'],
      ['private', 'non_public'],
      ['hk_macao_taiwan', 'non_public'],
      ['foreign', 'non_public'],
      ['other', 'other'],
    ])('puts ownership type %s in sector %s', async (ownershipType, sector) => {
      const res = await post(anEnterprise({ ownershipType: ownershipType as never })).expect(201);
      expect(res.body.sector).toBe(sector);
    });

    it('answers 409 ENTERPRISE.DUPLICATE_CREDIT_CODE for a credit code already registered', async () => {
      const first = anEnterprise();
      await post(first).expect(201);
      const res = await post(anEnterprise({ creditCode: first.creditCode })).expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, code: 'ENTERPRISE.DUPLICATE_CREDIT_CODE' });
      expect(res.body.message).toContain(first.creditCode);
      const list = await request(sut.http).get('/api/v1/enterprises').set(admin.auth).expect(200);
      expect(list.body.total).toBe(1);
    });

    const invalid: [string, Record<string, unknown>, string, RegExp][] = [
      ['a missing name', { name: undefined }, 'name', /1 to 200 characters|must be a string/],
      ['a blank name', { name: '   ' }, 'name', /1 to 200 characters after trimming/],
      ['a name over 200 characters', { name: '企'.repeat(201) }, 'name', /1 to 200 characters/],
      [
        'a credit code of 17 characters',
        { creditCode: '91350100M000100Y4' },
        'creditCode',
        /18 characters, got 17/,
      ],
      [
        'a credit code with the letter O',
        { creditCode: '91350100MO00100Y43' },
        'creditCode',
        /"O" is not allowed/,
      ],
      ['a wrong check character', { creditCode: '91350100M000100Y44' }, 'creditCode', /should be "3"/],
      ['a numeric credit code', { creditCode: 913501001 }, 'creditCode', /string of 18 characters/],
      ['an unknown ownership type', { ownershipType: 'state' }, 'ownershipType', /one of state_owned/],
      ['a missing ownership type', { ownershipType: undefined }, 'ownershipType', /one of/],
      ['an industry outside A–T', { industry: 'U' }, 'industry', /A to T/],
      ['an industry of two letters', { industry: 'CA' }, 'industry', /A to T/],
      ['a fractional employee count', { employeeCount: 12.5 }, 'employeeCount', /whole number/],
      ['an employee count as a string', { employeeCount: '12' }, 'employeeCount', /whole number/],
      ['a negative employee count', { employeeCount: -1 }, 'employeeCount', /0 or more/],
      [
        'an employee count over 10,000,000',
        { employeeCount: 10_000_001 },
        'employeeCount',
        /at most 10000000/,
      ],
      ['a date in another format', { unionFoundedOn: '2020/05/01' }, 'unionFoundedOn', /YYYY-MM-DD/],
      ['a date that does not exist', { registeredOn: '2023-02-29' }, 'registeredOn', /real date/],
      ['a month 13', { closedOn: '2023-13-01' }, 'closedOn', /real date/],
      ['a missing township', { township: undefined }, 'township', /1 to 100 characters|string/],
      ['a non-integer instructor', { instructorId: 'abc' }, 'instructorId', /whole number/],
      // A JSON number, like employeeCount: not converted from a string.
      ['an instructor id as a string', { instructorId: '3' }, 'instructorId', /whole number/],
      [
        'a name of zero-width spaces only',
        { name: '\u200B\u200B\uFEFF' },
        'name',
        /1 to 200 characters after trimming/,
      ],
      [
        'a name of Hangul fillers and invisible separators only',
        { name: '\u3164\u2063\u115F' },
        'name',
        /1 to 200 characters after trimming/,
      ],
      ['a name of braille blanks only', { name: '\u2800\u2800' }, 'name', /at least one letter or digit/],
      ['a line separator in the township', { township: '金山\u2028镇' }, 'township', /U\+2028/],
      [
        'a NUL in the name',
        { name: '金山\u0000纸厂' },
        'name',
        /^name must not contain control or bidirectional-override characters \(U\+0000 at character 3\)$/,
      ],
      ['a right-to-left override in the name', { name: '金山\u202E厂纸' }, 'name', /U\+202E at character 3/],
      ['a line break in the township', { township: '金山\n镇' }, 'township', /U\+000A/],
      [
        'a bidi isolate in the community',
        { community: '\u2066家和社区' },
        'community',
        /U\+2066 at character 1/,
      ],
    ];
    it.each(invalid)('answers 422 naming the field for %s', async (_case, change, field, message) => {
      const res = await post({ ...anEnterprise(), ...change }).expect(422);
      expect(res.body.code).toBe('REQUEST.VALIDATION_FAILED');
      expect(res.body.errors).toEqual(
        expect.arrayContaining([{ field, message: expect.stringMatching(message) }]),
      );
      const list = await request(sut.http).get('/api/v1/enterprises').set(admin.auth).expect(200);
      expect(list.body.total).toBe(0);
    });

    it('accepts boundary values: 0 and 10,000,000 employees, a 200-character name, 2024-02-29', async () => {
      await post(anEnterprise({ employeeCount: 0 })).expect(201);
      await post(anEnterprise({ employeeCount: 10_000_000, name: '企'.repeat(200) })).expect(201);
      await post(anEnterprise({ unionFoundedOn: '2024-02-29' })).expect(201);
    });

    it('answers 422 ENTERPRISE.CLOSED_BEFORE_REGISTERED when closedOn precedes registeredOn', async () => {
      const res = await post(anEnterprise({ registeredOn: '2020-01-10', closedOn: '2020-01-09' })).expect(
        422,
      );
      expect(res.body).toMatchObject({ code: 'ENTERPRISE.CLOSED_BEFORE_REGISTERED' });
      expect(res.body.errors).toEqual([
        { field: 'closedOn', message: expect.stringContaining('2020-01-10') },
      ]);
    });

    it('answers 422 ENTERPRISE.UNION_FOUNDED_ON for a union founded in the future or before the enterprise', async () => {
      const future = await post(anEnterprise({ unionFoundedOn: '2099-01-01' })).expect(422);
      expect(future.body).toMatchObject({
        code: 'ENTERPRISE.UNION_FOUNDED_ON',
        errors: [{ field: 'unionFoundedOn', message: expect.stringContaining('is in the future') }],
      });
      const early = await post(
        anEnterprise({ registeredOn: '2015-03-02', unionFoundedOn: '2015-03-01' }),
      ).expect(422);
      expect(early.body.errors).toEqual([
        {
          field: 'unionFoundedOn',
          message:
            'unionFoundedOn 2015-03-01 is before the enterprise was registered (registeredOn 2015-03-02)',
        },
      ]);
      expect((await request(sut.http).get('/api/v1/enterprises').set(admin.auth)).body.total).toBe(0);
    });

    it('converts full-width characters of codes, letters and dates, and trims invisible ones', async () => {
      const input = anEnterprise();
      const fullWidth = (text: string) =>
        text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
      const res = await post({
        ...input,
        name: '\u200B金山纸厂（分厂）\u3000',
        creditCode: fullWidth(input.creditCode),
        industry: 'Ｃ',
        registeredOn: '２０１５－０３－０２',
        unionFoundedOn: '\u3000２０２０－０５－０１',
      }).expect(201);
      expect(res.body).toMatchObject({
        name: '金山纸厂（分厂）', // full-width parentheses belong to a Chinese name
        creditCode: input.creditCode,
        industry: 'C',
        registeredOn: '2015-03-02',
        unionFoundedOn: '2020-05-01',
      });
      await post({ ...anEnterprise(), creditCode: fullWidth(input.creditCode) }).expect(409);
    });

    it('answers 422 ENTERPRISE.REGISTERED_ON for a registration after today (business time zone)', async () => {
      // 23:30 UTC on 24 November is already the 25th in Shanghai: the 25th is today, not the future.
      jest.spyOn(sut.app.get(Clock), 'now').mockReturnValue(new Date('2026-11-24T23:30:00Z'));
      await post(anEnterprise({ registeredOn: '2026-11-25', unionFoundedOn: null })).expect(201);
      const res = await post(anEnterprise({ registeredOn: '9999-12-31', unionFoundedOn: null })).expect(422);
      expect(res.body).toMatchObject({
        code: 'ENTERPRISE.REGISTERED_ON',
        errors: [
          {
            field: 'registeredOn',
            message: 'registeredOn 9999-12-31 is in the future (today is 2026-11-25)',
          },
        ],
      });
      const created = (await post(anEnterprise({ registeredOn: '2015-03-02' })).expect(201)).body;
      await request(sut.http)
        .patch(`/api/v1/enterprises/${created.id}`)
        .set(admin.auth)
        .send({ registeredOn: '2026-11-26' })
        .expect(422);
      expect((await request(sut.http).get('/api/v1/enterprises').set(admin.auth)).body.total).toBe(2);
    });

    it('answers 400 REQUEST.UNKNOWN_FIELD for a field it does not know, sector included', async () => {
      const res = await post({ ...anEnterprise(), sector: 'state', colour: 'red' }).expect(400);
      expect(res.body.code).toBe('REQUEST.UNKNOWN_FIELD');
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['colour', 'sector']);
    });

    it('answers 400 REQUEST.MALFORMED_JSON for a body that is not JSON', async () => {
      const res = await request(sut.http)
        .post('/api/v1/enterprises')
        .set(admin.auth)
        .set('Content-Type', 'application/json')
        .send('{"name": "金山", ')
        .expect(400);
      expect(res.body).toMatchObject({
        statusCode: 400,
        code: 'REQUEST.MALFORMED_JSON',
        message: expect.stringMatching(/^the request body is not valid JSON: /),
      });
    });

    it('answers 413 REQUEST.BODY_TOO_LARGE for a body over 1 MiB and writes nothing', async () => {
      const res = await post({ ...anEnterprise(), name: 'x'.repeat(1024 * 1024) }).expect(413);
      expect(res.body).toMatchObject({ statusCode: 413, code: 'REQUEST.BODY_TOO_LARGE' });
      const list = await request(sut.http).get('/api/v1/enterprises').set(admin.auth).expect(200);
      expect(list.body.total).toBe(0);
    });

    it.each([
      ['[]', 'an array'],
      ['"x"', 'a string'],
      ['null', 'null'],
      ['3', 'a number'],
    ])('answers 400 for the body %s, saying it must be a JSON object', async (body, what) => {
      const res = await request(sut.http)
        .post('/api/v1/enterprises')
        .set(admin.auth)
        .set('Content-Type', 'application/json')
        .send(body)
        .expect(400);
      expect(res.body).toMatchObject({
        code: 'REQUEST.MALFORMED_JSON',
        message: `the request body must be a JSON object: it is ${what}`,
      });
    });
  });

  // A decision, not a fix (issue 14 item 17): registries do hold firms of one name (registered by
  // different offices, or before a rename); the credit code is the identity, and pickers show it.
  it('keeps two firms of one name in one township apart by their credit codes', async () => {
    const first = await post(anEnterprise({ name: '万安镇兴旺水泥有限公司', township: '万安镇' })).expect(
      201,
    );
    const second = await post(anEnterprise({ name: '万安镇兴旺水泥有限公司', township: '万安镇' })).expect(
      201,
    );
    expect(second.body.creditCode).not.toBe(first.body.creditCode);
    const listed = await request(sut.http)
      .get('/api/v1/enterprises')
      .query({ q: '兴旺水泥' })
      .set(admin.auth)
      .expect(200);
    expect(listed.body.items.map((e: { id: number }) => e.id)).toEqual([first.body.id, second.body.id]);
  });

  describe('GET /api/v1/enterprises/:id', () => {
    it.each(['999999', 'abc', '-1', '1.5'])('answers 404 ENTERPRISE.NOT_FOUND for id %s', async (id) => {
      const res = await request(sut.http).get(`/api/v1/enterprises/${id}`).set(admin.auth).expect(404);
      expect(res.body.code).toBe('ENTERPRISE.NOT_FOUND');
    });
  });

  describe('PATCH /api/v1/enterprises/:id', () => {
    const patch = (id: number, body: unknown) =>
      request(sut.http)
        .patch(`/api/v1/enterprises/${id}`)
        .set(admin.auth)
        .send(body as object);

    it('changes the given fields, clears nullable ones with null and re-derives the sector', async () => {
      const created = (await post(anEnterprise()).expect(201)).body;
      const res = await patch(created.id, {
        employeeCount: 300,
        ownershipType: 'foreign',
        community: null,
        unionFoundedOn: null,
      }).expect(200);
      expect(res.body).toEqual({
        ...created,
        employeeCount: 300,
        ownershipType: 'foreign',
        sector: 'non_public',
        community: null,
        unionFoundedOn: null,
        version: 2,
      });
      expect((await request(sut.http).get(`/api/v1/enterprises/${created.id}`).set(admin.auth)).body).toEqual(
        res.body,
      );
    });

    it.each([
      ['name', { name: null }],
      ['ownershipType', { ownershipType: null }],
      ['employeeCount', { employeeCount: null }],
      ['creditCode', { creditCode: 'ABC' }],
    ])('refuses to null or break a required field (%s) with 422', async (field, body) => {
      const created = (await post(anEnterprise()).expect(201)).body;
      const res = await patch(created.id, body).expect(422);
      expect(res.body.errors[0].field).toBe(field);
      expect((await request(sut.http).get(`/api/v1/enterprises/${created.id}`).set(admin.auth)).body).toEqual(
        created,
      );
    });

    it('leaves a record stored before the union-date rule editable, and judges its dates when they change', async () => {
      const created = (await post(anEnterprise({ registeredOn: '2019-06-01' })).expect(201)).body;
      await sut.dataSource.getRepository(Enterprise).update(created.id, { unionFoundedOn: '2018-01-01' });
      await patch(created.id, { employeeCount: 99 }).expect(200);
      const res = await patch(created.id, { unionFoundedOn: '2018-02-01' }).expect(422);
      expect(res.body.code).toBe('ENTERPRISE.UNION_FOUNDED_ON');
      await patch(created.id, { unionFoundedOn: '2019-06-01' }).expect(200);
    });

    it('checks closedOn against the stored registeredOn', async () => {
      const created = (await post(anEnterprise({ registeredOn: '2019-06-01' })).expect(201)).body;
      const res = await patch(created.id, { closedOn: '2019-05-31' }).expect(422);
      expect(res.body.code).toBe('ENTERPRISE.CLOSED_BEFORE_REGISTERED');
      await patch(created.id, { closedOn: '2019-06-01' }).expect(200);
    });

    it('answers 409 when the new credit code belongs to another enterprise, and changes nothing', async () => {
      const a = (await post(anEnterprise()).expect(201)).body;
      const b = (await post(anEnterprise()).expect(201)).body;
      const res = await patch(b.id, { creditCode: a.creditCode, name: '改名' }).expect(409);
      expect(res.body.code).toBe('ENTERPRISE.DUPLICATE_CREDIT_CODE');
      expect((await request(sut.http).get(`/api/v1/enterprises/${b.id}`).set(admin.auth)).body).toEqual(b);
    });

    it('answers 404 for an unknown enterprise and 400 for an unknown field', async () => {
      await patch(424242, { name: '新名' }).expect(404);
      const created = (await post(anEnterprise()).expect(201)).body;
      const res = await patch(created.id, { sector: 'state' }).expect(400);
      expect(res.body.code).toBe('REQUEST.UNKNOWN_FIELD');
    });
  });

  describe('members (会员人数) and the workers’ congress (职代会建立日期)', () => {
    const patch = (id: number, body: object) =>
      request(sut.http).patch(`/api/v1/enterprises/${id}`).set(admin.auth).send(body);
    /** The clock at 17:30 UTC, already the next day in Shanghai: the business day a change is recorded on. */
    const atShanghaiDay = (day: string) =>
      jest.spyOn(sut.app.get(Clock), 'now').mockReturnValue(new Date(`${addDays(day, -1)}T17:30:00Z`));
    const changes = async () =>
      (await sut.dataSource.getRepository(MemberCountChange).find({ order: { id: 'ASC' } })).map(
        ({ enterpriseId, recordedOn, memberCount, increase }) => ({
          enterpriseId,
          recordedOn,
          memberCount,
          increase,
        }),
      );

    it('records the count given when the enterprise is created as an increase from zero, on the business day', async () => {
      atShanghaiDay('2026-03-02'); // 17:30 UTC on 1 March
      const created = (
        await post(anEnterprise({ memberCount: 85, workersCongressOn: '2021-04-15' })).expect(201)
      ).body;
      expect(created).toMatchObject({ memberCount: 85, workersCongressOn: '2021-04-15', version: 1 });
      expect(await changes()).toEqual([
        { enterpriseId: created.id, recordedOn: '2026-03-02', memberCount: 85, increase: 85 },
      ]);
      const read = await request(sut.http).get(`/api/v1/enterprises/${created.id}`).set(admin.auth);
      expect(read.body).toMatchObject({ memberCount: 85, workersCongressOn: '2021-04-15' });
      const listed = await request(sut.http).get('/api/v1/enterprises').set(admin.auth).expect(200);
      expect(listed.body.items[0]).toMatchObject({ memberCount: 85, workersCongressOn: '2021-04-15' });
      const audit = await sut.dataSource
        .getRepository(AuditEntry)
        .findOneByOrFail({ action: 'enterprise.create' });
      expect(audit.changes).toMatchObject({
        memberCount: { from: null, to: 85 },
        workersCongressOn: { from: null, to: '2021-04-15' },
      });

      // Without a count, nothing is recorded; a count of nobody is recorded, adding nobody.
      await post(anEnterprise()).expect(201);
      const none = (await post(anEnterprise({ memberCount: 0 })).expect(201)).body;
      expect((await changes()).slice(1)).toEqual([
        { enterpriseId: none.id, recordedOn: '2026-03-02', memberCount: 0, increase: 0 },
      ]);
    });

    it('records each changed count with what it added: a rise its difference, a fall nothing, the same count no row', async () => {
      atShanghaiDay('2026-01-10');
      const created = (await post(anEnterprise({ memberCount: 85 })).expect(201)).body;
      atShanghaiDay('2026-02-20');
      await patch(created.id, { memberCount: 100, expectedVersion: 1 }).expect(200);
      atShanghaiDay('2026-03-05');
      const fell = await patch(created.id, { memberCount: 90, expectedVersion: 2 }).expect(200);
      expect(fell.body).toMatchObject({ memberCount: 90, version: 3 });
      // The same count again, or a change of something else: nothing to record, and nothing written.
      const same = await patch(created.id, { memberCount: 90, expectedVersion: 3 }).expect(200);
      expect(same.body.version).toBe(3);
      await patch(created.id, { community: '金雁社区', expectedVersion: 3 }).expect(200);
      // A stale version writes nothing, the count included.
      await patch(created.id, { memberCount: 120, expectedVersion: 3 }).expect(409);
      // Cleared (not known), then given again: it adds only what it grew by since the last count recorded.
      atShanghaiDay('2026-04-01');
      await patch(created.id, { memberCount: null, expectedVersion: 4 }).expect(200);
      await patch(created.id, { memberCount: 96, expectedVersion: 5 }).expect(200);
      expect(await changes()).toEqual([
        { enterpriseId: created.id, recordedOn: '2026-01-10', memberCount: 85, increase: 85 },
        { enterpriseId: created.id, recordedOn: '2026-02-20', memberCount: 100, increase: 15 },
        { enterpriseId: created.id, recordedOn: '2026-03-05', memberCount: 90, increase: 0 },
        { enterpriseId: created.id, recordedOn: '2026-04-01', memberCount: 96, increase: 6 },
      ]);
      const updates = await sut.dataSource
        .getRepository(AuditEntry)
        .find({ where: { action: 'enterprise.update' }, order: { id: 'ASC' } });
      expect(updates.map((entry) => entry.changes)).toEqual([
        { memberCount: { from: 85, to: 100 } },
        { memberCount: { from: 100, to: 90 } },
        { community: { from: '家和社区', to: '金雁社区' } },
        { memberCount: { from: 90, to: null } },
        { memberCount: { from: null, to: 96 } },
      ]);
    });

    it('writes the count and its change in one transaction: when the change cannot be recorded, nothing is written', async () => {
      const repository = sut.app.get(EnterprisesRepository);
      const failToRecord = () =>
        jest
          .spyOn(repository as unknown as { recordMemberCounts: () => Promise<void> }, 'recordMemberCounts')
          .mockRejectedValueOnce(new Error('test: the change row cannot be written'));
      failToRecord();
      await post(anEnterprise({ memberCount: 50 })).expect(500);
      expect((await request(sut.http).get('/api/v1/enterprises').set(admin.auth)).body.total).toBe(0);

      const created = (await post(anEnterprise({ memberCount: 10 })).expect(201)).body;
      failToRecord();
      await patch(created.id, { memberCount: 70, name: '改名' }).expect(500);
      const read = await request(sut.http).get(`/api/v1/enterprises/${created.id}`).set(admin.auth);
      expect(read.body).toEqual(created);
      expect(await changes()).toEqual([
        expect.objectContaining({ enterpriseId: created.id, memberCount: 10 }),
      ]);
      expect(await sut.dataSource.getRepository(AuditEntry).countBy({ action: 'enterprise.update' })).toBe(0);

      // A taken credit code refuses the whole write, the count with it.
      await post(anEnterprise({ creditCode: created.creditCode, memberCount: 50 })).expect(409);
      expect(await changes()).toHaveLength(1);
    });

    it.each([
      ['a negative member count', { memberCount: -1 }, 'memberCount', /0 or more/],
      ['a fractional member count', { memberCount: 12.5 }, 'memberCount', /whole number/],
      ['a member count as a string', { memberCount: '12' }, 'memberCount', /whole number/],
      ['a member count over 10,000,000', { memberCount: 10_000_001 }, 'memberCount', /at most 10000000/],
      [
        'a congress date in another format',
        { workersCongressOn: '2021/04/15' },
        'workersCongressOn',
        /YYYY-MM-DD/,
      ],
      [
        'a congress date that does not exist',
        { workersCongressOn: '2021-02-29' },
        'workersCongressOn',
        /real date/,
      ],
    ])('answers 422 naming the field for %s, and writes nothing', async (_case, change, field, message) => {
      const res = await post({ ...anEnterprise(), ...change }).expect(422);
      expect(res.body.code).toBe('REQUEST.VALIDATION_FAILED');
      expect(res.body.errors).toEqual([{ field, message: expect.stringMatching(message) }]);
      const created = (await post(anEnterprise({ memberCount: 5 })).expect(201)).body;
      const refused = await patch(created.id, change).expect(422);
      expect(refused.body.errors).toEqual([{ field, message: expect.stringMatching(message) }]);
      expect((await request(sut.http).get('/api/v1/enterprises').set(admin.auth)).body.total).toBe(1);
      expect(await changes()).toHaveLength(1);
    });

    it('takes members above the head count and a member count of a firm without a union (rosters are reported on different days)', async () => {
      const res = await post(
        anEnterprise({ employeeCount: 40, memberCount: 46, unionFoundedOn: null }),
      ).expect(201);
      expect(res.body).toMatchObject({ employeeCount: 40, memberCount: 46 });
      await post(anEnterprise({ memberCount: 10_000_000 })).expect(201);
    });

    it('answers 422 ENTERPRISE.WORKERS_CONGRESS_ON for a congress in the future or before the enterprise, judged when its dates change', async () => {
      atShanghaiDay('2026-11-25');
      await post(anEnterprise({ workersCongressOn: '2026-11-25' })).expect(201); // today
      const future = await post(anEnterprise({ workersCongressOn: '2026-11-26' })).expect(422);
      expect(future.body).toEqual({
        statusCode: 422,
        code: 'ENTERPRISE.WORKERS_CONGRESS_ON',
        message: 'workersCongressOn 2026-11-26 is in the future (today is 2026-11-25)',
        errors: [
          {
            field: 'workersCongressOn',
            message: 'workersCongressOn 2026-11-26 is in the future (today is 2026-11-25)',
          },
        ],
      });
      const early = await post(
        anEnterprise({ registeredOn: '2015-03-02', workersCongressOn: '2015-03-01' }),
      ).expect(422);
      expect(early.body.errors).toEqual([
        {
          field: 'workersCongressOn',
          message:
            'workersCongressOn 2015-03-01 is before the enterprise was registered (registeredOn 2015-03-02)',
        },
      ]);
      // No registration date: only the future is refused.
      await post(anEnterprise({ registeredOn: null, workersCongressOn: '1990-01-01' })).expect(201);

      const created = (
        await post(anEnterprise({ registeredOn: '2015-03-02', workersCongressOn: '2016-05-04' })).expect(201)
      ).body;
      // A registration moved after the congress is refused under the congress's date.
      const moved = await patch(created.id, { registeredOn: '2017-01-01' }).expect(422);
      expect(moved.body.code).toBe('ENTERPRISE.WORKERS_CONGRESS_ON');
      // A record stored before the rule stays editable; its congress date is judged when it changes.
      await sut.dataSource.getRepository(Enterprise).update(created.id, { workersCongressOn: '2014-01-01' });
      await patch(created.id, { employeeCount: 99 }).expect(200);
      await patch(created.id, { workersCongressOn: '2014-02-01' }).expect(422);
      await patch(created.id, { workersCongressOn: null }).expect(200);
      expect((await request(sut.http).get('/api/v1/enterprises').set(admin.auth)).body.total).toBe(3);
    });
  });

  describe('versions: PATCH with expectedVersion or If-Match', () => {
    const patch = (id: number, body: object, headers: Record<string, string> = {}) =>
      request(sut.http).patch(`/api/v1/enterprises/${id}`).set(admin.auth).set(headers).send(body);
    const read = async (id: number) =>
      (await request(sut.http).get(`/api/v1/enterprises/${id}`).set(admin.auth).expect(200)).body;

    it('lets one of two PATCHes at the same expectedVersion through; the other gets 409 with currentVersion', async () => {
      const created = (await post(anEnterprise({ employeeCount: 100 })).expect(201)).body;
      expect(created.version).toBe(1);
      const answers = await Promise.all([
        patch(created.id, { employeeCount: 200, expectedVersion: 1 }),
        patch(created.id, { employeeCount: 300, expectedVersion: 1 }),
      ]);
      expect(answers.map((res) => res.status).sort()).toEqual([200, 409]);
      const won = answers.find((res) => res.status === 200)!;
      const lost = answers.find((res) => res.status === 409)!;
      expect(won.body.version).toBe(2);
      expect(lost.body).toMatchObject({
        statusCode: 409,
        code: 'ENTERPRISE.VERSION_CONFLICT',
        currentVersion: 2,
        message: expect.stringContaining('reload'),
      });
      expect(await read(created.id)).toEqual(won.body);
      const audit = await request(sut.http)
        .get('/api/v1/audit')
        .query({ entityType: 'enterprise', entityId: created.id, action: 'enterprise.update' })
        .set(admin.auth)
        .expect(200);
      expect(audit.body.total).toBe(1);

      // The loser, told the current version, goes through. (Its change is one neither PATCH
      // made: whichever won, an unchanged PATCH would keep version 2.)
      const retried = await patch(created.id, { employeeCount: 400, expectedVersion: 2 }).expect(200);
      expect(retried.body).toMatchObject({ employeeCount: 400, version: 3 });
    });

    it('takes the version from If-Match (quoted or not) and works as before without one', async () => {
      const created = (await post(anEnterprise()).expect(201)).body;
      const quoted = await patch(created.id, { name: '新名一' }, { 'If-Match': '"1"' }).expect(200);
      expect(quoted.body.version).toBe(2);
      const stale = await patch(created.id, { name: '新名二' }, { 'If-Match': '1' }).expect(409);
      expect(stale.body).toMatchObject({ code: 'ENTERPRISE.VERSION_CONFLICT', currentVersion: 2 });
      const unguarded = await patch(created.id, { name: '新名三' }).expect(200);
      expect(unguarded.body).toMatchObject({ name: '新名三', version: 3 });
      expect((await read(created.id)).name).toBe('新名三');
    });

    it('tells a PATCH without a version that kept losing to other writes to try again, not that it sent a version', async () => {
      const created = (await post(anEnterprise()).expect(201)).body;
      const repository = sut.app.get(EnterprisesRepository);
      const write = repository.updateAtVersion.bind(repository);
      // Someone else's write lands between each attempt's check and its write (in the same
      // transaction here, so it is the same on every database): every attempt loses.
      jest
        .spyOn(repository, 'updateAtVersion')
        .mockImplementation(async (manager, before, changes, recordedOn) => {
          await manager.query('UPDATE enterprises SET version = version + 1 WHERE id = ?', [before.id]);
          return write(manager, before, changes, recordedOn);
        });
      const res = await patch(created.id, { name: '改名' }).expect(409);
      expect(res.body).toEqual({
        statusCode: 409,
        code: 'ENTERPRISE.VERSION_CONFLICT',
        message:
          'the enterprise was changed by someone else while saving (it is now at version 4); try again',
        messageZh: '保存时该企业恰好被他人修改，请重试',
        currentVersion: 4,
      });
      expect((await read(created.id)).name).toBe(created.name);
    });

    it.each([
      ['an If-Match that is no version', {}, { 'If-Match': 'abc' }, 'If-Match'],
      ['expectedVersion as a string', { expectedVersion: '1' }, {}, 'expectedVersion'],
      ['expectedVersion 0', { expectedVersion: 0 }, {}, 'expectedVersion'],
      [
        'expectedVersion and If-Match that disagree',
        { expectedVersion: 1 },
        { 'If-Match': '2' },
        'expectedVersion',
      ],
    ])('answers 422 naming the field for %s, and changes nothing', async (_case, body, headers, field) => {
      const created = (await post(anEnterprise()).expect(201)).body;
      const res = await patch(created.id, { ...body, name: '改名' }, headers).expect(422);
      expect(res.body.errors).toEqual([{ field, message: expect.any(String) }]);
      expect(await read(created.id)).toEqual(created);
    });

    it('adds 1 on every change by any path: PATCH, roster import, release of a deactivated instructor', async () => {
      const instructor = await aSignedInUser(sut, 'instructor');
      const created = (
        await post(anEnterprise({ instructorId: instructor.id, employeeCount: 10 })).expect(201)
      ).body;
      const same = await patch(created.id, { employeeCount: 10, expectedVersion: 1 }).expect(200);
      expect(same.body.version).toBe(1); // nothing changed, nothing written

      const csv = Buffer.from(
        `name,creditCode,ownershipType,township,industry,employeeCount\n${created.name},${created.creditCode},private,金山镇,C,11\n`,
      );
      const imported = await request(sut.http)
        .post('/api/v1/enterprises/import')
        .set(admin.auth)
        .attach('file', csv, 'roster.csv')
        .expect(200);
      expect(imported.body).toMatchObject({ updated: 1, errors: [] });
      expect(await read(created.id)).toMatchObject({ employeeCount: 11, version: 2 });

      await request(sut.http)
        .patch(`/api/v1/users/${instructor.id}`)
        .set(admin.auth)
        .send({ active: false })
        .expect(200);
      expect(await read(created.id)).toMatchObject({ instructorId: null, version: 3 });
      await patch(created.id, { employeeCount: 12, expectedVersion: 2 }).expect(409);
    });
  });

  describe('GET /api/v1/enterprises', () => {
    const list = (query: Record<string, string | number>) =>
      request(sut.http).get('/api/v1/enterprises').set(admin.auth).query(query);

    async function seed() {
      const instructor = await aSignedInUser(sut, 'instructor');
      const rows = [
        anEnterprise({
          name: '金八角水泥有限公司',
          ownershipType: 'state_owned',
          township: '金山镇',
          industry: 'C',
        }),
        anEnterprise({
          name: '万安物流有限公司',
          ownershipType: 'private',
          township: '万安镇',
          industry: 'G',
          instructorId: instructor.id,
        }),
        anEnterprise({
          name: '蟠龙电子有限公司',
          ownershipType: 'foreign',
          township: '蟠龙镇',
          industry: 'C',
          instructorId: instructor.id,
        }),
        anEnterprise({
          name: '红玉村集体农场',
          ownershipType: 'collective',
          township: '金山镇',
          industry: 'A',
        }),
        anEnterprise({ name: '100%_纯净水厂', ownershipType: 'private', township: '金山镇', industry: 'C' }),
      ];
      const created = [];
      for (const row of rows) created.push((await post(row).expect(201)).body);
      return Object.assign(created, { instructor });
    }

    it('filters by ownership type, sector, township, industry, instructor and text', async () => {
      const seeded = await seed();
      const [jinbajiao, wanan, panlong, hongyu, water] = seeded;
      const names = async (query: Record<string, string | number>) =>
        (await list(query).expect(200)).body.items.map((e: { name: string }) => e.name);

      expect(await names({ ownershipType: 'state_owned' })).toEqual([jinbajiao.name]);
      expect(await names({ sector: 'non_public' })).toEqual([wanan.name, panlong.name, water.name]);
      expect(await names({ township: '金山镇' })).toEqual([jinbajiao.name, hongyu.name, water.name]);
      expect(await names({ industry: 'c' })).toEqual([jinbajiao.name, panlong.name, water.name]);
      expect(await names({ instructorId: seeded.instructor.id })).toEqual([wanan.name, panlong.name]);
      expect(await names({ q: '水泥' })).toEqual([jinbajiao.name]);
      expect(await names({ q: panlong.creditCode.slice(4, 11).toLowerCase() })).toEqual([panlong.name]);
      // As a Chinese input method types it: full-width digits and letters find the code too.
      const fullWidth = [...panlong.creditCode.slice(4, 11)]
        .map((char) => String.fromCodePoint(char.codePointAt(0)! + 0xfee0))
        .join('');
      expect(await names({ q: fullWidth })).toEqual([panlong.name]);
      expect(await names({ q: '%' })).toEqual([water.name]);
      expect(await names({ q: '_' })).toEqual([water.name]);
      expect(await names({ sector: 'non_public', township: '金山镇', industry: 'C' })).toEqual([water.name]);
    });

    it('pages in a stable id order and reports the total', async () => {
      const created = await seed();
      const first = (await list({ pageSize: 2 }).expect(200)).body;
      const third = (await list({ pageSize: 2, page: 3 }).expect(200)).body;
      expect(first).toMatchObject({ total: 5, page: 1, pageSize: 2 });
      expect(first.items.map((e: { id: number }) => e.id)).toEqual([created[0].id, created[1].id]);
      expect(third.items.map((e: { id: number }) => e.id)).toEqual([created[4].id]);
      const beyond = (await list({ page: 9 }).expect(200)).body;
      expect(beyond).toEqual({ items: [], total: 5, page: 9, pageSize: 50 });
    });

    it.each([
      [{ pageSize: 201 }, 'pageSize', /from 1 to 200/],
      [{ pageSize: 0 }, 'pageSize', /from 1 to 200/],
      [{ page: 'two' }, 'page', /whole number/],
      [{ sector: 'public' }, 'sector', /one of state, collective, non_public, other/],
      [{ industry: 'Z' }, 'industry', /A to T/],
      [{ ownershipType: 'x' }, 'ownershipType', /one of/],
    ])('answers 422 for the query %o', async (query, field, message) => {
      const res = await list(query as Record<string, string | number>).expect(422);
      expect(res.body.errors).toEqual([{ field, message: expect.stringMatching(message) }]);
    });

    it('answers 400 for an unknown query parameter', async () => {
      const res = await list({ colour: 'red' }).expect(400);
      expect(res.body.code).toBe('REQUEST.UNKNOWN_FIELD');
    });
  });

  it('documents every enterprise route and DTO in the OpenAPI JSON', async () => {
    const res = await request(sut.http).get('/api/docs-json').set(admin.auth).expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/enterprises', '/api/v1/enterprises/{id}', '/health']),
    );
    const schemas = res.body.components.schemas;
    expect(Object.keys(schemas.CreateEnterpriseDto.properties)).toHaveLength(14);
    expect(schemas.CreateEnterpriseDto.properties).toMatchObject({
      memberCount: { type: 'number', nullable: true, minimum: 0, maximum: 10_000_000 },
      workersCongressOn: { type: 'string', format: 'date', nullable: true },
    });
    expect(schemas.EnterpriseResponse.required).toEqual(
      expect.arrayContaining(['memberCount', 'workersCongressOn']),
    );
    // township or orgUnitId, one of them: neither is required on its own
    expect(schemas.CreateEnterpriseDto.required).not.toContain('township');
    expect(schemas.CreateEnterpriseDto.required).toEqual(
      expect.arrayContaining(['name', 'creditCode', 'ownershipType', 'industry', 'employeeCount']),
    );
    expect(schemas.EnterpriseResponse.properties.sector.enum).toEqual([
      'state',
      'collective',
      'non_public',
      'other',
    ]);
    await request(sut.http).get('/api/docs').set(admin.auth).expect(200);
  });
});
