import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock/clock';
import { ValidationFailedError } from '../common/errors/request.errors';
import { appConfig } from '../config/app.config';
import type { Sector } from '../enterprises/domain/ownership';
import {
  agreementsByScope,
  type AgreementsByScopeReport,
  type GroupBy,
  listGroups,
  RatesInputError,
  type SigningRatesReport,
  signingRatesFromTallies,
  type TrendMonth,
  trendMonths,
  type TrendPoint,
  trendPoint,
  type TrendSeries,
  unionFoundingFromTallies,
  type UnionFoundingReport,
} from './rates';
import {
  AgreementsReportQuery,
  CoverageQueryDto,
  SigningRatesQuery,
  TargetGapsQuery,
  TrendQuery,
  UnionFoundingQuery,
} from './dto/report-queries';
import { CoverageQuery, ReportsRepository } from './reports.repository';

export type SigningRatesResult = {
  asOf: string;
  agreementKind: string;
  base: string;
  groupBy: GroupBy;
  status: string;
} & SigningRatesReport;
export type UnionFoundingResult = { asOf: string; groupBy: GroupBy } & UnionFoundingReport;
export type AgreementsResult = { asOf: string; agreementKind: string } & AgreementsByScopeReport;

export interface TargetGapsResult {
  asOf: string;
  sector: Sector;
  agreementKind: string;
  base: string;
  status: string;
  target: number | null;
  shortBy: number;
  items: {
    enterpriseId: number;
    name: string;
    creditCode: string;
    ownershipType: string;
    township: string;
    employeeCount: number;
    instructorId: number | null;
    openNegotiation?: { id: number; stage: string };
  }[];
}

export interface TrendResult {
  from: string;
  to: string;
  agreementKind: string;
  base: string;
  status: string;
  groupBy: GroupBy;
  months: string[];
  series: TrendSeries[];
  total: TrendPoint[];
}

/**
 * The supervisors' reports. The database counts per group (ReportsRepository); the pure
 * core (`rates/`) turns counts into rates, targets and gaps. Instructors get their own
 * portfolio; admins and supervisors the whole county.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly clock: Clock,
    @Inject(appConfig.KEY) private readonly config: ConfigType<typeof appConfig>,
  ) {}

  async signingRates(query: SigningRatesQuery, actor: Actor): Promise<SigningRatesResult> {
    const coverage = this.coverageOf(query, actor);
    const tallies = await this.reports.signingTallies(coverage, query.groupBy);
    return {
      asOf: coverage.asOf,
      agreementKind: query.agreementKind,
      base: query.base,
      groupBy: query.groupBy,
      status: query.status,
      ...signingRatesFromTallies(query.groupBy, tallies, this.config.reportTargets),
    };
  }

  async targetGaps(query: TargetGapsQuery, actor: Actor): Promise<TargetGapsResult> {
    const coverage = this.coverageOf(query, actor);
    const bySector = signingRatesFromTallies(
      'sector',
      await this.reports.signingTallies(coverage, 'sector'),
      this.config.reportTargets,
    );
    const row = bySector.rows.find((r) => r.group === query.sector);
    const uncovered = await this.reports.uncovered(coverage, query.sector);
    return {
      asOf: coverage.asOf,
      sector: query.sector,
      agreementKind: query.agreementKind,
      base: query.base,
      status: query.status,
      target: row?.target ?? null,
      shortBy: row?.shortBy ?? 0,
      items: uncovered.map((e) => ({
        enterpriseId: e.id,
        name: e.name,
        creditCode: e.creditCode,
        ownershipType: e.ownershipType,
        township: e.township,
        employeeCount: e.employeeCount,
        instructorId: e.instructorId,
        ...(e.openNegotiation ? { openNegotiation: e.openNegotiation } : {}),
      })),
    };
  }

  async unionFounding(query: UnionFoundingQuery, actor: Actor): Promise<UnionFoundingResult> {
    const asOf = query.asOf ?? this.clock.today();
    const tallies = await this.reports.unionTallies(
      { asOf, instructorId: this.portfolioOf(actor) },
      query.groupBy,
    );
    return { asOf, groupBy: query.groupBy, ...unionFoundingFromTallies(query.groupBy, tallies) };
  }

  async agreements(query: AgreementsReportQuery, actor: Actor): Promise<AgreementsResult> {
    const asOf = query.asOf ?? this.clock.today();
    const rows = await this.reports.agreementsOn({
      asOf,
      agreementKind: query.agreementKind,
      instructorId: this.portfolioOf(actor),
    });
    return {
      asOf,
      agreementKind: query.agreementKind,
      ...agreementsByScope({ ...rows, asOf, agreementKind: query.agreementKind }),
    };
  }

  /**
   * One point per month from the same counts as the signing-rate report: a past month on its
   * last day, the current month on today (`partial`), later months left out (trendMonths).
   */
  async trend(query: TrendQuery, actor: Actor): Promise<TrendResult> {
    const today = this.clock.today();
    const to = query.to ?? today.slice(0, 7);
    const from = query.from ?? monthsBefore(to, 11);
    let months: TrendMonth[];
    try {
      months = trendMonths(from, to, today);
    } catch (error) {
      if (error instanceof RatesInputError)
        throw new ValidationFailedError([{ field: error.field, message: error.message }]);
      throw error;
    }
    const reports: { month: TrendMonth; report: SigningRatesReport }[] = [];
    for (const month of months) {
      const coverage = this.coverageOf({ ...query, asOf: month.asOf }, actor);
      const tallies = await this.reports.signingTallies(coverage, query.groupBy);
      reports.push({
        month,
        report: signingRatesFromTallies(query.groupBy, tallies, this.config.reportTargets),
      });
    }
    const groups = listGroups(
      query.groupBy,
      reports.flatMap(({ report }) => report.rows.map((row) => row.group)),
    );
    return {
      from,
      to,
      agreementKind: query.agreementKind,
      base: query.base,
      status: query.status,
      groupBy: query.groupBy,
      months: months.map(({ month }) => month),
      series: groups.map((group) => ({
        group,
        points: reports.map(({ month, report }) =>
          trendPoint(
            month,
            report.rows.find((r) => r.group === group),
          ),
        ),
      })),
      total: reports.map(({ month, report }) => trendPoint(month, report.total)),
    };
  }

  private coverageOf(query: CoverageQueryDto, actor: Actor): CoverageQuery {
    return {
      asOf: query.asOf ?? this.clock.today(),
      agreementKind: query.agreementKind,
      base: query.base,
      status: query.status,
      instructorId: this.portfolioOf(actor),
    };
  }

  /** Instructors read reports of their own portfolio only. */
  private portfolioOf(actor: Actor): number | undefined {
    return actor.role === 'instructor' ? actor.id : undefined;
  }

  /**
   * The enterprises of the query's base with no agreement as of its date, largest first, of
   * every sector, each with its instructor: the reminders' digests list them (the system reads
   * the whole county; `query.instructorId` narrows it to one portfolio).
   */
  uncovered(query: CoverageQuery) {
    return this.reports.uncovered(query);
  }
}

function monthsBefore(month: string, count: number): string {
  const [year, m] = month.split('-').map(Number);
  const index = year * 12 + (m - 1) - count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
