import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../access/actor';
import { scopeOf } from '../access/scope';
import { Clock } from '../common/clock/clock';
import { ValidationFailedError } from '../common/errors/request.errors';
import type { Sector } from '../enterprises/domain/ownership';
import {
  agreementsByScopeFromTallies,
  type AgreementsByScopeReport,
  type GroupBy,
  RatesInputError,
  type SigningRatesReport,
  signingRatesFromTallies,
  type TargetGaps,
  targetGapsFromTallies,
  trendFromTallies,
  type TrendMonth,
  trendMonths,
  type TrendMonthTallies,
  type TrendPoint,
  type TrendSeries,
  trendWindow,
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
import { type ReportsConfig, reportsConfig } from './reports.config';
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

export type TargetGapsResult = {
  asOf: string;
  sector: Sector;
  agreementKind: string;
  base: string;
  status: string;
} & TargetGaps;

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
 * The supervisors' reports, coordinated: the actor's scope, the counts the database makes
 * (ReportsRepository), and the pure core (`rates/`), which turns counts into rates, targets,
 * gaps and trends; no arithmetic here. Instructors get their own portfolio; admins and
 * supervisors the whole county.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly clock: Clock,
    @Inject(reportsConfig.KEY) private readonly config: ReportsConfig,
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
    const tallies = await this.reports.signingTallies(coverage, 'sector');
    const uncovered = await this.reports.uncovered(coverage, query.sector);
    return {
      asOf: coverage.asOf,
      sector: query.sector,
      agreementKind: query.agreementKind,
      base: query.base,
      status: query.status,
      ...targetGapsFromTallies(query.sector, tallies, uncovered, this.config.reportTargets),
    };
  }

  async unionFounding(query: UnionFoundingQuery, actor: Actor): Promise<UnionFoundingResult> {
    const asOf = query.asOf ?? this.clock.today();
    const tallies = await this.reports.unionTallies({ asOf, scope: scopeOf(actor) }, query.groupBy);
    return { asOf, groupBy: query.groupBy, ...unionFoundingFromTallies(query.groupBy, tallies) };
  }

  async agreements(query: AgreementsReportQuery, actor: Actor): Promise<AgreementsResult> {
    const asOf = query.asOf ?? this.clock.today();
    const tallies = await this.reports.agreementTallies({
      asOf,
      agreementKind: query.agreementKind,
      scope: scopeOf(actor),
    });
    return { asOf, agreementKind: query.agreementKind, ...agreementsByScopeFromTallies(tallies) };
  }

  /**
   * One point per month from the same counts as the signing-rate report: a past month on its
   * last day, the current month on today (`partial`), later months left out (trendMonths).
   */
  async trend(query: TrendQuery, actor: Actor): Promise<TrendResult> {
    const today = this.clock.today();
    const { from, to } = trendWindow(query.from, query.to, today);
    let months: TrendMonth[];
    try {
      months = trendMonths(from, to, today);
    } catch (error) {
      if (error instanceof RatesInputError)
        throw new ValidationFailedError([{ field: error.field, message: error.message }]);
      throw error;
    }
    const monthly: TrendMonthTallies[] = [];
    for (const month of months) {
      const coverage = this.coverageOf({ ...query, asOf: month.asOf }, actor);
      monthly.push({ month, tallies: await this.reports.signingTallies(coverage, query.groupBy) });
    }
    return {
      from,
      to,
      agreementKind: query.agreementKind,
      base: query.base,
      status: query.status,
      groupBy: query.groupBy,
      ...trendFromTallies(query.groupBy, monthly),
    };
  }

  private coverageOf(query: CoverageQueryDto, actor: Actor): CoverageQuery {
    return {
      asOf: query.asOf ?? this.clock.today(),
      agreementKind: query.agreementKind,
      base: query.base,
      status: query.status,
      scope: scopeOf(actor),
    };
  }

  /**
   * The enterprises of the query's base with no agreement as of its date, largest first, of
   * every sector, each with its instructor: the reminders' digests list them (the system reads
   * the whole county; `query.scope` narrows it, e.g. to an instructor's agenda).
   */
  uncovered(query: CoverageQuery) {
    return this.reports.uncovered(query);
  }
}
