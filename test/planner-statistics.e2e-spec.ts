import request from 'supertest';
import type { Logger } from 'typeorm';
import { addDays, addMonths } from '../src/common/dates/business-date';
import { PlannerStatistics } from '../src/database/planner-statistics';
import type { GroupBy } from '../src/reports/rates';
import { ReportsRepository } from '../src/reports/reports.repository';
import { aCreditCode } from './support/factories';
import { isServerDatabase } from './support/test-database';
import { createTestApp, TestApp } from './support/test-app';
import { aSignedInUser, SignedInUser } from './support/users';

const ENTERPRISES = 400;
const AS_OF = '2026-06-30';
const OWNERSHIP = ['私营企业', '国有企业', '集体企业', '外商投资企业', '其他'];
const TOWNSHIPS = ['金山镇', '万安镇', '蟠龙镇'];

/** A roster as an office exports it from its own spreadsheet, and the agreements it already has. */
function countyFiles(): { roster: Buffer; agreements: Buffer } {
  const codes = Array.from({ length: ENTERPRISES }, () => aCreditCode());
  const roster = [
    '企业名称,统一社会信用代码,所有制类型,乡镇/街道,行业门类,职工人数,建会日期,成立日期',
    ...codes.map((code, i) =>
      [
        `${TOWNSHIPS[i % 3]}统计测试企业${i + 1}有限公司`,
        code,
        OWNERSHIP[i % OWNERSHIP.length],
        TOWNSHIPS[i % 3],
        'C',
        20 + (i % 300),
        '2015-05-01',
        '2010-03-02',
      ].join(','),
    ),
  ];
  // Two of three enterprises have a wage agreement, signed on different days of the past year.
  const agreements = [
    '统一社会信用代码,合同类型,签订日期,生效日期,到期日期,覆盖职工数',
    ...codes
      .filter((_, i) => i % 3 !== 0)
      .map((code, i) => {
        const signedOn = addDays('2025-09-01', i % 300);
        return [code, '工资专项集体合同', signedOn, addDays(signedOn, 15), addMonths(signedOn, 36), 50].join(
          ',',
        );
      }),
  ];
  return {
    roster: Buffer.from(roster.join('\n'), 'utf8'),
    agreements: Buffer.from(agreements.join('\n'), 'utf8'),
  };
}

/** The statements the app sends while `work` runs, with their parameters. */
async function statementsOf(sut: TestApp, work: () => Promise<unknown>): Promise<[string, unknown[]][]> {
  const seen: [string, unknown[]][] = [];
  const logger = sut.dataSource.logger;
  const recording: Logger = {
    logQuery: (query, parameters) => void seen.push([query, (parameters as unknown[] | undefined) ?? []]),
    logQueryError: () => undefined,
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined,
  };
  Object.assign(sut.dataSource, { logger: recording });
  try {
    await work();
  } finally {
    Object.assign(sut.dataSource, { logger });
  }
  return seen;
}

/**
 * Issue 14 item 19: a county that imports its roster and agreements through the API must get
 * the reports' intended plans without anyone running ANALYZE. Without planner statistics,
 * SQLite joined the covered set by scanning it once per enterprise (17–328 s at 50,000).
 */
