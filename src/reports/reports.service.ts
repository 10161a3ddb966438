import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../access/actor';
import { type AccessScope, scopeOf, withinUnits, withoutUnits } from '../access/scope';
import type { BusinessDate } from '../common/dates/business-date';
import { Clock } from '../common/clock/clock';
import { DocumentTemplates } from '../documents/document-templates';
import { ValidationFailedError } from '../common/errors/request.errors';
import type { Sector } from '../enterprises/domain/ownership';
import type { EffectiveTargets } from '../org-units/domain/unit-targets';
import type { OrgUnitLevel } from '../org-units/domain/org-unit-code';
import type { OrgUnit } from '../org-units/org-unit.entity';
import { OrgUnitsRepository } from '../org-units/org-units.repository';
import { OrgUnitsService } from '../org-units/org-units.service';
import {
  addCounts,
  agreementsByScopeFromTallies,
  dateZh,
  periodZh,
  DEPLOYMENT_PATH,
  DIRECT_GROUP,
  emptyTally,
  rollUpToChildren,
  type AgreementsByScopeReport,
  type GroupBy,
  RatesInputError,
  type SigningRatesReport,
  signingRatesFromTallies,
  type TargetGapItem,
  targetGapItems,
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
  type Tally,
  type UnionTally,
  placeWordsOf,
  type StatisticsReport,
  statisticsFromTallies,
  type WorkSummaryCounts,
  type WorkSummaryFigures,
  workSummaryFigures,
  type WorkSummaryTargets,
  workSummaryText,
} from './rates';
import {
  AgreementsReportQuery,
  CoverageQueryDto,
  type OrgUnitQuery,
  PeriodQuery,
  SigningRatesQuery,
  StatisticsQuery,
  TargetGapsQuery,
  TrendQuery,
  UnionFoundingQuery,
} from './dto/report-queries';
import { DIRECT_UNIT_LABEL_ZH, NO_UNIT_LABEL_ZH } from './labels-zh';
import { type ReportsConfig, reportsConfig } from './reports.config';
import {
  aggregatesUnitOf,
  CoverageQuery,
  type GapPage,
  type GapRow,
  ReportsRepository,
} from './reports.repository';

/** The unit a report covers, as answers name it; null: the whole deployment of several roots. */
export interface ReportUnit {
  id: number;
  code: string;
  name: string;
  level: OrgUnitLevel;
}

/** Where a row's target came from: the unit that set it; null = the deployment's default. */
export type TargetSource = { id: number; name: string } | null;

/** A row as answered: with the child unit's name (groupBy=orgUnit) and the target's source. */
export type ReportRateRow = SigningRatesReport['rows'][number] & {
  groupName?: string;
  targetSource?: TargetSource;
};
export type ReportUnionRow = UnionFoundingReport['rows'][number] & { groupName?: string };

export type SigningRatesResult = {
  asOf: string;
  agreementKind: string;
  base: string;
  groupBy: GroupBy;
  status: string;
  orgUnit: ReportUnit | null;
  rows: ReportRateRow[];
  total: SigningRatesReport['total'];
};
export type UnionFoundingResult = {
  asOf: string;
  groupBy: GroupBy;
  orgUnit: ReportUnit | null;
  rows: ReportUnionRow[];
  total: UnionFoundingReport['total'];
};
export type AgreementsResult = {
  asOf: string;
  agreementKind: string;
  orgUnit: ReportUnit | null;
} & AgreementsByScopeReport;

export type TargetGapsResult = {
  asOf: string;
  sector: Sector;
  agreementKind: string;
  base: string;
  status: string;
  orgUnit: ReportUnit | null;
  targetSource: TargetSource;
} & TargetGaps;

/** A target-gaps download: the answer but its items, and every item, a chunk at a time. */
export interface TargetGapsDownload {
  result: Omit<TargetGapsResult, 'items'>;
  items: AsyncIterable<TargetGapItem[]>;
}

export interface TrendResult {
  from: string;
  to: string;
  agreementKind: string;
  base: string;
  status: string;
  groupBy: GroupBy;
  orgUnit: ReportUnit | null;
  months: string[];
  series: (TrendSeries & { groupName?: string })[];
  total: TrendPoint[];
}

