import { AGREEMENT_KINDS as ALL_KINDS, type AgreementKind } from '@wagetrack/shared';
import { api, download } from './client';
import type { Sector } from './enterprises';
import type { AnswerOf, QueryOf, Schema } from './schema-types';

/**
 * The reports of docs/contract.md § Reports: rates are fractions 0–1, `null` for an empty group.
 * Their parameters and answers are the generated API types (schema.d.ts); the names below are
 * what the report components call them.
 */

export type { AgreementKind } from '@wagetrack/shared';

/** The kinds of agreement a report counts, wage agreements (the reports' default) first. */
export const AGREEMENT_KINDS: readonly AgreementKind[] = [
  'wage',
  ...ALL_KINDS.filter((kind) => kind !== 'wage'),
];

/** The reports, by their path under /reports. */
export type ReportPath =
  'signing-rates' | 'target-gaps' | 'union-founding' | 'agreements' | 'trend' | 'statistics' | 'work-summary';
/** What a report answers, as the API documents it. */
export type ReportAnswer<Path extends ReportPath> = AnswerOf<`/reports/${Path}`>;
/** What a report takes, its unit (`orgUnitId`, `groupBy=orgUnit`) among it. */
type ReportQuery<Path extends ReportPath> = QueryOf<`/reports/${Path}`>;

type SigningRatesQuery = Required<QueryOf<'/reports/signing-rates'>>;

export type ReportBase = SigningRatesQuery['base'];
export const REPORT_BASES = ['unionised', 'all'] as const satisfies readonly ReportBase[];

export type ReportStatus = SigningRatesQuery['status'];
export const REPORT_STATUSES = ['signed', 'in_force'] as const satisfies readonly ReportStatus[];

export type GroupBy = SigningRatesQuery['groupBy'];

/** What every report is computed for, and for which unit (none: the caller's own). */
export type ReportParams = Pick<SigningRatesQuery, 'asOf' | 'agreementKind' | 'base' | 'status'> &
  Pick<QueryOf<'/reports/signing-rates'>, 'orgUnitId'>;

export type SigningRatesReport = ReportAnswer<'signing-rates'>;
export type SigningRateRow = Schema<'SigningRateRowResponse'>;

export type TargetGapsReport = ReportAnswer<'target-gaps'>;
export type TargetGap = Schema<'TargetGapItemResponse'>;

export type UnionFoundingReport = ReportAnswer<'union-founding'>;
export type UnionFoundingRow = Schema<'UnionFoundingRowResponse'>;

export type AgreementsReport = ReportAnswer<'agreements'>;
export type AgreementsRow = Schema<'AgreementsRowResponse'>;

export type StatisticsReport = ReportAnswer<'statistics'>;
export type StatisticsRow = Schema<'StatisticsRowResponse'>;

export type WorkSummaryReport = ReportAnswer<'work-summary'>;

export type TrendReport = ReportAnswer<'trend'>;
export type TrendPoint = Schema<'TrendPointResponse'>;

/** One report asked for: its path under /reports and its parameters, which decide its answer's type. */
export interface ReportRequest<Path extends ReportPath = ReportPath> {
  path: Path;
  query: ReportQuery<Path>;
}

export const signingRatesRequest = (
  params: ReportParams,
  groupBy: GroupBy,
): ReportRequest<'signing-rates'> => ({
  path: 'signing-rates',
  query: { ...params, groupBy },
});

/** A page of the gap list (`total` counts them all); its downloads hold every enterprise. */
export const targetGapsRequest = (
  params: ReportParams,
  sector: Sector,
  page: number = 1,
  pageSize: number = GAP_PAGE_SIZES[1],
): ReportRequest<'target-gaps'> => ({
  path: 'target-gaps',
  query: { ...params, sector, page, pageSize },
});

/** The gap list's page sizes (the API's default 50 first shown, its largest 200 last). */
export const GAP_PAGE_SIZES = [20, 50, 100, 200] as const;

export const unionFoundingRequest = (
  { asOf, orgUnitId }: ReportParams,
  groupBy: QueryOf<'/reports/union-founding'>['groupBy'],
): ReportRequest<'union-founding'> => ({
  path: 'union-founding',
  query: { asOf, groupBy, orgUnitId },
});

export const agreementsRequest = ({
  asOf,
  agreementKind,
  orgUnitId,
}: ReportParams): ReportRequest<'agreements'> => ({
  path: 'agreements',
  query: { asOf, agreementKind, orgUnitId },
});

/**
 * The monthly series between two months `YYYY-MM`, each month read on its last day, the
 * current one on today (`partial`); months after the current one are left out.
 */
export const trendRequest = (
  { agreementKind, base, status, orgUnitId }: ReportParams,
  from: string,
  to: string,
): ReportRequest<'trend'> => ({
  path: 'trend',
  query: { agreementKind, base, status, from, to, groupBy: 'sector', orgUnitId },
});

/** A period of days `YYYY-MM-DD`, first and last included. */
export type Period = [string, string];

/** The statistics table of a period (`byUnit`: each subordinate unit's table too). */
export const statisticsRequest = (
  { orgUnitId }: ReportParams,
  [from, to]: Period,
  byUnit: boolean,
): ReportRequest<'statistics'> => ({
  path: 'statistics',
  query: { from, to, orgUnitId, ...(byUnit ? { groupBy: 'orgUnit' as const } : {}) },
});

/** The figures and the paragraph of a work report for a period. */
export const workSummaryRequest = (
  { orgUnitId }: ReportParams,
  [from, to]: Period,
): ReportRequest<'work-summary'> => ({
  path: 'work-summary',
  query: { from, to, orgUnitId },
});

/**
 * The periods a report is usually asked for, ending on or before `today`: this year's first half,
 * the last year's second half and the whole of last year, and this year to date.
 */
export function usualPeriods(today: string): { key: string; period: Period; year: number }[] {
  const year = Number(today.slice(0, 4));
  const periods = [
    { key: 'firstHalf', period: [`${year}-01-01`, `${year}-06-30`] as Period, year },
    { key: 'secondHalf', period: [`${year - 1}-07-01`, `${year - 1}-12-31`] as Period, year: year - 1 },
    { key: 'wholeYear', period: [`${year - 1}-01-01`, `${year - 1}-12-31`] as Period, year: year - 1 },
    { key: 'yearToDate', period: [`${year}-01-01`, today] as Period, year },
  ];
  return periods.filter(({ period }) => period[1] <= today);
}

export const fetchReport = <Path extends ReportPath>({ path, query }: ReportRequest<Path>) =>
  api.get<ReportAnswer<Path>>(`/reports/${path}`, query);

/** The same report as a table to save: the same parameters, so the file shows the numbers on screen. */
export const downloadReport = ({ path, query }: ReportRequest, format: 'csv' | 'xlsx' | 'docx') =>
  download(`/reports/${path}.${format}`, query);