describe('Planner statistics after imports (e2e)', () => {
  let sut: TestApp;
  let admin: SignedInUser;

  const IMPORTED_TABLES = ['enterprises', 'agreements', 'negotiation_enterprises', 'negotiations'];

  beforeAll(async () => {
    sut = await createTestApp();
    admin = await aSignedInUser(sut, 'admin');
    const { roster, agreements } = countyFiles();
    const imported = await request(sut.http)
      .post('/api/v1/enterprises/import')
      .set(admin.auth)
      .attach('file', roster, '企业名册.csv')
      .expect(200);
    expect(imported.body).toMatchObject({ created: ENTERPRISES, errors: [] });
    const signed = await request(sut.http)
      .post('/api/v1/agreements/import')
      .set(admin.auth)
      .attach('file', agreements, '历史协议.csv')
      .expect(200);
    expect(signed.body.errors).toEqual([]);
  }, 120_000);
  afterAll(() => sut.close());

  /**
   * The statements of the direct count of the signing rates (an instructor's reports; the
   * oracle of the report aggregates, which answer the units' reports) that read the covered set
   * (the LEFT JOIN of the running agreements).
   */
  const coverageStatements = async (groupBy: GroupBy, asOf: string) => {
    const statements = await statementsOf(sut, () =>
      sut.app
        .get(ReportsRepository)
        .signingTalliesDirect({ asOf, agreementKind: 'wage', base: 'unionised', status: 'signed' }, groupBy),
    );
    const joins = statements.filter(([sql]) => /LEFT JOIN \(SELECT DISTINCT/.test(sql));
    expect(joins.length).toBeGreaterThan(0);
    return joins;
  };

  const sqlitePlan = async ([sql, parameters]: [string, unknown[]]) =>
    (await sut.dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, parameters))
      .map((step: { detail: string }) => step.detail)
      .join('\n');

  it.each([
    ['sector', AS_OF],
    ['ownershipType', '2026-03-31'],
  ] as const)(
    'the direct count of signing rates by %s looks up the covered set by enterprise instead of scanning it per enterprise',
    async (groupBy, asOf) => {
      if (isServerDatabase()) return; // EXPLAIN QUERY PLAN is SQLite's; MariaDB below
      for (const statement of await coverageStatements(groupBy, asOf)) {
        const plan = await sqlitePlan(statement);
        expect(plan).toMatch(/SEARCH a USING COVERING INDEX IDX_agreements_running/);
        expect(plan).toMatch(/SEARCH cov USING AUTOMATIC COVERING INDEX \(enterprise_id=\?\)/);
        expect(plan).not.toMatch(/SCAN cov/);
      }
    },
  );

  it('has statistics for every table the reports read, written by the imports themselves', async () => {
    if (isServerDatabase()) {
      const rows: { table_name: string; n_rows: string }[] = await sut.dataSource.query(
        `SELECT table_name, n_rows FROM mysql.innodb_table_stats WHERE database_name = DATABASE()
         AND table_name IN ('enterprises', 'agreements', 'negotiation_enterprises', 'negotiations')`,
      );
      // InnoDB keeps a row per table from its creation and recounts in the background some seconds
      // after a bulk change; the counts of the imported rows, right after the imports answered, are
      // there only because the import ran ANALYZE TABLE itself (small tables are counted exactly).
      const counted = Object.fromEntries(rows.map((r) => [r.table_name, Number(r.n_rows)]));
      const agreements = ENTERPRISES - Math.ceil(ENTERPRISES / 3);
      expect(counted).toEqual({
        enterprises: ENTERPRISES,
        agreements,
        negotiation_enterprises: agreements,
        negotiations: agreements,
      });
      return;
    }
    const stats: { tbl: string; stat: string }[] = await sut.dataSource.query(
      `SELECT tbl, stat FROM sqlite_stat1 WHERE tbl IN ('enterprises', 'agreements', 'negotiation_enterprises', 'negotiations')`,
    );
    const rowsOf = (table: string) =>
      stats.filter((s) => s.tbl === table).map((s) => Number(s.stat.split(' ')[0]));
    expect(new Set(rowsOf('enterprises'))).toEqual(new Set([ENTERPRISES]));
    const agreements = ENTERPRISES - Math.ceil(ENTERPRISES / 3);
    expect(new Set(rowsOf('agreements'))).toEqual(new Set([agreements]));
    expect(new Set(rowsOf('negotiation_enterprises'))).toEqual(new Set([agreements]));
  });

  it('does nothing more when the statistics are current, and answers what it analyzed', async () => {
    const statistics = sut.app.get(PlannerStatistics);
    const again = await statistics.refresh('schedule');
    if (isServerDatabase()) expect(again).toContain('enterprises');
    // The tables the imports wrote are current. (SQLite's optimize may also pick a small table
    // the app first read since, e.g. the calendar's years re-read every minute: not the imports'.)
    else expect(again.filter((table) => IMPORTED_TABLES.includes(table))).toEqual([]);
  });
});