/** The statistics table of a unit's subtree (docs/domain.md, Statistics table). */
export type StatisticsResult = {
  from: BusinessDate;
  to: BusinessDate;
  orgUnit: ReportUnit | null;
  /** groupBy=orgUnit: the table of each child unit (and of the enterprises directly in the unit, if any). */
  units?: ({ group: string; groupName: string } & StatisticsReport)[];
} & StatisticsReport;

/** The figures of a work report and its paragraph (docs/domain.md, Work summary figures). */
export type WorkSummaryResult = {
  from: BusinessDate;
  to: BusinessDate;
  orgUnit: ReportUnit | null;
} & WorkSummaryFigures & {
    /** Numerators and denominators of the rates, and the counts the paragraph names besides the figures. */
    counts: WorkSummaryCounts;
    /** The targets the paragraph measured the rates against. */
    targets: WorkSummaryTargets;
    /** The paragraph, in the register of a 工作总结. */
    text: string;
  };

/**
 * The unit a report is asked for, resolved: the unit (null: the whole deployment of several
 * roots) and the caller's scope narrowed to its subtree.
 */
interface AskedUnit {
  unit: OrgUnit | null;
  scope: AccessScope;
}

/** Turns a report's SQL groups into its groups, and names them. */
interface Grouping {
  fold<T extends object>(tallies: ReadonlyMap<string, T>, empty: () => T): ReadonlyMap<string, T>;
  name<R extends { group: string }>(row: R): R & { groupName?: string };
}

/** The unit as an answer names it. */
function reportUnit(unit: OrgUnit | null): ReportUnit | null {
  return unit ? { id: unit.id, code: unit.code, name: unit.name, level: unit.level } : null;
}

