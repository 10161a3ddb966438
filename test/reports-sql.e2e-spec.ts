import { CoverageLedger } from '../src/reports/aggregates/coverage-ledger';
import fc from 'fast-check';
import { Enterprise } from '../src/enterprises/enterprise.entity';
import { OWNERSHIP_TYPES } from '../src/enterprises/domain/ownership';
import { Agreement } from '../src/negotiations/entities/agreement.entity';
import { Negotiation } from '../src/negotiations/entities/negotiation.entity';
import { NegotiationEnterprise } from '../src/negotiations/entities/negotiation-enterprise.entity';
import { addDays } from '../src/common/dates/business-date';
import {
  agreementsByScopeFromTallies,
  BASES,
  COVERAGE_STATUSES,
  GROUP_BYS,
  signingRatesFromTallies,
  unionFoundingFromTallies,
} from '../src/reports/rates';
import { ReportsRepository, toEnterpriseRow } from '../src/reports/reports.repository';
import { User } from '../src/users/user.entity';
import {
  agreementsByScope,
  type AgreementRow,
  type EnterpriseRow,
  signingRates,
  toAgreementRow,
  unionFounding,
} from './support/report-oracle';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The SQL that feeds the reports against the oracle: on random counties, the counts the
 * database computes, turned into reports by the core, give the same reports as the oracle
 * (test/support/report-oracle.ts) computes row by row from the plain rows.
 */
const DAY0 = '2024-01-01';
const day = (offset: number) => addDays(DAY0, offset);
const mostlyEarly = (max: number, nullOneIn: number) =>
  fc.option(fc.integer({ min: 0, max: max }).map(day), { nil: null, freq: nullOneIn });

const enterpriseArb = fc.record({
  ownershipType: fc.constantFrom(...OWNERSHIP_TYPES),
  township: fc.constantFrom('金山镇', '万安镇', '蟠龙镇'),
  industry: fc.constantFrom('A', 'C', 'G', 'Q'),
  employeeCount: fc.integer({ min: 0, max: 500 }),
  instructor: fc.option(fc.integer({ min: 0, max: 1 }), { nil: null }),
  unionFoundedOn: mostlyEarly(500, 5),
  registeredOn: mostlyEarly(300, 3),
  openDays: fc.option(fc.integer({ min: 1, max: 900 }), { nil: null, freq: 5 }),
});

const agreementArb = fc.record({
  agreementKind: fc.oneof(
    { arbitrary: fc.constant('wage' as const), weight: 4 },
    { arbitrary: fc.constant('comprehensive' as const), weight: 1 },
  ),
  scope: fc.constantFrom('enterprise' as const, 'regional' as const, 'industry' as const),
  signed: fc.integer({ min: 0, max: 800 }),
  effectiveAfter: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
  months: fc.integer({ min: 6, max: 24 }),
  terminatedAfter: fc.option(fc.integer({ min: 1, max: 300 }), { nil: null, freq: 4 }),
  setAsideAfter: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null, freq: 4 }),
  coveredEmployees: fc.integer({ min: 0, max: 500 }),
  wageIncreasePct: fc.option(
    fc.double({ min: 0, max: 12, noNaN: true }).map((x) => Math.round(x * 10) / 10),
    { nil: null },
  ),
  members: fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: 6 }),
});

const queryArb = fc.record({
  asOf: fc.integer({ min: -10, max: 950 }).map(day),
  /** Most queries fall on a date of the data itself (± 1 day), where the boundaries are. */
  onDataDate: fc.option(fc.tuple(fc.nat(), fc.integer({ min: -1, max: 1 })), { freq: 5, nil: null }),
  groupBy: fc.constantFrom(...GROUP_BYS),
  base: fc.constantFrom(...BASES),
  status: fc.constantFrom(...COVERAGE_STATUSES),
});

type EnterpriseInput = typeof enterpriseArb extends fc.Arbitrary<infer T> ? T : never;
type AgreementInput = typeof agreementArb extends fc.Arbitrary<infer T> ? T : never;

