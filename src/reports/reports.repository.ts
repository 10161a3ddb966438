import { type AccessScope, scopeCondition, unitIdCondition } from '../access/scope';
import { Injectable } from '@nestjs/common';
import { DataSource, In, type ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { BusinessDate } from '../common/dates/business-date';
import { CoverageReader } from './aggregates/coverage-reader';
import { Enterprise } from '../enterprises/enterprise.entity';
import { MemberCountChange } from '../enterprises/member-count-change.entity';
import { ownershipTypesOf, type OwnershipType, sectorOf, type Sector } from '../enterprises/domain/ownership';
import { Agreement } from '../negotiations/entities/agreement.entity';
import { agreementInEffectSql, agreementRunningSql } from '../negotiations/entities/agreement-conditions';
import { Negotiation } from '../negotiations/entities/negotiation.entity';
import { NegotiationEnterprise } from '../negotiations/entities/negotiation-enterprise.entity';
import { type AgreementKind, OPEN_STAGES, type Scope, type Stage } from '../negotiations/workflow';
import {
  type AgreementTallies,
  type Base,
  type CoverageStatus,
  emptyScopeTally,
  type EnterpriseRow,
  type GapRow,
  type GroupBy,
  NO_INSTRUCTOR,
  type AgreementCount,
  type CoverageCount,
  type ScopeTally,
  statisticsKey,
  type StatisticsTallies,
  type Tally,
  TOTAL_GROUP,
  type UnionTally,
  type WorkSummaryCounts,
} from './rates';
import { dimOf, measureNumber } from './rates/coverage-cells';
import { coveredMeasure } from './rates/coverage-steps';

export type { GapRow } from './rates';

/** Which rows of the uncovered list a page holds. */
export interface GapPage {
  offset: number;
  limit: number;
}

/** Rows per query when the whole uncovered list is read (downloads, digests). */
export const UNCOVERED_CHUNK = 1000;

/** Pages that end within the first this many rows probe per enterprise (ReportsRepository.uncovered). */
const PROBED_ROWS = 1000;

/** A period and whose enterprises count (the statistics table, the work summary). */
export interface PeriodQuery {
  from: BusinessDate;
  to: BusinessDate;
  scope?: AccessScope;
}

export interface CoverageQuery {
  asOf: BusinessDate;
  agreementKind: AgreementKind;
  base: Base;
  status: CoverageStatus;
  /** Whose enterprises count: `scopeOf(actor)` (docs/architecture.md, Access); none = all. */
  scope?: AccessScope;
  /**
   * The unit whose report aggregates hold exactly the scope's enterprises (0: the whole
   * deployment; see `aggregatesUnitOf`); none: the scope is not a unit's subtree (an
   * instructor's portfolio), and the counts come from the base tables.
   */
  aggregatesUnit?: number;
}

/**
 * The unit whose report aggregates answer a report of a unit (null: the whole deployment): that
 * unit's (its cells hold its subtree, which is the scope, or everything when it is a root that
 * holds every enterprise: ReportsService.asked), the deployment's (0) for an unrestricted scope;
 * none for an instructor's portfolio (a few hundred enterprises at most, counted from the base
 * tables).
 */
export function aggregatesUnitOf(scope: AccessScope, unitId: number | null): number | undefined {
  if (scope.instructorId !== undefined) return undefined;
  if (unitId !== null) return unitId;
  return scope.orgUnitIds === undefined ? 0 : undefined;
}

/** Raw SQL grouping keys; sectors are folded from ownership types in code (sectorOf). */
const GROUP_COLUMN: Record<GroupBy, string> = {
  sector: 'e.ownership_type',
  ownershipType: 'e.ownership_type',
  township: 'e.township',
  industry: 'e.industry',
  instructor: 'e.instructor_id',
  orgUnit: 'e.org_unit_id',
};

/**
 * The reports' SQL: per-group counts computed in the database (portable query builder SQL,
 * the same on SQLite and MySQL/MariaDB), which the pure core in `rates/` turns into rates,
 * targets, gaps and trends (test/reports-sql.e2e-spec.ts checks them against the row-by-row
 * oracle of test/support/report-oracle.ts). Every date condition compares with asOf only (architecture invariant 5).
 */
@Injectable()
export class ReportsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cells: CoverageReader,
  ) {}

  /**
   * Per group of open enterprises: in-base, covered and their headcounts; from the report
   * aggregates when the scope is a unit's subtree, else from the base tables.
   */
  async signingTallies(query: CoverageQuery, groupBy: GroupBy): Promise<Map<string, Tally>> {
    const [tallies] = (await this.signingTalliesOn(query, groupBy, [query.asOf])).values();
    return tallies;
  }

  /** `signingTallies` on each of several dates (a trend): one read of the aggregates for all of them. */
  async signingTalliesOn(
    query: Omit<CoverageQuery, 'asOf'>,
    groupBy: GroupBy,
    dates: readonly BusinessDate[],
  ): Promise<Map<BusinessDate, Map<string, Tally>>> {
    const byDate = new Map<BusinessDate, Map<string, Tally>>();
    if (query.aggregatesUnit === undefined) {
      for (const asOf of dates)
        byDate.set(asOf, await this.signingTalliesDirect({ ...query, asOf }, groupBy));
      return byDate;
    }
    const open = measureNumber('open');
    const inBase = measureNumber(query.base === 'all' ? 'open' : 'unionised');
    const covered = measureNumber(coveredMeasure(query.agreementKind, query.status, query.base));
    const counts = await this.cells.countsOn(
      query.aggregatesUnit,
      dimOf(groupBy),
      [...new Set([open, inBase, covered])],
      dates,
    );
    for (const [asOf, byVal] of counts) {
      const tallies = new Map<string, Tally>();
      for (const [val, measures] of byVal) {
        if ((measures.get(open)?.enterprises ?? 0) <= 0) continue;
        const key = cellGroupKey(groupBy, val);
        const tally = tallies.get(key) ?? { enterprises: 0, covered: 0, employees: 0, employeesCovered: 0 };
        tally.enterprises += measures.get(inBase)?.enterprises ?? 0;
        tally.employees += measures.get(inBase)?.employees ?? 0;
        tally.covered += measures.get(covered)?.enterprises ?? 0;
        tally.employeesCovered += measures.get(covered)?.employees ?? 0;
        tallies.set(key, tally);
      }
      byDate.set(asOf, tallies);
    }
    return byDate;
  }

  /** `signingTallies` from the base tables: the oracle of the aggregates (reports:verify, the tests). */
  async signingTalliesDirect(query: CoverageQuery, groupBy: GroupBy): Promise<Map<string, Tally>> {
    const inBase = this.inBaseSql(query.base);
    const covered = `${inBase} AND cov.enterprise_id IS NOT NULL`;
    const rows = await this.openEnterprises(query)
      .select(GROUP_COLUMN[groupBy], 'grp')
      .addSelect(`SUM(CASE WHEN ${inBase} THEN 1 ELSE 0 END)`, 'enterprises')
      .addSelect(`SUM(CASE WHEN ${inBase} THEN e.employee_count ELSE 0 END)`, 'employees')
      .addSelect(`SUM(CASE WHEN ${covered} THEN 1 ELSE 0 END)`, 'covered')
      .addSelect(`SUM(CASE WHEN ${covered} THEN e.employee_count ELSE 0 END)`, 'employeesCovered')
      .leftJoin((sub) => this.coveredIds(sub, query), 'cov', 'cov.enterprise_id = e.id')
      .groupBy(GROUP_COLUMN[groupBy])
      .getRawMany<Record<string, string | number | null>>();
    const tallies = new Map<string, Tally>();
    for (const row of rows) {
      const key = groupKey(groupBy, row.grp);
      const tally = tallies.get(key) ?? { enterprises: 0, covered: 0, employees: 0, employeesCovered: 0 };
      tally.enterprises += Number(row.enterprises);
      tally.covered += Number(row.covered);
      tally.employees += Number(row.employees);
      tally.employeesCovered += Number(row.employeesCovered);
      tallies.set(key, tally);
    }
    return tallies;
  }

  /** Whether any enterprise lies outside these units (or in none): one probe of the unit index. */
  async anyEnterpriseOutside(unitIds: readonly number[]): Promise<boolean> {
    const inside = unitIdCondition('e.org_unit_id', unitIds, 'inside');
    const found = await this.dataSource
      .getRepository(Enterprise)
      .createQueryBuilder('e')
      .select('e.id', 'id')
      .where(`(e.org_unit_id IS NULL OR NOT ${inside.sql})`, inside.params)
      .limit(1)
      .getRawOne();
    return found !== undefined;
  }

  /** Per group of open enterprises: how many, and how many had a union by asOf. */
  async unionTallies(
    query: Pick<CoverageQuery, 'asOf' | 'scope' | 'aggregatesUnit'>,
    groupBy: GroupBy,
  ): Promise<Map<string, UnionTally>> {
    if (query.aggregatesUnit === undefined) return this.unionTalliesDirect(query, groupBy);
    const open = measureNumber('open');
    const unionised = measureNumber('unionised');
    const counts = await this.cells.countsOn(
      query.aggregatesUnit,
      dimOf(groupBy),
      [open, unionised],
      [query.asOf],
    );
    const tallies = new Map<string, UnionTally>();
    for (const [val, measures] of counts.get(query.asOf) ?? []) {
      const enterprises = measures.get(open)?.enterprises ?? 0;
      if (enterprises <= 0) continue;
      const key = cellGroupKey(groupBy, val);
      const tally = tallies.get(key) ?? { enterprises: 0, unionised: 0 };
      tally.enterprises += enterprises;
      tally.unionised += measures.get(unionised)?.enterprises ?? 0;
      tallies.set(key, tally);
    }
    return tallies;
  }

  /** `unionTallies` from the base tables. */
  async unionTalliesDirect(
    query: Pick<CoverageQuery, 'asOf' | 'scope'>,
    groupBy: GroupBy,
  ): Promise<Map<string, UnionTally>> {
    const rows = await this.openEnterprises(query)
      .select(GROUP_COLUMN[groupBy], 'grp')
      .addSelect('COUNT(*)', 'enterprises')
      .addSelect(`SUM(CASE WHEN ${this.inBaseSql('unionised')} THEN 1 ELSE 0 END)`, 'unionised')
      .groupBy(GROUP_COLUMN[groupBy])
      .getRawMany<Record<string, string | number | null>>();
    const tallies = new Map<string, UnionTally>();
    for (const row of rows) {
      const key = groupKey(groupBy, row.grp);
      const tally = tallies.get(key) ?? { enterprises: 0, unionised: 0 };
      tally.enterprises += Number(row.enterprises);
      tally.unionised += Number(row.unionised);
      tallies.set(key, tally);
    }
    return tallies;
  }

  /**
   * One page of the enterprises in the base (of one sector, or all) that no agreement covers,
   * largest first, ties by id. The page's ids are read from IDX_enterprises_gap_list alone
   * (migration 1764000000007: the list's order, then every column the conditions read), then
   * its rows by id: the first pages read a few index entries, not the whole base.
   */
  async uncovered(query: CoverageQuery, sector: Sector | undefined, page: GapPage): Promise<GapRow[]> {
    // Near the top, probing each enterprise in index order stops after the page (tens of ms at
    // 1,000,000 enterprises on MariaDB); deeper, one pass over the coverage beats a probe per
    // enterprise skipped (docs/benchmarks.md, Target gaps, paged).
    const probe = page.offset + page.limit <= PROBED_ROWS;
    const rows = await this.uncoveredIds(query, sector, probe)
      .limit(page.limit)
      .offset(page.offset)
      .getRawMany<{ id: number | string }>();
    return this.gapRows(
      rows.map((row) => Number(row.id)),
      query.agreementKind,
    );
  }

  /**
   * Every uncovered enterprise (as `uncovered`), `chunkSize` rows at a time, for the downloads
   * and the digests: the ids of the whole list in one query (a number each), then the rows of
   * one chunk at a time, so memory holds the ids and one chunk, never every row.
   */
  async *uncoveredChunks(
    query: CoverageQuery,
    sector?: Sector,
    chunkSize = UNCOVERED_CHUNK,
  ): AsyncGenerator<GapRow[]> {
    const rows = await this.uncoveredIds(query, sector, false).getRawMany<{ id: number | string }>();
    const ids = rows.map((row) => Number(row.id));
    for (let i = 0; i < ids.length; i += chunkSize) {
      yield await this.gapRows(ids.slice(i, i + chunkSize), query.agreementKind);
    }
  }

  /**
   * The ids of the uncovered enterprises of the base, largest first, ties by id: no agreement of
   * the kind covers them on asOf. `probe`: ask per enterprise, in the index's order (a scalar
   * subquery, which MariaDB cannot turn into a join with every covered id as it does NOT EXISTS).
   */
  private uncoveredIds(query: CoverageQuery, sector: Sector | undefined, probe: boolean) {
    const builder = this.openEnterprises(query).select('e.id', 'id').andWhere(this.inBaseSql(query.base));
    if (sector) builder.andWhere('e.ownership_type IN (:...types)', { types: ownershipTypesOf(sector) });
    const covering = this.dataSource
      .createQueryBuilder()
      .select('1')
      .from(NegotiationEnterprise, 'cne')
      .innerJoin(Agreement, 'a', 'a.negotiation_id = cne.negotiation_id')
      .where('cne.enterprise_id = e.id')
      .andWhere('a.agreement_kind = :agreementKind', { agreementKind: query.agreementKind });
    this.runningOn(covering, query.asOf);
    if (query.status === 'in_force') covering.andWhere(agreementInEffectSql('a', 'asOf'));
    const uncovered = probe
      ? `(${covering.limit(1).getQuery()}) IS NULL`
      : `NOT EXISTS (${covering.getQuery()})`;
    return builder
      .andWhere(uncovered, covering.getParameters())
      .orderBy('e.employee_count', 'DESC')
      .addOrderBy('e.id', 'ASC');
  }

  /** The enterprises of `ids`, in that order, each with its open negotiation of the kind. */
  private async gapRows(ids: number[], agreementKind: AgreementKind): Promise<GapRow[]> {
    if (ids.length === 0) return [];
    const found = await this.dataSource.getRepository(Enterprise).findBy({ id: In(ids) });
    const byId = new Map(found.map((row) => [row.id, row]));
    const rows = ids.map((id) => byId.get(id)).filter((row): row is Enterprise => row !== undefined);
    return this.withOpenNegotiations(rows, agreementKind);
  }

  private async withOpenNegotiations(rows: Enterprise[], agreementKind: AgreementKind): Promise<GapRow[]> {
    const open = await this.openNegotiations(
      rows.map((row) => row.id),
      agreementKind,
    );
    return rows.map((row) => ({ ...toEnterpriseRow(row), openNegotiation: open.get(row.id) ?? null }));
  }

  /**
   * Per scope, the agreements of a kind in force on asOf (taken effect, not expired, terminated
   * or set aside): how many, the open enterprises they list (distinct), the employees they were
   * signed for, their wage increases; and the distinct open enterprises over all scopes.
   */
  async agreementTallies(
    query: Pick<CoverageQuery, 'asOf' | 'agreementKind' | 'scope'>,
  ): Promise<AgreementTallies> {
    const counts = await this.agreementsInForce(query)
      .select('a.scope', 'scope')
      .addSelect('COUNT(*)', 'agreements')
      .addSelect('SUM(a.covered_employees)', 'employeesCovered')
      .addSelect('SUM(a.wage_increase_pct)', 'wageIncreaseSum')
      .addSelect('COUNT(a.wage_increase_pct)', 'wageIncreases')
      .groupBy('a.scope')
      .getRawMany<Record<string, string | number | null>>();
    const listed = () => {
      // Only the listed enterprises in scope count, so the agreement lists one: no need to ask
      // that of the agreement too (MariaDB materialises that for every agreement: 45 s instead
      // of 6 s for a city at 1,000,000 enterprises, docs/benchmarks.md).
      const builder = this.agreementsInForce({ ...query, scope: undefined })
        .innerJoin(NegotiationEnterprise, 'ne', 'ne.negotiation_id = a.negotiation_id')
        .innerJoin(Enterprise, 'e', 'e.id = ne.enterprise_id')
        .andWhere('(e.registered_on IS NULL OR e.registered_on <= :asOf)')
        .andWhere('(e.closed_on IS NULL OR e.closed_on > :asOf)');
      // Enterprises covered are those in scope: a unit's report counts its own enterprises only.
      const inScope = scopeCondition(query.scope ?? {}, 'e');
      if (inScope) builder.andWhere(inScope.sql, inScope.params);
      return builder;
    };
    const enterprisesByScope = await listed()
      .select('a.scope', 'scope')
      .addSelect('COUNT(DISTINCT ne.enterprise_id)', 'enterprises')
      .groupBy('a.scope')
      .getRawMany<Record<string, string | number | null>>();
    const all = await listed()
      .select('COUNT(DISTINCT ne.enterprise_id)', 'enterprises')
      .getRawOne<Record<string, string | number | null>>();
    const scopes = new Map<Scope, ScopeTally>();
    for (const row of counts) {
      scopes.set(row.scope as Scope, {
        ...emptyScopeTally(),
        agreements: Number(row.agreements),
        employeesCovered: Number(row.employeesCovered ?? 0),
        wageIncreaseSum: Number(row.wageIncreaseSum ?? 0),
        wageIncreases: Number(row.wageIncreases),
      });
    }
    for (const row of enterprisesByScope) {
      const tally = scopes.get(row.scope as Scope) ?? emptyScopeTally();
      tally.enterprisesCovered = Number(row.enterprises);
      scopes.set(row.scope as Scope, tally);
    }
    return { scopes, enterprisesCovered: Number(all?.enterprises ?? 0) };
  }

  /**
   * The statistics table's counts for a period (docs/domain.md, Statistics table): per kind ×
   * level the agreements in force at `to` and those signed in the period (not set aside by
   * `to`), each counted when it lists an enterprise in scope; and the open enterprises in scope
   * that the agreements in force at `to` list, each once, per kind × level, per kind, per level
   * and over all (so that no total counts an enterprise twice).
   */
  async statisticsTallies(query: PeriodQuery): Promise<StatisticsTallies> {
    const { from, to } = query;
    const inForce = `${agreementRunningSql('a', 'to')} AND ${agreementInEffectSql('a', 'to')}`;
    const signedInPeriod =
      'a.signed_on >= :from AND a.signed_on <= :to AND (a.set_aside_on IS NULL OR a.set_aside_on > :to)';
    const counted = this.dataSource
      .getRepository(Agreement)
      .createQueryBuilder('a')
      .select('a.agreement_kind', 'kind')
      .addSelect('a.scope', 'level')
      .addSelect(`SUM(CASE WHEN ${inForce} THEN 1 ELSE 0 END)`, 'agreements')
      .addSelect(`SUM(CASE WHEN ${signedInPeriod} THEN 1 ELSE 0 END)`, 'signedInPeriod')
      .where(`((${inForce}) OR (${signedInPeriod}))`, { from, to })
      .groupBy('a.agreement_kind')
      .addGroupBy('a.scope');
    this.listsEnterpriseInScope(counted, query.scope);
    const agreements = new Map<string, AgreementCount>();
    for (const row of await counted.getRawMany<Record<string, string | number | null>>()) {
      agreements.set(statisticsKey(row.kind as AgreementKind, row.level as Scope), {
        agreements: Number(row.agreements ?? 0),
        signedInPeriod: Number(row.signedInPeriod ?? 0),
      });
    }
    const coverage = new Map<string, CoverageCount>();
    const nonPublic = ownershipTypesOf('non_public');
    const aggregations: { kind: boolean; level: boolean }[] = [
      { kind: true, level: true },
      { kind: true, level: false },
      { kind: false, level: true },
      { kind: false, level: false },
    ];
    for (const by of aggregations) {
      const columns = [...(by.kind ? ['kind'] : []), ...(by.level ? ['level'] : [])];
      const outer = this.dataSource
        .createQueryBuilder()
        .select('COUNT(*)', 'enterprises')
        .addSelect('SUM(d.employees)', 'employees')
        .addSelect('SUM(CASE WHEN d.ownership IN (:...nonPublic) THEN 1 ELSE 0 END)', 'nonPublic')
        .from((sub) => {
          const covered = sub
            .select('e.id', 'id')
            .addSelect('e.employee_count', 'employees')
            .addSelect('e.ownership_type', 'ownership')
            .distinct(true)
            .from(Agreement, 'a')
            .innerJoin(NegotiationEnterprise, 'ne', 'ne.negotiation_id = a.negotiation_id')
            .innerJoin(Enterprise, 'e', 'e.id = ne.enterprise_id')
            .where(inForce, { to })
            .andWhere('(e.registered_on IS NULL OR e.registered_on <= :to)')
            .andWhere('(e.closed_on IS NULL OR e.closed_on > :to)');
          if (by.kind) covered.addSelect('a.agreement_kind', 'kind');
          if (by.level) covered.addSelect('a.scope', 'level');
          const inScope = scopeCondition(query.scope ?? {}, 'e');
          if (inScope) covered.andWhere(inScope.sql, inScope.params);
          return covered;
        }, 'd')
        .setParameter('nonPublic', nonPublic);
      for (const column of columns) outer.addSelect(`d.${column}`, column).addGroupBy(`d.${column}`);
      for (const row of await outer.getRawMany<Record<string, string | number | null>>()) {
        const kind = by.kind ? (row.kind as AgreementKind) : TOTAL_GROUP;
        const level = by.level ? (row.level as Scope) : TOTAL_GROUP;
        coverage.set(statisticsKey(kind, level), {
          enterprisesCovered: Number(row.enterprises ?? 0),
          employeesCovered: Number(row.employees ?? 0),
          nonPublicEnterprisesCovered: Number(row.nonPublic ?? 0),
        });
      }
    }
    return { agreements, coverage };
  }

  /**
   * The work summary's counts of open enterprises at `to` in scope (docs/domain.md, Work summary
   * figures): unions founded in the period, the non-public unionisation and workers' congress
   * counts, and the members added (the member count increases recorded in the period).
   */
  async workSummaryTallies(
    query: PeriodQuery,
  ): Promise<Omit<WorkSummaryCounts, 'signingState' | 'signingNonPublic' | 'regional' | 'industry'>> {
    const nonPublic = 'e.ownership_type IN (:...nonPublic)';
    const unionised = '(e.union_founded_on IS NOT NULL AND e.union_founded_on <= :asOf)';
    const founded = 'e.union_founded_on >= :from AND e.union_founded_on <= :asOf';
    const congress = '(e.workers_congress_on IS NOT NULL AND e.workers_congress_on <= :asOf)';
    const sum = (condition: string) => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
    const counts = await this.openEnterprises({ asOf: query.to, scope: query.scope })
      .select(sum(founded), 'founded')
      .addSelect(sum(`${founded} AND ${nonPublic}`), 'foundedNonPublic')
      .addSelect(sum(nonPublic), 'nonPublic')
      .addSelect(sum(`${nonPublic} AND ${unionised}`), 'nonPublicUnionised')
      .addSelect(sum(`${nonPublic} AND ${unionised} AND ${congress}`), 'nonPublicCongress')
      .setParameters({ from: query.from, nonPublic: ownershipTypesOf('non_public') })
      .getRawOne<Record<string, string | number | null>>();
    const members = this.dataSource
      .getRepository(MemberCountChange)
      .createQueryBuilder('m')
      .innerJoin(Enterprise, 'e', 'e.id = m.enterprise_id')
      .select('SUM(m.increase)', 'added')
      .where('m.recorded_on >= :from AND m.recorded_on <= :to', { from: query.from, to: query.to });
    const inScope = scopeCondition(query.scope ?? {}, 'e');
    if (inScope) members.andWhere(inScope.sql, inScope.params);
    const added = await members.getRawOne<{ added: string | number | null }>();
    const number = (value: string | number | null | undefined) => Number(value ?? 0);
    return {
      unionsFounded: number(counts?.founded),
      unionsFoundedNonPublic: number(counts?.foundedNonPublic),
      membersAdded: number(added?.added),
      unionisationNonPublic: {
        numerator: number(counts?.nonPublicUnionised),
        denominator: number(counts?.nonPublic),
      },
      workersCongressNonPublic: {
        numerator: number(counts?.nonPublicCongress),
        denominator: number(counts?.nonPublicUnionised),
      },
    };
  }

  /** Keeps the agreements that list an enterprise in scope (none to keep for an unrestricted scope). */
  private listsEnterpriseInScope(
    builder: SelectQueryBuilder<Agreement>,
    scope: AccessScope | undefined,
  ): void {
    const inScope = scopeCondition(scope ?? {}, 'se');
    if (inScope) {
      builder.andWhere(
        `EXISTS (SELECT 1 FROM negotiation_enterprises sne JOIN enterprises se ON se.id = sne.enterprise_id WHERE sne.negotiation_id = a.negotiation_id AND ${inScope.sql})`,
        inScope.params,
      );
    }
  }

  /** The agreements of the kind in force on asOf that cover an enterprise in scope. */
  private agreementsInForce(
    query: Pick<CoverageQuery, 'asOf' | 'agreementKind' | 'scope'>,
  ): SelectQueryBuilder<Agreement> {
    const builder = this.dataSource
      .getRepository(Agreement)
      .createQueryBuilder('a')
      .where('a.agreement_kind = :kind', { kind: query.agreementKind });
    this.runningOn(builder, query.asOf);
    builder.andWhere(agreementInEffectSql('a', 'asOf'));
    this.listsEnterpriseInScope(builder, query.scope);
    return builder;
  }

  private openEnterprises(query: Pick<CoverageQuery, 'asOf' | 'scope'>): SelectQueryBuilder<Enterprise> {
    const builder = this.dataSource
      .getRepository(Enterprise)
      .createQueryBuilder('e')
      .where('(e.registered_on IS NULL OR e.registered_on <= :asOf)', { asOf: query.asOf })
      .andWhere('(e.closed_on IS NULL OR e.closed_on > :asOf)');
    const inScope = scopeCondition(query.scope ?? {}, 'e');
    if (inScope) builder.andWhere(inScope.sql, inScope.params);
    return builder;
  }

  private inBaseSql(base: Base): string {
    return base === 'all' ? '1 = 1' : '(e.union_founded_on IS NOT NULL AND e.union_founded_on <= :asOf)';
  }

  /** Ids of enterprises covered on asOf by an agreement of the kind (own or regional/industry), once each. */
  private coveredIds(
    sub: SelectQueryBuilder<ObjectLiteral>,
    query: CoverageQuery,
  ): SelectQueryBuilder<ObjectLiteral> {
    const builder = sub
      .select('DISTINCT ne.enterprise_id', 'enterprise_id')
      .from(Agreement, 'a')
      .innerJoin(NegotiationEnterprise, 'ne', 'ne.negotiation_id = a.negotiation_id')
      .where('a.agreement_kind = :agreementKind', { agreementKind: query.agreementKind });
    this.runningOn(builder, query.asOf);
    if (query.status === 'in_force') builder.andWhere(agreementInEffectSql('a', 'asOf'));
    return builder;
  }

  /** Signed by asOf and not yet expired, terminated or set aside (docs/domain.md, Signing rate). */
  private runningOn<T extends ObjectLiteral>(builder: SelectQueryBuilder<T>, asOf: BusinessDate): void {
    builder.andWhere(agreementRunningSql('a', 'asOf'), { asOf });
  }

  /** The newest open (not final, not yet in force) negotiation of the kind for each enterprise. */
  private async openNegotiations(
    enterpriseIds: number[],
    agreementKind: AgreementKind,
  ): Promise<Map<number, { id: number; stage: Stage }>> {
    const open = new Map<number, { id: number; stage: Stage }>();
    for (let i = 0; i < enterpriseIds.length; i += 1000) {
      const rows = await this.dataSource
        .getRepository(Negotiation)
        .createQueryBuilder('n')
        .innerJoin(NegotiationEnterprise, 'ne', 'ne.negotiation_id = n.id')
        .select(['ne.enterprise_id AS enterpriseId', 'n.id AS id', 'n.stage AS stage'])
        .where('ne.enterprise_id IN (:...ids)', { ids: enterpriseIds.slice(i, i + 1000) })
        .andWhere('n.agreement_kind = :agreementKind', { agreementKind })
        .andWhere('n.stage IN (:...openStages)', { openStages: OPEN_STAGES })
        .orderBy('n.id', 'ASC')
        .getRawMany<{ enterpriseId: number; id: number; stage: Stage }>();
      for (const row of rows) open.set(Number(row.enterpriseId), { id: Number(row.id), stage: row.stage });
    }
    return open;
  }
}

/** A group's key from a value of the aggregates' dimension (an instructor's: '' for none). */
function cellGroupKey(groupBy: GroupBy, val: string): string {
  if (groupBy === 'instructor') return val === '' ? NO_INSTRUCTOR : val;
  return groupKey(groupBy, val);
}

function groupKey(groupBy: GroupBy, raw: string | number | null): string {
  if (groupBy === 'sector') return sectorOf(raw as OwnershipType);
  if (groupBy === 'instructor') return raw === null ? NO_INSTRUCTOR : String(raw);
  return String(raw);
}

export function toEnterpriseRow(e: Enterprise): EnterpriseRow {
  return {
    id: e.id,
    name: e.name,
    creditCode: e.creditCode,
    ownershipType: e.ownershipType,
    township: e.township,
    industry: e.industry,
    employeeCount: e.employeeCount,
    instructorId: e.instructorId,
    unionFoundedOn: e.unionFoundedOn,
    registeredOn: e.registeredOn,
    closedOn: e.closedOn,
  };
}