/**
 * The supervisors' reports, coordinated: the actor's scope, the counts the database makes
 * (ReportsRepository), and the pure core (`rates/`), which turns counts into rates, targets,
 * gaps and trends, and folds units into children (`rates/roll-up.ts`); no arithmetic here.
 * Every report is of one unit's subtree (`orgUnitId`, default the caller's unit), within the
 * caller's scope (src/access/scope.ts): instructors get their own portfolio in it.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly clock: Clock,
    private readonly units: OrgUnitsRepository,
    private readonly orgUnits: OrgUnitsService,
    private readonly templates: DocumentTemplates,
    @Inject(reportsConfig.KEY) private readonly config: ReportsConfig,
  ) {}

  async signingRates(query: SigningRatesQuery, actor: Actor): Promise<SigningRatesResult> {
    const asked = await this.asked(query, actor, query.groupBy);
    const coverage = this.coverageOf(query, asked);
    const raw = await this.reports.signingTallies(coverage, query.groupBy);
    const grouping = await this.grouping(asked.unit, query.groupBy, [raw]);
    const effective = await this.targetsOf(asked.unit);
    const report = signingRatesFromTallies(query.groupBy, grouping.fold(raw, emptyTally), effective.targets);
    return {
      asOf: coverage.asOf,
      agreementKind: query.agreementKind,
      base: query.base,
      groupBy: query.groupBy,
      status: query.status,
      orgUnit: reportUnit(asked.unit),
      rows: report.rows.map((row) => {
        const named = grouping.name(row);
        return row.target === undefined
          ? named
          : { ...named, targetSource: effective.sources[row.group as Sector] ?? null };
      }),
      total: report.total,
    };
  }

  /** The gap of the query's sector, with the page of its uncovered enterprises that the query asks for. */
  async targetGaps(query: TargetGapsQuery, actor: Actor): Promise<TargetGapsResult> {
    const page = { offset: (query.page - 1) * query.pageSize, limit: query.pageSize };
    return (await this.gapsOf(query, actor, page)).result;
  }

  /**
   * The gap of the query's sector for a download: the answer but its items, and every uncovered
   * enterprise, a chunk at a time (the list of a province does not fit one answer).
   */
  async targetGapsDownload(query: TargetGapsQuery, actor: Actor): Promise<TargetGapsDownload> {
    const { coverage, result } = await this.gapsOf(query, actor, null);
    const { items: _none, ...answer } = result;
    const chunks = this.reports.uncoveredChunks(coverage, query.sector);
    return {
      result: answer,
      items: (async function* () {
        for await (const chunk of chunks) yield targetGapItems(chunk);
      })(),
    };
  }

  /** The answer of target-gaps with the page asked (null: none, no items). */
  private async gapsOf(
    query: TargetGapsQuery,
    actor: Actor,
    page: GapPage | null,
  ): Promise<{ coverage: CoverageQuery; result: TargetGapsResult }> {
    const asked = await this.asked(query, actor);
    const coverage = this.coverageOf(query, asked);
    const tallies = await this.reports.signingTallies(coverage, 'sector');
    const uncovered = page ? await this.reports.uncovered(coverage, query.sector, page) : [];
    const effective = await this.targetsOf(asked.unit);
    const gaps = targetGapsFromTallies(query.sector, tallies, uncovered, effective.targets);
    const result = {
      asOf: coverage.asOf,
      sector: query.sector,
      agreementKind: query.agreementKind,
      base: query.base,
      status: query.status,
      orgUnit: reportUnit(asked.unit),
      target: gaps.target,
      targetSource: gaps.target === null ? null : (effective.sources[query.sector] ?? null),
      shortBy: gaps.shortBy,
      total: gaps.total,
      items: gaps.items,
    };
    return { coverage, result };
  }

  async unionFounding(query: UnionFoundingQuery, actor: Actor): Promise<UnionFoundingResult> {
    const asked = await this.asked(query, actor, query.groupBy);
    const asOf = query.asOf ?? this.clock.today();
    const raw = await this.reports.unionTallies(
      { asOf, scope: asked.scope, aggregatesUnit: aggregatesUnitOf(asked.scope, asked.unit?.id ?? null) },
      query.groupBy,
    );
    const grouping = await this.grouping(asked.unit, query.groupBy, [raw]);
    const report = unionFoundingFromTallies(
      query.groupBy,
      grouping.fold(raw, (): UnionTally => ({ enterprises: 0, unionised: 0 })),
    );
    return {
      asOf,
      groupBy: query.groupBy,
      orgUnit: reportUnit(asked.unit),
      rows: report.rows.map((row) => grouping.name(row)),
      total: report.total,
    };
  }

  async agreements(query: AgreementsReportQuery, actor: Actor): Promise<AgreementsResult> {
    const asked = await this.asked(query, actor);
    const asOf = query.asOf ?? this.clock.today();
    const tallies = await this.reports.agreementTallies({
      asOf,
      agreementKind: query.agreementKind,
      scope: asked.scope,
    });
    return {
      asOf,
      agreementKind: query.agreementKind,
      orgUnit: reportUnit(asked.unit),
      ...agreementsByScopeFromTallies(tallies),
    };
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
    const asked = await this.asked(query, actor, query.groupBy);
    // Every month's counts in one read of the aggregates.
    const byDate = await this.reports.signingTalliesOn(
      this.coverageOf(query, asked),
      query.groupBy,
      months.map((month) => month.asOf),
    );
    const grouping = await this.grouping(asked.unit, query.groupBy, [...byDate.values()]);
    const monthly: TrendMonthTallies[] = months.map((month) => ({
      month,
      tallies: grouping.fold(byDate.get(month.asOf) ?? new Map<string, Tally>(), emptyTally),
    }));
    const trend = trendFromTallies(query.groupBy, monthly);
    return {
      from,
      to,
      agreementKind: query.agreementKind,
      base: query.base,
      status: query.status,
      groupBy: query.groupBy,
      orgUnit: reportUnit(asked.unit),
      months: trend.months,
      series: trend.series.map((series) => grouping.name(series)),
      total: trend.total,
    };
  }

  /**
   * The statistics table of the asked unit for the period; with groupBy=orgUnit, also each child
   * unit's own table (counted apart: a regional agreement listing enterprises of two children
   * counts in both, and once in the unit's).
   */
  async statistics(query: StatisticsQuery, actor: Actor): Promise<StatisticsResult> {
    const { from, to } = this.periodOf(query);
    const asked = await this.asked(query, actor, query.groupBy);
    const tableOf = async (scope: AccessScope) =>
      statisticsFromTallies(await this.reports.statisticsTallies({ from, to, scope }));
    const result: StatisticsResult = {
      from,
      to,
      orgUnit: reportUnit(asked.unit),
      ...(await tableOf(asked.scope)),
    };
    if (query.groupBy === 'orgUnit') {
      const children = asked.unit ? await this.units.children(asked.unit.id) : await this.units.roots();
      result.units = [];
      for (const child of children) {
        const ids = await this.orgUnits.governedUnitIds(child.id);
        const table = await tableOf(withinUnits(asked.scope, ids));
        result.units.push({ group: String(child.id), groupName: child.name, ...table });
      }
      if (asked.unit) {
        const direct = await tableOf(withinUnits(asked.scope, [asked.unit.id]));
        if (
          direct.total.agreements > 0 ||
          direct.total.signedInPeriod > 0 ||
          direct.total.enterprisesCovered > 0
        )
          result.units.push({ group: DIRECT_GROUP, groupName: DIRECT_UNIT_LABEL_ZH, ...direct });
      }
    }
    return result;
  }

  /** The figures of the asked unit's work report for the period, and its paragraph. */
  async workSummary(query: PeriodQuery, actor: Actor): Promise<WorkSummaryResult> {
    const { from, to } = this.periodOf(query);
    const asked = await this.asked(query, actor);
    const scope = asked.scope;
    const enterprises = await this.reports.workSummaryTallies({ from, to, scope });
    // The signing rates are the signing-rate report's at `to`: wage agreements, base unionised.
    const signing = await this.reports.signingTallies(
      {
        asOf: to,
        agreementKind: 'wage',
        base: 'unionised',
        status: 'signed',
        scope,
        aggregatesUnit: aggregatesUnitOf(scope, asked.unit?.id ?? null),
      },
      'sector',
    );
    const { levelTotals } = statisticsFromTallies(await this.reports.statisticsTallies({ from, to, scope }));
    const area = (level: 'regional' | 'industry') => {
      const row = levelTotals.find((found) => found.level === level);
      return { agreements: row?.agreements ?? 0, enterprisesCovered: row?.enterprisesCovered ?? 0 };
    };
    const rateOf = (sector: Sector) => ({
      numerator: signing.get(sector)?.covered ?? 0,
      denominator: signing.get(sector)?.enterprises ?? 0,
    });
    const counts: WorkSummaryCounts = {
      ...enterprises,
      signingState: rateOf('state'),
      signingNonPublic: rateOf('non_public'),
      regional: area('regional'),
      industry: area('industry'),
    };
    const { targets } = await this.targetsOf(asked.unit);
    const measures: WorkSummaryTargets = {
      unionisationNonPublic: this.config.unionisationTarget,
      signingState: targets.state ?? 1,
      signingNonPublic: targets.non_public ?? 0.9,
      workersCongressNonPublic: this.config.workersCongressTarget,
    };
    const place = placeWordsOf(asked.unit?.name ?? '', asked.unit?.level ?? null);
    return {
      from,
      to,
      orgUnit: reportUnit(asked.unit),
      ...workSummaryFigures(counts),
      counts,
      targets: measures,
      text: workSummaryText(place, from, to, counts, measures),
    };
  }

  /** The work summary's paragraph as a Word document (template work_summary.docx), with its file name. */
  async workSummaryDocument(
    query: PeriodQuery,
    actor: Actor,
  ): Promise<{ fileName: string; content: Buffer }> {
    const result = await this.workSummary(query, actor);
    const period = periodZh(result.from, result.to);
    const unit = result.orgUnit?.name ?? '全部单位';
    const content = await this.templates.render('work_summary', {
      title: `${period}工会工作总结（摘录）`,
      unitName: unit,
      periodLabel: period,
      paragraphs: [{ text: result.text }],
      generatedOn: dateZh(this.clock.today()),
    });
    return { fileName: `工作总结_${unit}_${result.from}_${result.to}.docx`, content };
  }

  /** A period's days: `to` default today, `from` default 1 January of to's year; from after to is refused. */
  private periodOf(query: PeriodQuery): { from: BusinessDate; to: BusinessDate } {
    const to = query.to ?? this.clock.today();
    const from = query.from ?? `${to.slice(0, 4)}-01-01`;
    if (from > to) {
      throw new ValidationFailedError([
        { field: 'from', message: `from（起始日期）${from} 不能晚于 to（截止日期）${to}` },
      ]);
    }
    return { from, to };
  }

  private coverageOf(query: CoverageQueryDto, asked: AskedUnit): CoverageQuery {
    return {
      asOf: query.asOf ?? this.clock.today(),
      agreementKind: query.agreementKind,
      base: query.base,
      status: query.status,
      scope: asked.scope,
      aggregatesUnit: aggregatesUnitOf(asked.scope, asked.unit?.id ?? null),
    };
  }

  /**
   * The unit a report is for: `orgUnitId`, else the caller's unit, else the whole deployment
   * (its root when it has one). A unit the caller does not govern is not found, like one that
   * does not exist. The scope is narrowed to the unit's subtree (none for the whole deployment:
   * no condition at all); groupBy=orgUnit needs a unit with children.
   */
  private async asked(query: OrgUnitQuery, actor: Actor, groupBy?: GroupBy): Promise<AskedUnit> {
    const id = query.orgUnitId ?? actor.orgUnitId;
    let unit: OrgUnit | null;
    let unitIds: readonly number[] | null = null;
    if (id === null || id === undefined) {
      const roots = await this.units.roots();
      unit = roots.length === 1 ? roots[0] : null;
    } else {
      unit = await this.orgUnits.governedUnit(id, actor);
      // The caller's own unit: the subtree they govern, as signing in read it; another: read now.
      unitIds = unit.id === actor.orgUnitId ? actor.governedUnitIds : await this.orgUnits.governedBy(unit);
    }
    if (groupBy === 'orgUnit' && unit?.level === 'township') {
      throw new ValidationFailedError([
        {
          field: 'groupBy',
          message: `分组方式（groupBy）：乡镇（街道）${unit.name}没有下级单位，不能按下级单位分组`,
        },
      ]);
    }
    const scope = withinUnits(scopeOf(actor), unitIds);
    // A root that holds every enterprise: its restriction would keep them all.
    if (
      unit?.parentId === null &&
      scope.orgUnitIds &&
      !(await this.reports.anyEnterpriseOutside(scope.orgUnitIds))
    )
      return { unit, scope: withoutUnits(scope) };
    return { unit, scope };
  }

  /** The effective targets of the unit (its own, else inherited, else REPORT_TARGETS). */
  private async targetsOf(unit: OrgUnit | null): Promise<EffectiveTargets> {
    const defaults = this.config.reportTargets;
    if (unit) return this.orgUnits.targetsOf(unit, defaults);
    const sources: EffectiveTargets['sources'] = {};
    for (const sector of Object.keys(defaults) as Sector[]) sources[sector] = null;
    return { targets: { ...defaults }, inheritedFrom: null, sources };
  }

  /**
   * How the counts per SQL group become the report's groups: as they are, or, for
   * groupBy=orgUnit, folded from the enterprises' units into the asked unit's children
   * (rates/roll-up.ts), each named.
   */
  private async grouping(
    unit: OrgUnit | null,
    groupBy: GroupBy,
    talliesRead: ReadonlyArray<ReadonlyMap<string, unknown>>,
  ): Promise<Grouping> {
    if (groupBy !== 'orgUnit') {
      return { fold: (tallies) => tallies, name: (row) => row };
    }
    const parentPath = unit?.path ?? DEPLOYMENT_PATH;
    const children = unit ? await this.units.children(unit.id) : await this.units.roots();
    // The paths of the units the counts name (the children themselves, from the aggregates; the
    // enterprises' townships, counted directly), not of the whole subtree (a province: 3,000).
    const named = new Set<number>();
    for (const tallies of talliesRead)
      for (const key of tallies.keys()) if (/^\d+$/.test(key)) named.add(Number(key));
    const pathOf = await this.units.pathsOf([...named]);
    const names = new Map<string, string>(children.map((child) => [String(child.id), child.name]));
    names.set(DIRECT_GROUP, unit ? DIRECT_UNIT_LABEL_ZH : NO_UNIT_LABEL_ZH);
    return {
      fold: (tallies, empty) => rollUpToChildren(parentPath, children, pathOf, tallies, empty, addCounts),
      name: (row) => ({ ...row, groupName: names.get(row.group) ?? row.group }),
    };
  }

  /**
   * The enterprises of the query's base with no agreement as of its date, largest first, of
   * every sector, each with its instructor: the reminders' digests list them (the system reads
   * the whole county; `query.scope` narrows it, e.g. to an instructor's agenda). All of them,
   * read a chunk at a time.
   */
  async uncovered(query: CoverageQuery): Promise<GapRow[]> {
    const all: GapRow[] = [];
    for await (const chunk of this.reports.uncoveredChunks(query)) all.push(...chunk);
    return all;
  }
}
