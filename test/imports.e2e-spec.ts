import ExcelJS from 'exceljs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import { Clock } from '../src/common/clock/clock';
import { loadImportsConfig } from '../src/imports/imports.config';
import { isMysqlFamily } from '../src/database/transactions';
import { Enterprise } from '../src/enterprises/enterprise.entity';
import { EnterprisesRepository } from '../src/enterprises/enterprises.repository';
import { MemberCountChange } from '../src/enterprises/member-count-change.entity';
import { Negotiation } from '../src/negotiations/entities/negotiation.entity';
import { aCreditCode } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';
import { binaryBody } from './support/binary-body';
import { aSignedInUser, SignedInUser } from './support/users';

type Cell = string | number | Date | null;

async function xlsx(rows: Cell[][], title?: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名册');
  if (title) sheet.addRow([title]);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A workbook of several sheets, in order: [name, rows]. */
async function workbookOf(sheets: [string, Cell[][]][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of sheets) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function gbk(text: string): Buffer {
  // Node has no GBK encoder; a table of the few characters used here is enough for a test file.
  const table: Record<string, number[]> = JSON.parse(
    '{"企":[198,243],"业":[210,181],"名":[195,251],"称":[179,198],"统":[205,179],"一":[210,187],"社":[201,231],"会":[187,225],"信":[208,197],"用":[211,195],"代":[180,250],"码":[194,235],"所":[203,249],"有":[211,208],"制":[214,198],"类":[192,224],"型":[208,205],"乡":[207,231],"镇":[213,242],"/":[47],"街":[189,214],"道":[181,192],"行":[208,208],"门":[195,197],"职":[214,176],"工":[185,164],"人":[200,203],"数":[202,253],"私":[203,189],"营":[211,170],"金":[189,240],"山":[201,189],"纸":[214,189],"厂":[179,167]}',
  );
  const bytes: number[] = [];
  for (const char of text) bytes.push(...(table[char] ?? [char.charCodeAt(0)]));
  return Buffer.from(bytes);
}

const HEADERS = [
  '企业名称',
  '统一社会信用代码',
  '所有制类型',
  '乡镇/街道',
  '村/社区',
  '行业门类',
  '职工人数',
  '建会日期',
  '指导员账号',
  '成立日期',
  '注销日期',
];

/**
 * MySQL/MariaDB: the next insert into `table` fails as a deadlock victim would (errno 1213),
 * once: a trigger consumes a MyISAM marker row, which the rollback of the transaction does not
 * bring back, so the retried transaction gets through. Returns the cleanup. SQLite runs writes
 * one at a time and never retries: nothing to arrange there.
 */
async function deadlockOnceOnInsert(dataSource: DataSource, table: string): Promise<() => Promise<void>> {
  if (!isMysqlFamily(dataSource)) return async () => undefined;
  await dataSource.query('CREATE TABLE test_deadlock_once (n INT) ENGINE=MyISAM');
  await dataSource.query('INSERT INTO test_deadlock_once VALUES (1)');
  await dataSource.query(
    `CREATE TRIGGER test_deadlock_once BEFORE INSERT ON ${table} FOR EACH ROW BEGIN
       IF (SELECT COUNT(*) FROM test_deadlock_once) > 0 THEN
         DELETE FROM test_deadlock_once;
         SIGNAL SQLSTATE '40001' SET MYSQL_ERRNO = 1213, MESSAGE_TEXT = 'test: deadlock victim';
       END IF;
     END`,
  );
  return async () => {
    const [{ remaining }] = await dataSource.query('SELECT COUNT(*) AS remaining FROM test_deadlock_once');
    await dataSource.query('DROP TRIGGER test_deadlock_once');
    await dataSource.query('DROP TABLE test_deadlock_once');
    expect(Number(remaining)).toBe(0); // the first attempt did meet the deadlock
  };
}

describe('Roster and agreement import/export (e2e)', () => {
  let sut: TestApp;
  let admin: SignedInUser;
  let instructor: SignedInUser;

  beforeAll(async () => {
    sut = await createTestApp({ imports: { maxUploadBytes: 1024 * 1024 } });
  });
  beforeEach(async () => {
    admin = await aSignedInUser(sut, 'admin');
    instructor = await aSignedInUser(sut, 'instructor');
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await sut.reset();
  });
  afterAll(() => sut.close());

  const upload = (
    path: string,
    file: Buffer,
    filename: string,
    query: Record<string, string> = {},
    as = admin,
  ) => request(sut.http).post(`/api/v1/${path}`).query(query).set(as.auth).attach('file', file, filename);
  const count = () => sut.dataSource.getRepository(Enterprise).count();

  function goodRows(): Cell[][] {
    return [
      [
        '金八角水泥有限公司',
        aCreditCode(),
        '国有控股企业',
        '金山镇',
        '家和社区',
        'C',
        320,
        new Date(Date.UTC(2011, 4, 1)),
        instructor.username,
        '2007/9/12',
        null,
      ],
      [
        '万安纺织有限公司',
        aCreditCode(),
        'hk_macao_taiwan',
        '万安镇',
        null,
        'c',
        '410',
        '2013-06-18',
        null,
        '2010-02-25',
        null,
      ],
      [
        '蟠龙精密机械有限公司',
        aCreditCode(),
        '外商投资企业',
        '蟠龙镇',
        '龙泉村',
        'C',
        275,
        null,
        instructor.username,
        new Date(Date.UTC(2014, 4, 6)),
        null,
      ],
    ];
  }

  it('imports an .xlsx roster with Chinese headers under a title row, Excel date cells and Chinese labels', async () => {
    const rows = goodRows();
    const res = await upload(
      'enterprises/import',
      await xlsx([HEADERS, ...rows], '2026年金山县企业名册'),
      '名册.xlsx',
    ).expect(200);
    expect(res.body).toEqual({
      created: 3,
      updated: 0,
      unchanged: 0,
      errors: [],
      dryRun: false,
      applied: true,
    });
    const stored = await sut.dataSource.getRepository(Enterprise).find({ order: { id: 'ASC' } });
    expect(
      stored.map((e) => [
        e.name,
        e.ownershipType,
        e.industry,
        e.employeeCount,
        e.unionFoundedOn,
        e.registeredOn,
        e.instructorId,
      ]),
    ).toEqual([
      ['金八角水泥有限公司', 'state_controlled', 'C', 320, '2011-05-01', '2007-09-12', instructor.id],
      ['万安纺织有限公司', 'hk_macao_taiwan', 'C', 410, '2013-06-18', '2010-02-25', null],
      ['蟠龙精密机械有限公司', 'foreign', 'C', 275, null, '2014-05-06', instructor.id],
    ]);
    const audit = await sut.dataSource
      .getRepository(AuditEntry)
      .countBy({ action: 'enterprise.import.create' });
    expect(audit).toBe(3);
  });

  it('keeps Chinese text whole in large workbooks (exceljs splits characters across chunks; patched)', async () => {
    const rows: Cell[][] = Array.from({ length: 4000 }, (_, i) => [
      `蟠龙镇华泰精密机械制造有限公司第${i}分厂`,
      aCreditCode(),
      '港澳台商投资企业',
      '蟠龙镇',
      '龙泉村',
      'C',
      100,
      null,
      null,
      null,
      null,
    ]);
    const res = await upload('enterprises/import', await xlsx([HEADERS, ...rows]), 'big.xlsx').expect(200);
    expect(res.body).toMatchObject({ created: 4000, errors: [] });
    const garbled = await sut.dataSource
      .getRepository(Enterprise)
      .createQueryBuilder('e')
      .where('e.name NOT LIKE :prefix', { prefix: '蟠龙镇华泰精密机械制造有限公司第%' })
      .getCount();
    expect(garbled).toBe(0);
  });

  it('upserts by credit code: the same file again is unchanged, a changed cell is an audited update', async () => {
    const rows = goodRows();
    await upload('enterprises/import', await xlsx([HEADERS, ...rows]), 'a.xlsx').expect(200);
    const again = await upload('enterprises/import', await xlsx([HEADERS, ...rows]), 'a.xlsx').expect(200);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    rows[1][6] = 450;
    const changed = await upload('enterprises/import', await xlsx([HEADERS, ...rows]), 'a.xlsx').expect(200);
    expect(changed.body).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const entry = await sut.dataSource
      .getRepository(AuditEntry)
      .findOneByOrFail({ action: 'enterprise.import.update' });
    expect(entry.changes).toEqual({ employeeCount: { from: 410, to: 450 } });
    expect(entry.actorId).toBe(admin.id);
  });

  it('answers simultaneous imports of the same new rows with 200 each: one creates them, the others find them', async () => {
    const file = await xlsx([HEADERS, ...goodRows()]);
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => upload('enterprises/import', file, 'same.xlsx')),
    );
    expect(answers.map((res) => res.status)).toEqual([200, 200, 200, 200]);
    for (const res of answers) {
      expect(res.body).toMatchObject({ errors: [], applied: true });
      expect(res.body.created + res.body.updated + res.body.unchanged).toBe(3);
    }
    expect(answers.reduce((sum, res) => sum + res.body.created, 0)).toBe(3);
    expect(await count()).toBe(3);
    expect(
      await sut.dataSource.getRepository(AuditEntry).countBy({ action: 'enterprise.import.create' }),
    ).toBe(3);
  });

  it('reads a GBK CSV (as Excel saves it on Chinese Windows) and a UTF-8 CSV with a BOM and English headers', async () => {
    const code = aCreditCode();
    const gbkFile = gbk(
      `企业名称,统一社会信用代码,所有制类型,乡镇/街道,行业门类,职工人数\r\n金山纸厂,${code},私营企业,金山镇,C,12\r\n`,
    );
    const gbkRes = await upload('enterprises/import', gbkFile, 'roster.csv').expect(200);
    expect(gbkRes.body).toMatchObject({ created: 1, errors: [] });
    expect((await sut.dataSource.getRepository(Enterprise).findOneByOrFail({ creditCode: code })).name).toBe(
      '金山纸厂',
    );

    const utf8 = Buffer.from(
      `\uFEFFname,creditCode,ownershipType,township,industry,employeeCount\n万安物流有限公司,${aCreditCode()},private,万安镇,G,30\n`,
    );
    const utf8Res = await upload('enterprises/import', utf8, 'roster.csv').expect(200);
    expect(utf8Res.body).toMatchObject({ created: 1, errors: [] });
  });

  it('reports every bad cell by row and column, applies the good rows, and hands the bad ones back', async () => {
    const good = goodRows()[0];
    const duplicate = good[1];
    const bad: Cell[][] = [
      ['坏码企业', '91350100M000100Y44', '私营企业', '金山镇', null, 'C', 10, null, null, null, null],
      ['未知所有制', aCreditCode(), '股份制', '金山镇', null, 'C', 10, null, null, null, null],
      ['行业错误', aCreditCode(), '私营企业', '金山镇', null, 'Z', 10, null, null, null, null],
      ['人数错误', aCreditCode(), '私营企业', '金山镇', null, 'C', '很多', null, null, null, null],
      ['日期错误', aCreditCode(), '私营企业', '金山镇', null, 'C', 10, '2026-02-30', null, null, null],
      ['指导员错误', aCreditCode(), '私营企业', '金山镇', null, 'C', 10, null, 'nobody', null, null],
      [
        '注销早于成立',
        aCreditCode(),
        '私营企业',
        '金山镇',
        null,
        'C',
        10,
        null,
        null,
        '2020-01-10',
        '2019-01-01',
      ],
      [
        '建会早于成立',
        aCreditCode(),
        '私营企业',
        '金山镇',
        null,
        'C',
        10,
        '2019-06-01',
        null,
        '2020-01-10',
        null,
      ],
      ['重复', duplicate, '私营企业', '金山镇', null, 'C', 10, null, null, null, null],
      [null, aCreditCode(), '私营企业', '金山镇', null, 'C', 10, null, null, null, null],
    ];
    const res = await upload('enterprises/import', await xlsx([HEADERS, good, ...bad]), 'bad.xlsx').expect(
      200,
    );
    expect(res.body.created).toBe(1);
    expect(res.body.errors).toEqual([
      {
        row: 3,
        column: '统一社会信用代码',
        value: '91350100M000100Y44',
        message: expect.stringMatching(/check character is "4" but should be "3"/),
        messageZh: '校验位是“4”，应为“3”（GB 32100-2015），请核对',
      },
      {
        row: 4,
        column: '所有制类型',
        value: '股份制',
        message: expect.stringMatching(/one of state_owned/),
        messageZh:
          '应为以下之一：国有企业、国有控股企业、集体企业、私营企业、港澳台商投资企业、外商投资企业、其他',
      },
      {
        row: 5,
        column: '行业门类',
        value: 'Z',
        message: expect.stringMatching(/A to T/),
        messageZh: '应为国民经济行业分类（GB/T 4754）门类字母 A–T',
      },
      {
        row: 6,
        column: '职工人数',
        value: '很多',
        message: expect.stringMatching(/whole number/),
        messageZh: '应为 0 至 10000000 之间的整数',
      },
      {
        row: 7,
        column: '建会日期',
        value: '2026-02-30',
        message: expect.stringMatching(/real date/),
        messageZh: '应为有效日期，如 2026-03-05',
      },
      {
        row: 8,
        column: '指导员账号',
        value: 'nobody',
        message: 'no active instructor has this username',
        messageZh: '该账号不存在、已停用或不是指导员',
      },
      {
        row: 9,
        column: '注销日期',
        value: '2019-01-01',
        message: expect.stringMatching(/before 成立日期 2020-01-10/),
        messageZh: '注销日期不能早于成立日期 2020-01-10',
      },
      {
        row: 10,
        column: '建会日期',
        value: '2019-06-01',
        message:
          'unionFoundedOn 2019-06-01 is before the enterprise was registered (registeredOn 2020-01-10)',
        messageZh: '建会日期 2019-06-01 不能早于企业成立日期 2020-01-10',
      },
      {
        row: 11,
        column: '统一社会信用代码',
        value: duplicate,
        message: 'the same credit code is on row 2',
        messageZh: '与第 2 行的统一社会信用代码重复',
      },
      {
        row: 12,
        column: '企业名称',
        value: null,
        message: expect.stringMatching(/1 to 200 characters|string/),
        messageZh: '不能为空，且不超过 200 个字',
      },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(Buffer.from(res.body.badRowsXlsx, 'base64')).buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(11); // header + 10 bad rows
    expect(sheet.getRow(1).getCell(12).value).toBe('错误说明');
    expect(String(sheet.getRow(2).getCell(12).value)).toBe(
      '统一社会信用代码：校验位是“4”，应为“3”（GB 32100-2015），请核对',
    );
    expect(await count()).toBe(1);
  });

  it('converts full-width codes, numbers, letters and dates as Chinese offices type them', async () => {
    const code = aCreditCode();
    const fullWidth = (text: string) =>
      text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const res = await upload(
      'enterprises/import',
      await xlsx([
        HEADERS,
        [
          '金山纸厂（分厂）\u200B',
          `\u3000${fullWidth(code)}`,
          '私营企业',
          '金山镇',
          null,
          'Ｃ',
          '１，２３０',
          '２０２０年５月１日',
          fullWidth(instructor.username),
          '２０１９－０３－０５',
          null,
        ],
      ]),
      '名册.xlsx',
    ).expect(200);
    expect(res.body).toMatchObject({ created: 1, errors: [] });
    expect(
      await sut.dataSource.getRepository(Enterprise).findOneByOrFail({ creditCode: code }),
    ).toMatchObject({
      name: '金山纸厂（分厂）',
      industry: 'C',
      employeeCount: 1230,
      unionFoundedOn: '2020-05-01',
      instructorId: instructor.id,
      registeredOn: '2019-03-05',
    });
  });

  it('refuses invisible names, control and bidi characters and a registration after today, naming the column in Chinese', async () => {
    jest.spyOn(sut.app.get(Clock), 'now').mockReturnValue(new Date('2026-11-24T17:30:00Z')); // the 25th in Shanghai
    const row = (name: string, township: string, registeredOn: Cell): Cell[] => [
      name,
      aCreditCode(),
      '私营企业',
      township,
      null,
      'C',
      10,
      null,
      null,
      registeredOn,
      null,
    ];
    const res = await upload(
      'enterprises/import',
      await xlsx([
        HEADERS,
        row('\u200B\u200B', '金山镇', null),
        row('金山\u202E厂纸', '金山镇', new Date(Date.UTC(2014, 4, 6))),
        row('金山纸厂', '金山\n镇', '2014/5/6'), // a line break typed with Alt+Enter
        row('万安纸厂', '万安镇', '9999-12-31'),
        row('蟠龙纸厂', '蟠龙镇', new Date(Date.UTC(2026, 10, 25))),
      ]),
      'bad.xlsx',
    ).expect(200);
    expect(res.body.created).toBe(1); // the last: registered today
    expect(res.body.errors).toEqual([
      {
        row: 2,
        column: '企业名称',
        value: null,
        message: expect.stringMatching(/name must be/),
        messageZh: '不能为空，且不超过 200 个字',
      },
      {
        row: 3,
        column: '企业名称',
        value: '金山\u202E厂纸',
        message: 'name must not contain control or bidirectional-override characters (U+202E at character 3)',
        messageZh: '不能包含控制字符或文字方向控制字符（第 3 个字符 U+202E）',
      },
      {
        row: 4,
        column: '乡镇/街道',
        value: '金山\n镇',
        message: expect.stringContaining('U+000A at character 3'),
        messageZh: '不能包含控制字符或文字方向控制字符（第 3 个字符 U+000A）',
      },
      {
        row: 5,
        column: '成立日期',
        value: '9999-12-31',
        message: 'registeredOn 9999-12-31 is in the future (today is 2026-11-25)',
        messageZh: '成立日期 9999-12-31 不能晚于今天（2026-11-25）',
      },
    ]);

    // The bad rows come back as they were typed: a date cell as a date shown YYYY-MM-DD, text as text.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(Buffer.from(res.body.badRowsXlsx, 'base64')).buffer);
    const registered = (row: number) => workbook.worksheets[0].getRow(row).getCell(10);
    expect(registered(3).value).toEqual(new Date(Date.UTC(2014, 4, 6)));
    expect(registered(3).numFmt).toBe('yyyy-mm-dd');
    expect(registered(4).value).toBe('2014/5/6');
    expect(registered(5).value).toBe('9999-12-31');
  });

  it('applies nothing with atomic=true when a row is bad, and writes nothing on a dry run', async () => {
    const rows = goodRows();
    rows[2][5] = 'Z';
    const atomic = await upload('enterprises/import', await xlsx([HEADERS, ...rows]), 'a.xlsx', {
      atomic: 'true',
    }).expect(200);
    expect(atomic.body).toMatchObject({
      created: 0,
      applied: false,
      dryRun: true,
      errors: [expect.objectContaining({ row: 4 })],
    });
    expect(await count()).toBe(0);

    const dry = await upload('enterprises/import', await xlsx([HEADERS, ...goodRows()]), 'a.xlsx', {
      dryRun: 'true',
    }).expect(200);
    expect(dry.body).toMatchObject({ created: 3, applied: false, dryRun: true, errors: [] });
    expect(await count()).toBe(0);
    expect(
      await sut.dataSource.getRepository(AuditEntry).countBy({ action: 'enterprise.import.create' }),
    ).toBe(0);
  });

  it('writes every row of an atomic import retried after a deadlock, as its answer says', async () => {
    const cleanup = await deadlockOnceOnInsert(sut.dataSource, 'enterprises');
    try {
      const res = await upload('enterprises/import', await xlsx([HEADERS, ...goodRows()]), 'a.xlsx', {
        atomic: 'true',
      }).expect(200);
      expect(res.body).toMatchObject({ created: 3, updated: 0, applied: true, errors: [] });
    } finally {
      await cleanup();
    }
    expect(await count()).toBe(3);
    expect(
      await sut.dataSource.getRepository(AuditEntry).countBy({ action: 'enterprise.import.create' }),
    ).toBe(3);
  });

  it('never undoes a PATCH that commits while an import compares the same enterprise: both changes stay', async () => {
    // The file has no 村/社区 column: the import leaves the community alone and changes the head count.
    const withoutCommunity = (rows: Cell[][]) => rows.map((row) => row.filter((_, i) => i !== 4));
    const rows = goodRows();
    await upload('enterprises/import', await xlsx([HEADERS, ...rows]), 'a.xlsx').expect(200);
    const enterprises = sut.dataSource.getRepository(Enterprise);
    const target = await enterprises.findOneByOrFail({ creditCode: rows[1][1] as string });
    const repository = sut.app.get(EnterprisesRepository);
    const read = repository.findByCreditCodes.bind(repository);
    const mysql = isMysqlFamily(sut.dataSource);
    for (let round = 1; round <= 5; round++) {
      rows[1][6] = 500 + round;
      const community = `第${round}社区`;
      const patch = () =>
        request(sut.http).patch(`/api/v1/enterprises/${target.id}`).set(admin.auth).send({ community });
      let patched: Promise<request.Response> | undefined;
      // The PATCH commits after the import has read the enterprise and before it writes it. On
      // MySQL/MariaDB it runs on another connection meanwhile; SQLite queues it behind the import.
      jest.spyOn(repository, 'findByCreditCodes').mockImplementationOnce(async (codes, manager) => {
        const found = await read(codes, manager);
        patched = mysql ? Promise.resolve(await patch()) : undefined;
        return found;
      });
      const imported = await upload(
        'enterprises/import',
        await xlsx(withoutCommunity([HEADERS, ...rows])),
        'a.xlsx',
        round % 2 === 0 ? { atomic: 'true' } : {},
      ).expect(200);
      expect((await (patched ?? patch())).status).toBe(200);
      expect(imported.body).toMatchObject({ updated: 1, unchanged: 2, errors: [], applied: true });
      const stored = await enterprises.findOneByOrFail({ id: target.id });
      expect([stored.community, stored.employeeCount]).toEqual([community, 500 + round]);
      const audited = await sut.dataSource
        .getRepository(AuditEntry)
        .find({ where: { action: 'enterprise.import.update' }, order: { id: 'DESC' }, take: 1 });
      // Diffed from the row as it was when written, not from the stale one read first.
      expect(audited[0].changes).toEqual({
        employeeCount: { from: round === 1 ? 410 : 499 + round, to: 500 + round },
      });
    }
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 'empty.csv', 422, /empty/],
    ['a file without a header', Buffer.from('a,b,c\n1,2,3\n'), 'x.csv', 422, /no header row/],
    [
      'an image',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      'photo.png',
      422,
      /neither an \.xlsx workbook nor a text CSV/,
    ],
    [
      'a file named .xlsx that is not one',
      Buffer.from('name,creditCode\n'),
      'fake.xlsx',
      422,
      /is not an \.xlsx workbook/,
    ],
    ['a file over the size limit', Buffer.alloc(1_100_000, 'a'), 'big.csv', 413, /larger|too large/i],
  ])('answers %s with a clear 4xx', async (_case, file, name, status, message) => {
    const res = await upload('enterprises/import', file, name).expect(status);
    expect(res.body.message).toMatch(message);
    expect(await count()).toBe(0);
  });

  it('finds the roster on whichever sheet has the header row, below an instructions sheet', async () => {
    const file = await workbookOf([
      ['填表说明', [['请按下表填写企业名册'], ['日期格式：2026-03-05'], ['职工人数填整数']]],
      ['名册', [['2026年金山县企业名册'], HEADERS, ...goodRows()]],
    ]);
    const res = await upload('enterprises/import', file, '名册.xlsx').expect(200);
    expect(res.body).toMatchObject({ created: 3, errors: [] });
    expect(await count()).toBe(3);
  });

  it('says in Chinese that no sheet has the header row, and which headers it expects', async () => {
    const file = await workbookOf([
      ['Sheet1', [['说明'], ['本表为示例']]],
      [
        'Sheet2',
        [
          ['名称', '代码'],
          ['金山纸厂', aCreditCode()],
        ],
      ],
    ]);
    const res = await upload('enterprises/import', file, '名册.xlsx').expect(422);
    expect(res.body).toMatchObject({
      code: 'IMPORT.UNREADABLE_FILE',
      message: expect.stringMatching(
        /^no header row found in the first 10 rows of any sheet: one row must name at least 企业名称, 统一社会信用代码/,
      ),
      messageZh:
        '所有工作表的前 10 行中都没有表头行（写明“企业名称”“统一社会信用代码”等列名的一行）。' +
        '请在数据上方用一行写明列名，可用的列名：企业名称、统一社会信用代码、所有制类型、乡镇/街道、区划代码、村/社区、行业门类、职工人数、建会日期、指导员账号、成立日期、注销日期、会员人数、职代会建立日期',
    });
    const agreements = await upload('agreements/import', file, '协议.xlsx').expect(422);
    expect(agreements.body.messageZh).toContain('“统一社会信用代码”“签订日期”');
  });

  it('tells in Chinese what a file is when it is no workbook, and names the size limit', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const renamed = await upload('enterprises/import', png, '名册.xlsx').expect(422);
    expect(renamed.body).toMatchObject({
      code: 'IMPORT.UNREADABLE_FILE',
      message: '名册.xlsx is not an .xlsx workbook (it is a PNG image)',
      messageZh:
        '“名册.xlsx”不是 Excel 工作簿（.xlsx），而是PNG 图片：请在 Excel 或 WPS 中打开，另存为 .xlsx 或 .csv 后再导入',
    });
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    const old = await upload('agreements/import', xls, '协议.xls').expect(422);
    expect(old.body.messageZh).toContain('Excel 97-2003 格式（.xls）');

    const big = await upload('enterprises/import', Buffer.alloc(1_100_000, 'a'), 'big.csv').expect(413);
    expect(big.body).toMatchObject({
      code: 'REQUEST.BODY_TOO_LARGE',
      limitMb: 1,
      message: 'the file is larger than the import limit of 1 MB (IMPORT_MAX_MB)',
      messageZh: '文件超过了 1 MB 的导入上限：请删去多余的工作表或图片，或把名册分成几个文件分别导入',
    });
    const missing = await request(sut.http).post('/api/v1/agreements/import').set(admin.auth).expect(422);
    expect(missing.body.messageZh).toBe('请选择要导入的文件（.xlsx 或 .csv）');
  });

  it('needs a file, and an admin', async () => {
    const missing = await request(sut.http).post('/api/v1/enterprises/import').set(admin.auth).expect(422);
    expect(missing.body.code).toBe('IMPORT.NO_FILE');
    await upload('enterprises/import', await xlsx([HEADERS]), 'a.xlsx', {}, instructor).expect(403);
    await upload('enterprises/import', await xlsx([HEADERS]), 'a.xlsx', { dryRun: 'maybe' }).expect(422);
  });

  describe('会员人数 and 职代会建立日期', () => {
    const MEMBER_HEADERS = [...HEADERS, '会员人数', '职代会建立日期'];
    /** A roster row of a private firm with its members and workers' congress. */
    const row = (
      name: string,
      code: string,
      members: Cell,
      congress: Cell,
      registeredOn: Cell = '2012-04-01',
    ) => [
      name,
      code,
      '私营企业',
      '金山镇',
      null,
      'C',
      120,
      '2015-06-01',
      null,
      registeredOn,
      null,
      members,
      congress,
    ];
    const changes = async () =>
      (await sut.dataSource.getRepository(MemberCountChange).find({ order: { id: 'ASC' } })).map(
        ({ enterpriseId, recordedOn, memberCount, increase }) => ({
          enterpriseId,
          recordedOn,
          memberCount,
          increase,
        }),
      );
    const stored = (creditCode: string) =>
      sut.dataSource.getRepository(Enterprise).findOneByOrFail({ creditCode });

    it('imports both columns and records the member counts it sets or changes, as the API does', async () => {
      const clock = jest.spyOn(sut.app.get(Clock), 'now');
      clock.mockReturnValue(new Date('2026-03-01T17:30:00Z')); // the 2nd in Shanghai
      const [a, b, c] = [aCreditCode(), aCreditCode(), aCreditCode()];
      const first = await upload(
        'enterprises/import',
        await xlsx([
          MEMBER_HEADERS,
          row('金山纸厂', a, 96, '2019年5月1日'),
          row('万安物流有限公司', b, '１，２００', new Date(Date.UTC(2020, 2, 8))),
          row('蟠龙茶厂', c, null, null),
        ]),
        '名册.xlsx',
      ).expect(200);
      expect(first.body).toMatchObject({ created: 3, errors: [] });
      const [ea, eb, ec] = [await stored(a), await stored(b), await stored(c)];
      expect([ea, eb, ec].map((e) => [e.memberCount, e.workersCongressOn])).toEqual([
        [96, '2019-05-01'],
        [1200, '2020-03-08'],
        [null, null],
      ]);
      expect(await changes()).toEqual([
        { enterpriseId: ea.id, recordedOn: '2026-03-02', memberCount: 96, increase: 96 },
        { enterpriseId: eb.id, recordedOn: '2026-03-02', memberCount: 1200, increase: 1200 },
      ]);

      // A month on: one grew, one shrank, one is given its count; the same file again changes nothing.
      clock.mockReturnValue(new Date('2026-04-01T17:30:00Z'));
      const rows = [
        row('金山纸厂', a, 110, '2019-05-01'),
        row('万安物流有限公司', b, 1150, '2020-03-08'),
        row('蟠龙茶厂', c, 40, '2021-09-30'),
      ];
      const second = await upload(
        'enterprises/import',
        await xlsx([MEMBER_HEADERS, ...rows]),
        'a.xlsx',
      ).expect(200);
      expect(second.body).toMatchObject({ created: 0, updated: 3, unchanged: 0, errors: [] });
      const again = await upload(
        'enterprises/import',
        await xlsx([MEMBER_HEADERS, ...rows]),
        'a.xlsx',
      ).expect(200);
      expect(again.body).toMatchObject({ updated: 0, unchanged: 3 });
      // A roster without the columns leaves the counts and dates alone.
      const without = await upload(
        'enterprises/import',
        await xlsx([HEADERS, ...rows.map((cells) => cells.slice(0, HEADERS.length))]),
        'b.xlsx',
      ).expect(200);
      expect(without.body).toMatchObject({ updated: 0, unchanged: 3 });
      expect((await changes()).slice(2)).toEqual([
        { enterpriseId: ea.id, recordedOn: '2026-04-02', memberCount: 110, increase: 14 },
        { enterpriseId: eb.id, recordedOn: '2026-04-02', memberCount: 1150, increase: 0 },
        { enterpriseId: ec.id, recordedOn: '2026-04-02', memberCount: 40, increase: 40 },
      ]);
      const audited = await sut.dataSource
        .getRepository(AuditEntry)
        .find({ where: { action: 'enterprise.import.update' }, order: { id: 'ASC' } });
      expect(audited.map((entry) => entry.changes)).toEqual([
        { memberCount: { from: 96, to: 110 } },
        { memberCount: { from: 1200, to: 1150 } },
        { memberCount: { from: null, to: 40 }, workersCongressOn: { from: null, to: '2021-09-30' } },
      ]);

      // The export carries both columns and imports back unchanged.
      const exported = await request(sut.http).get('/api/v1/enterprises.csv').set(admin.auth).expect(200);
      const lines = exported.text.split('\r\n');
      expect(lines[1].split(',').slice(-4)).toEqual(['会员人数', '职代会建立日期', '所有制类别', '系统编号']);
      expect(lines.find((line) => line.startsWith('金山纸厂,'))).toContain(',110,2019-05-01,');
      const back = await upload('enterprises/import', Buffer.from(exported.text), 'roster.csv').expect(200);
      expect(back.body).toMatchObject({ updated: 0, unchanged: 3, errors: [] });
      expect(await changes()).toHaveLength(5);
    });

    it('refuses a bad member count or congress date with a Chinese row message, and writes nothing of that row', async () => {
      jest.spyOn(sut.app.get(Clock), 'now').mockReturnValue(new Date('2026-11-24T17:30:00Z')); // the 25th in Shanghai
      const good = aCreditCode();
      const bad: Cell[][] = [
        row('人数是字', aCreditCode(), '很多', null),
        row('人数为负', aCreditCode(), -5, null),
        row('人数有小数', aCreditCode(), 12.5, null),
        row('日期不存在', aCreditCode(), 30, '2026-02-30'),
        row('职代会早于成立', aCreditCode(), 30, '2011-12-31', '2012-04-01'),
        row('职代会在将来', aCreditCode(), 30, '2026-11-26'),
      ];
      const file = await xlsx([MEMBER_HEADERS, row('金山纸厂', good, 50, '2020-01-01'), ...bad]);
      const atomic = await upload('enterprises/import', file, 'bad.xlsx', { atomic: 'true' }).expect(200);
      expect(atomic.body).toMatchObject({ created: 0, applied: false });
      expect(await count()).toBe(0);
      expect(await changes()).toEqual([]);

      const res = await upload('enterprises/import', file, 'bad.xlsx').expect(200);
      expect(res.body.created).toBe(1);
      const memberCountZh = '应为 0 至 10000000 之间的整数（不知道可留空）';
      expect(res.body.errors).toEqual([
        {
          row: 3,
          column: '会员人数',
          value: '很多',
          message: expect.stringMatching(/whole number/),
          messageZh: memberCountZh,
        },
        {
          row: 4,
          column: '会员人数',
          value: '-5',
          message: 'memberCount must be 0 or more',
          messageZh: memberCountZh,
        },
        {
          row: 5,
          column: '会员人数',
          value: '12.5',
          message: 'memberCount must be a whole number',
          messageZh: memberCountZh,
        },
        {
          row: 6,
          column: '职代会建立日期',
          value: '2026-02-30',
          message: expect.stringMatching(/real date/),
          messageZh: '应为有效日期，如 2026-03-05',
        },
        {
          row: 7,
          column: '职代会建立日期',
          value: '2011-12-31',
          message:
            'workersCongressOn 2011-12-31 is before the enterprise was registered (registeredOn 2012-04-01)',
          messageZh: '职代会建立日期 2011-12-31 不能早于企业成立日期 2012-04-01',
        },
        {
          row: 8,
          column: '职代会建立日期',
          value: '2026-11-26',
          message: 'workersCongressOn 2026-11-26 is in the future (today is 2026-11-25)',
          messageZh: '职代会建立日期 2026-11-26 不能晚于今天（2026-11-25）',
        },
      ]);
      expect(await count()).toBe(1);
      expect(await changes()).toEqual([
        { enterpriseId: (await stored(good)).id, recordedOn: '2026-11-25', memberCount: 50, increase: 50 },
      ]);
    });
  });

  it.each(['xlsx', 'csv'])(
    'exports the roster as .%s with Chinese headers, and the export imports back unchanged',
    async (format) => {
      await upload('enterprises/import', await xlsx([HEADERS, ...goodRows()]), 'a.xlsx').expect(200);
      const exported = await request(sut.http)
        .get(`/api/v1/enterprises.${format}`)
        .set(admin.auth)
        .buffer(true)
        .parse(binaryBody)
        .expect(200);
      if (format === 'csv') {
        const lines = (exported.body as Buffer).toString('utf8').slice(1).split('\r\n');
        const exportedHeaders = [...HEADERS.slice(0, 4), '区划代码', ...HEADERS.slice(4)];
        expect(lines[1]).toBe(
          [...exportedHeaders, '会员人数', '职代会建立日期', '所有制类别', '系统编号'].join(','),
        );
        expect(lines[2]).toContain('国有控股企业');
      }
      const back = await upload('enterprises/import', exported.body as Buffer, `roster.${format}`).expect(
        200,
      );
      expect(back.body).toMatchObject({ created: 0, updated: 0, unchanged: 3, errors: [] });
    },
  );

  it('filters the roster export like the list, and limits an instructor to their enterprises', async () => {
    await upload('enterprises/import', await xlsx([HEADERS, ...goodRows()]), 'a.xlsx').expect(200);
    const csv = async (query: Record<string, string>, as = admin) =>
      (await request(sut.http).get('/api/v1/enterprises.csv').query(query).set(as.auth).expect(200)).text
        .split('\r\n')
        .filter((line) => /有限公司/.test(line)).length;
    expect(await csv({ township: '万安镇' })).toBe(1);
    expect(await csv({}, instructor)).toBe(2);
    await request(sut.http).get('/api/v1/enterprises.pdf').set(admin.auth).expect(404);
  });

  describe('agreements', () => {
    const AGREEMENT_HEADERS = [
      '统一社会信用代码',
      '合同类型',
      '签订形式',
      '签订日期',
      '生效日期',
      '到期日期',
      '覆盖职工数',
      '工资增幅(%)',
    ];

    it('imports historical agreements through the workflow, with errors by row and column', async () => {
      const rows = goodRows();
      await upload('enterprises/import', await xlsx([HEADERS, ...rows]), 'a.xlsx').expect(200);
      const [a, b, c] = rows.map((row) => row[1] as string);
      const file = await xlsx([
        AGREEMENT_HEADERS,
        [a, '工资专项集体合同', '单独签订', '2026-01-06', '2026-01-20', '2027-01-20', 320, 6],
        [`${b}、${c}`, 'wage', '区域性', new Date(Date.UTC(2025, 1, 20)), '2025/3/10', '2026/3/10', 685, 4.8],
        ['91350100M000100Y43', 'wage', null, '2026-01-06', '2026-01-20', '2027-01-20', 10, null],
        [a, 'wage', null, '2026-03-01', '2026-02-01', '2027-02-01', 10, null],
        [a, 'comprehensive', null, '2006-03-01', '2006-03-10', '2009-03-10', 300, null],
        [a, 'women', null, '2026-03-01', '2026-03-10', '2046-03-10', 300, null],
      ]);
      const res = await upload('agreements/import', file, 'agreements.xlsx').expect(200);
      expect(res.body.created).toBe(2);
      expect(res.body.errors).toEqual([
        {
          row: 4,
          column: '统一社会信用代码',
          value: '91350100M000100Y43',
          message: expect.stringMatching(/import the roster first/),
          messageZh: '系统中没有该统一社会信用代码对应的企业，请先导入企业名册',
        },
        // Each refusal under the column to correct: effect before signing, signed before the
        // enterprise was registered (2007-09-12), a 20-year term (集体合同规定 art. 38).
        {
          row: 5,
          column: '生效日期',
          value: '2026-02-01',
          message: expect.stringContaining('effectiveOn 2026-02-01 is before the signing date 2026-03-01'),
          messageZh: '生效日期 2026-02-01 不能早于签订日期 2026-03-01',
        },
        {
          row: 6,
          column: '签订日期',
          value: '2006-03-01',
          message: 'signedOn 2006-03-01 is before 金八角水泥有限公司 was registered (2007-09-12)',
          messageZh: '签订日期 2006-03-01 不能早于金八角水泥有限公司的成立日期 2007-09-12',
        },
        {
          row: 7,
          column: '到期日期',
          value: '2046-03-10',
          message: expect.stringContaining('集体合同规定 art. 38'),
          messageZh: '自生效日期至到期日期应为 1–36 个月（集体合同规定第三十八条）',
        },
      ]);
      const negotiations = await sut.dataSource.getRepository(Negotiation).find({ order: { id: 'ASC' } });
      expect(negotiations.map((n) => [n.scope, n.stage, n.historical])).toEqual([
        ['enterprise', 'in_force', true],
        ['regional', 'expired', true],
      ]);

      const dry = await upload('agreements/import', file, 'agreements.xlsx', { dryRun: 'true' }).expect(200);
      expect(dry.body).toMatchObject({ created: 2, applied: false });
      const atomic = await upload('agreements/import', file, 'agreements.xlsx', { atomic: 'true' }).expect(
        200,
      );
      expect(atomic.body).toMatchObject({ created: 0, applied: false });
      expect(await sut.dataSource.getRepository(Negotiation).count()).toBe(2);
    });

    it("writes every agreement of an atomic import when a row's write is retried after a deadlock", async () => {
      const rows = goodRows();
      await upload('enterprises/import', await xlsx([HEADERS, ...rows]), 'a.xlsx').expect(200);
      const [a, b] = rows.map((row) => row[1] as string);
      const file = await xlsx([
        AGREEMENT_HEADERS,
        [a, 'wage', null, '2026-01-06', '2026-01-20', '2027-01-20', 320, 6],
        [b, 'wage', null, '2025-02-20', '2025-03-10', '2026-03-10', 400, 4.8],
      ]);
      const cleanup = await deadlockOnceOnInsert(sut.dataSource, 'negotiations');
      try {
        const res = await upload('agreements/import', file, 'agreements.xlsx', { atomic: 'true' }).expect(
          200,
        );
        expect(res.body).toMatchObject({ created: 2, applied: true, errors: [] });
      } finally {
        await cleanup();
      }
      const negotiations = await sut.dataSource.getRepository(Negotiation).find({ order: { id: 'ASC' } });
      expect(negotiations.map((n) => [n.scope, n.historical])).toEqual([
        ['enterprise', true],
        ['enterprise', true],
      ]);
      expect(await sut.dataSource.getRepository(AuditEntry).countBy({ action: 'agreement.historical' })).toBe(
        2,
      );
    });

    it('reads agreements from the sheet that has their header row', async () => {
      const rows = goodRows();
      await upload('enterprises/import', await xlsx([HEADERS, ...rows]), 'a.xlsx').expect(200);
      const file = await workbookOf([
        ['说明', [['每行一份协议']]],
        [
          '协议',
          [AGREEMENT_HEADERS, [rows[0][1], 'wage', null, '2026-01-06', '2026-01-20', '2027-01-20', 320, 6]],
        ],
      ]);
      const res = await upload('agreements/import', file, 'agreements.xlsx').expect(200);
      expect(res.body).toMatchObject({ created: 1, errors: [] });
    });

    it('exports negotiations with the stage in Chinese', async () => {
      // 01:30 in Shanghai on 25 November is still the 24th in UTC: the table says the business
      // date. The agreement below is in force on that day, whenever the test runs.
      jest.spyOn(sut.app.get(Clock), 'now').mockReturnValue(new Date('2026-11-24T17:30:00Z'));
      const rows = goodRows();
      await upload('enterprises/import', await xlsx([HEADERS, ...rows]), 'a.xlsx').expect(200);
      await upload(
        'agreements/import',
        await xlsx([
          AGREEMENT_HEADERS,
          [rows[0][1] as string, 'wage', null, '2026-01-06', '2026-01-20', '2027-01-20', 320, 6],
        ]),
        'a.xlsx',
      ).expect(200);
      const res = await request(sut.http)
        .get('/api/v1/negotiations.csv')
        // `sort` orders the rows (the list page asks for the agenda order): it is no filter.
        .query({ agreementKind: 'wage', stage: 'in_force', open: 'false', sort: 'agenda' })
        .set(admin.auth)
        .expect(200);
      const lines = res.text.split('\r\n');
      expect(lines[0]).toContain('导出日期: 2026-11-25');
      const filters = lines[0].split('筛选: ')[1].split('；');
      expect(new Set(filters)).toEqual(
        new Set(['合同类型：工资专项集体合同', '只看进行中：否', '阶段：生效']),
      );
      const row = lines.find((line) => line.includes('金八角水泥有限公司'));
      expect(row).toContain(
        '工资专项集体合同,单独签订,金八角水泥有限公司,生效,生效,续订协商（到期前3个月内）（集体合同规定第三十八条）',
      );
    });
  });

  it('uses the configured upload limit', () => {
    expect(loadImportsConfig({ IMPORT_MAX_MB: '5' }).maxUploadBytes).toBe(5 * 1024 * 1024);
  });
});