describe('Report SQL against the oracle (property, e2e)', () => {
  let sut: TestApp;
  let instructorIds: number[];

  beforeAll(async () => {
    sut = await createTestApp();
  });
  afterAll(() => sut.close());

  async function load(
    enterprises: EnterpriseInput[],
    agreements: AgreementInput[],
  ): Promise<{ enterprises: EnterpriseRow[]; agreements: AgreementRow[] }> {
    await sut.reset();
    const users = sut.dataSource.getRepository(User);
    instructorIds = [];
    for (const n of [1, 2]) {
      const user = await users.save(
        users.create({
          username: `i${n}.${Date.now()}`,
          displayName: `指导员${n}`,
          email: null,
          role: 'instructor',
          language: 'zh-CN',
          digestOptOut: false,
          active: true,
          passwordHash: 'x',
          tokenVersion: 0,
        }),
      );
      instructorIds.push(user.id);
    }
    const enterpriseRows: EnterpriseRow[] = [];
    for (const [index, e] of enterprises.entries()) {
      const closedOn = e.registeredOn && e.openDays ? addDays(e.registeredOn, e.openDays) : null;
      const saved = await sut.dataSource.getRepository(Enterprise).save({
        name: `企业${index}`,
        creditCode: `PROP${String(index).padStart(14, '0')}`,
        ownershipType: e.ownershipType,
        township: e.township,
        community: null,
        industry: e.industry,
        employeeCount: e.employeeCount,
        instructorId: e.instructor === null ? null : instructorIds[e.instructor],
        unionFoundedOn: e.unionFoundedOn,
        registeredOn: e.registeredOn,
        closedOn,
      });
      enterpriseRows.push(toEnterpriseRow(saved as Enterprise));
    }
    const agreementRows: AgreementRow[] = [];
    for (const a of agreements) {
      const members = [
        ...new Set(a.members.map((m: number) => enterpriseRows[m % enterpriseRows.length].id)),
      ];
      const enterpriseIds = a.scope === 'enterprise' ? members.slice(0, 1) : members;
      const negotiation = await sut.dataSource.getRepository(Negotiation).save({
        agreementKind: a.agreementKind,
        scope: a.scope,
        title: null,
        stage: 'in_force',
        state: 'in_force',
        snapshot: {} as never,
        machineVersion: 2,
        ruleSetVersion: 'national-2004.1',
        version: 0,
        renewsId: null,
        createdOn: DAY0,
        createdBy: null,
        historical: true,
      });
      await sut.dataSource
        .getRepository(NegotiationEnterprise)
        .insert(enterpriseIds.map((enterpriseId) => ({ negotiationId: negotiation.id, enterpriseId })));
      const signedOn = day(a.signed);
      const effectiveOn = a.effectiveAfter === null ? null : addDays(signedOn, a.effectiveAfter);
      const row = await sut.dataSource.getRepository(Agreement).save({
        negotiationId: negotiation.id,
        agreementKind: a.agreementKind,
        scope: a.scope,
        signedOn,
        effectiveOn,
        expiresOn: addDays(signedOn, a.months * 30),
        terminatedOn: a.terminatedAfter === null ? null : addDays(signedOn, a.terminatedAfter),
        setAsideOn:
          a.setAsideAfter === null || effectiveOn !== null ? null : addDays(signedOn, a.setAsideAfter),
        termMonths: a.months,
        coveredEmployees: a.coveredEmployees,
        wageIncreasePct: a.wageIncreasePct,
        minimumWage: null,
      });
      agreementRows.push({ ...toAgreementRow(row as Agreement), enterpriseIds });
    }
    // Written past the app's write path: the report aggregates rebuilt, as after a restore.
    await sut.app.get(CoverageLedger).rebuild();
    return { enterprises: enterpriseRows, agreements: agreementRows };
  }

  it('gives the same signing rates, union founding and agreements by scope as the oracle', async () => {
    const repository = sut.app.get(ReportsRepository);
    await fc.assert(
      fc.asyncProperty(
        fc.array(enterpriseArb, { minLength: 5, maxLength: 30 }),
        fc.array(agreementArb, { minLength: 3, maxLength: 20 }),
        fc.array(queryArb, { minLength: 1, maxLength: 4 }),
        async (enterprises, agreements, queries) => {
          const rows = await load(enterprises, agreements);
          const dates = dataDates(rows);
          for (const { onDataDate, ...query } of queries) {
            if (onDataDate !== null && dates.length > 0) {
              query.asOf = addDays(dates[onDataDate[0] % dates.length], onDataDate[1]);
            }
            const coverage = { ...query, agreementKind: 'wage' as const };
            const fromSql = signingRatesFromTallies(
              query.groupBy,
              await repository.signingTallies(coverage, query.groupBy),
            );
            const inMemory = signingRates({ ...rows, ...coverage });
            expect(fromSql).toEqual(inMemory);

            const unionsSql = unionFoundingFromTallies(
              query.groupBy,
              await repository.unionTallies(coverage, query.groupBy),
            );
            expect(unionsSql).toEqual(
              unionFounding({ enterprises: rows.enterprises, asOf: query.asOf, groupBy: query.groupBy }),
            );

            const scopesSql = agreementsByScopeFromTallies(await repository.agreementTallies(coverage));
            expect(scopesSql).toEqual(
              agreementsByScope({ ...rows, asOf: query.asOf, agreementKind: 'wage' }),
            );
          }
        },
      ),
      {
        numRuns: Number(process.env.REPORT_PROPERTY_RUNS ?? 60),
        seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined,
      },
    );
  }, 180_000);
});

function dataDates(rows: { enterprises: EnterpriseRow[]; agreements: AgreementRow[] }): string[] {
  // Agreement dates of the tracked kind weigh most: their boundaries decide coverage.
  const wage = rows.agreements.filter((a) => a.agreementKind === 'wage');
  const dates = [
    ...rows.enterprises.flatMap((e) => [e.unionFoundedOn, e.registeredOn, e.closedOn]),
    ...[1, 2, 3].flatMap(() =>
      wage.flatMap((a) => [a.signedOn, a.effectiveOn, a.expiresOn, a.terminatedOn, a.setAsideOn]),
    ),
  ];
  return dates.filter((date): date is string => typeof date === 'string');
}
