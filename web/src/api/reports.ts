import { AGREEMENT_KINDS as ALL_KINDS, type AgreementKind } from '@wagetrack/shared';
import { api, download, type Query } from './client';
import type { Sector } from './enterprises';
import type { QueryOf } from './schema-types';
import type { Stage } from './negotiations';

/**
 * The reports of docs/api.md § Reports: rates are fractions 0–1, `null` for an empty group. Their
 * parameters are the generated query types; their answers are written here, as the reports'
 * routes do not document a response schema in the OpenAPI document yet.
 */

export type { AgreementKind } from '@wagetrack/shared';

/** The kinds of agreement a report counts, wage agreements (the reports' default) first. */
export const AGREEMENT_KINDS: readonly AgreementKind[] = [
  'wage',
  ...ALL_KINDS.filter((kind) => kind !== 'wage'),
];

type SigningRatesQuery = Required<QueryOf<'/reports/signing-rates'>>;

export type ReportBase = SigningRatesQuery['base'];
export const REPORT_BASES = ['unionised', 'all'] as const satisfies readonly ReportBase[];

export type ReportStatus = SigningRatesQuery['status'];
export const REPORT_STATUSES = ['signed', 'in_force'] as const satisfies readonly ReportStatus[];

export type GroupBy = SigningRatesQuery['groupBy'];

/** What every report is computed for. */
export interface ReportParams {
  asOf: string;
  agreementKind: AgreementKind;
  base: ReportBase;
  status: ReportStatus;
}

export interface SigningRateRow {
  group: string;
  enterprises: number;
  covered: number;
  rate: number | null;
  employees: number;
  employeesCovered: number;
  employeeRate: number | null;
  /** Only for the groups the county sets a target for (sectors `state` and `non_public`). */
  target?: number;
  meetsTarget?: boolean;
  shortBy?: number;
}

export interface SigningRatesReport extends ReportParams {
  groupBy: GroupBy;
  rows: SigningRateRow[];
  total: SigningRateRow;
}

export interface TargetGap {
  enterpriseId: number;
  name: string;
  creditCode: string;
  ownershipType: string;
  township: string;
  employeeCount: number;
  instructorId: number | null;
  openNegotiation: { id: number; stage: Stage } | null;
}

export interface TargetGapsReport extends ReportParams {
  sector: string;
  target: number | null;
  shortBy: number;
  items: TargetGap[];
}

export interface UnionFoundingRow {
  group: string;
  enterprises: number;
  unionised: number;
  rate: number | null;
}

export interface UnionFoundingReport {
  asOf: string;
  groupBy: GroupBy;
  rows: UnionFoundingRow[];
  total: UnionFoundingRow;
}

export interface AgreementsRow {
  scope: string;
  agreements: number;
  enterprisesCovered: number;
  employeesCovered: number;
  avgWageIncreasePct: number | null;
}

export interface AgreementsReport {
  asOf: string;
  agreementKind: AgreementKind;
  rows: AgreementsRow[];
  total: AgreementsRow;
}

export interface TrendPoint {
  month: string;
  /** The day the point is measured on: the month's last day, or today for the current month. */
  asOf: string;
  /** The current month, measured on today (it has not ended). */
  partial: boolean;
  rate: number | null;
  covered: number;
  enterprises: number;
}

export interface TrendReport {
  from: string;
  to: string;
  groupBy: GroupBy;
  months: string[];
  series: Array<{ group: string; points: TrendPoint[] }>;
  total: TrendPoint[];
}

/** One report asked for: its path under /reports and its parameters. */
export interface ReportRequest {
  path: 'signing-rates' | 'target-gaps' | 'union-founding' | 'agreements' | 'trend';
  query: Query;
}

export const signingRatesRequest = (params: ReportParams, groupBy: GroupBy): ReportRequest => ({
  path: 'signing-rates',
  query: { ...params, groupBy } satisfies QueryOf<'/reports/signing-rates'>,
});

export const targetGapsRequest = (params: ReportParams, sector: Sector): ReportRequest => ({
  path: 'target-gaps',
  query: { ...params, sector } satisfies QueryOf<'/reports/target-gaps'>,
});

export const unionFoundingRequest = ({ asOf }: ReportParams, groupBy: GroupBy): ReportRequest => ({
  path: 'union-founding',
  query: { asOf, groupBy } satisfies QueryOf<'/reports/union-founding'>,
});

export const agreementsRequest = ({ asOf, agreementKind }: ReportParams): ReportRequest => ({
  path: 'agreements',
  query: { asOf, agreementKind } satisfies QueryOf<'/reports/agreements'>,
});

/**
 * The monthly series between two months `YYYY-MM`, each month read on its last day, the
 * current one on today (`partial`); months after the current one are left out.
 */
export const trendRequest = (
  { agreementKind, base, status }: ReportParams,
  from: string,
  to: string,
): ReportRequest => ({
  path: 'trend',
  query: { agreementKind, base, status, from, to, groupBy: 'sector' } satisfies QueryOf<'/reports/trend'>,
});

export const fetchReport = <T>({ path, query }: ReportRequest) => api.get<T>(`/reports/${path}`, query);

/** The same report as a table to save: the same parameters, so the file shows the numbers on screen. */
export const downloadReport = ({ path, query }: ReportRequest, format: 'csv' | 'xlsx') =>
  download(`/reports/${path}.${format}`, query);
