/**
 * Monthly signing-rate series (api.md, GET /reports/trend): each month is measured on its last
 * day, so a month's point is the report a supervisor would have read at month end. This stays
 * pure (no "today"): the current month's point is taken at its coming month end, so an
 * agreement expiring later this month already counts as expired there. A caller that wants
 * "so far" for the current month caps `to` at the previous month or asks signingRates for today.
 */
import { addDays, addMonths, type BusinessDate } from '../../common/dates/business-date';
import { listGroups } from './groups';
import { RatesInputError } from './rates.errors';
import { signingRates, type RateRow, type SigningRatesInput } from './signing-rates';

/** Ten years of months: enough for any report upward, and a bound on the work one request asks for. */
export const MAX_TREND_MONTHS = 120;

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
const MIN_YEAR = 1900;

export interface TrendPoint {
  month: string;
  /** The month's last day, the asOf of this point. */
  asOf: BusinessDate;
  rate: number | null;
  covered: number;
  enterprises: number;
}

export interface TrendSeries {
  group: string;
  points: TrendPoint[];
}

export type MonthlyTrendInput = Omit<SigningRatesInput, 'asOf'> & {
  /** First month, `YYYY-MM`. */
  from: string;
  /** Last month, `YYYY-MM`, inclusive. */
  to: string;
};

export interface MonthlyTrend {
  months: string[];
  /**
   * One series per group, in listGroups order; for open-ended groupings, every group present in
   * any month, with points of 0 enterprises (rate null) in months it had no open enterprise.
   */
  series: TrendSeries[];
  /** The total row of each month. */
  total: TrendPoint[];
}

export function monthlyTrend(input: MonthlyTrendInput): MonthlyTrend {
  const { from, to, ...rest } = input;
  const months = monthRange(from, to);
  const reports = months.map((month) => ({ month, ...signingRates({ ...rest, asOf: lastDayOf(month) }) }));
  const groups = listGroups(
    input.groupBy,
    reports.flatMap((report) => report.rows.map((row) => row.group)),
  );
  const series = groups.map((group) => ({
    group,
    points: reports.map(({ month, rows }) =>
      toPoint(
        month,
        rows.find((row) => row.group === group),
      ),
    ),
  }));
  return { months, series, total: reports.map(({ month, total }) => toPoint(month, total)) };
}

function toPoint(month: string, row: RateRow | undefined): TrendPoint {
  return {
    month,
    asOf: lastDayOf(month),
    rate: row?.rate ?? null,
    covered: row?.covered ?? 0,
    enterprises: row?.enterprises ?? 0,
  };
}

/** The months from `from` to `to` inclusive, validated: from ≤ to, at most MAX_TREND_MONTHS. */
export function monthRange(from: string, to: string): string[] {
  const first = monthIndex('from', from);
  const last = monthIndex('to', to);
  if (first > last) throw new RatesInputError(`from ${from} is after to ${to}; give from ≤ to`, 'from');
  const count = last - first + 1;
  if (count > MAX_TREND_MONTHS) {
    throw new RatesInputError(
      `from ${from} to ${to} spans ${count} months; at most ${MAX_TREND_MONTHS} are accepted`,
      'to',
    );
  }
  return Array.from({ length: count }, (_, i) => formatMonth(first + i));
}

/** The last day of `YYYY-MM` (2028-02 → 2028-02-29). */
export function lastDayOf(month: string): BusinessDate {
  return addDays(addMonths(`${month}-01`, 1), -1);
}

function monthIndex(field: string, value: unknown): number {
  const match = typeof value === 'string' ? MONTH_PATTERN.exec(value) : null;
  if (match === null || Number(match[1]) < MIN_YEAR) {
    throw new RatesInputError(
      `${field} must be a month YYYY-MM (1900-01 or later), got ${JSON.stringify(value)}`,
      field,
    );
  }
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

function formatMonth(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}
