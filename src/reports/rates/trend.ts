/**
 * Monthly signing-rate series (docs/contract.md, Reports: GET /reports/trend): each month is measured on its last
 * day, so a month's point is the report a supervisor would have read at month end. The month
 * that contains `today` has not ended: it is measured on today (architecture invariant 5: no
 * point depends on a future date) and marked `partial`, so its point agrees with the signing
 * rates read today. Months after it have no point: they are left out.
 */
import { addDays, addMonths, type BusinessDate } from '../../common/dates/business-date';
import { listGroups } from './groups';
import { RatesInputError } from './rates.errors';
import { signingRatesFromTallies, type RateRow, type Tally } from './signing-rates';
import type { GroupBy } from './types';

/** Ten years of months: enough for any report upward, and a bound on the work one request asks for. */
export const MAX_TREND_MONTHS = 120;

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
const MIN_YEAR = 1900;

export interface TrendPoint {
  month: string;
  /** The day this point is measured on: the month's last day, or today for the current month. */
  asOf: BusinessDate;
  /** The current month, measured on today rather than on its (future) last day. */
  partial: boolean;
  rate: number | null;
  covered: number;
  enterprises: number;
}

export interface TrendSeries {
  group: string;
  points: TrendPoint[];
}

export interface MonthlyTrend {
  /** The months from `from` to `to` that have begun by today. */
  months: string[];
  /**
   * One series per group, in listGroups order; for open-ended groupings, every group present in
   * any month, with points of 0 enterprises (rate null) in months it had no open enterprise.
   */
  series: TrendSeries[];
  /** The total row of each month. */
  total: TrendPoint[];
}

/** The per-group counts of one month of a trend, measured on its day (TrendMonth.asOf). */
export interface TrendMonthTallies {
  month: TrendMonth;
  tallies: ReadonlyMap<string, Tally>;
}

/**
 * The trend from the signing-rate counts of each month (the months of trendMonths, in order):
 * each month's report as signingRatesFromTallies gives it, one series per group of any month.
 */
export function trendFromTallies(groupBy: GroupBy, monthly: readonly TrendMonthTallies[]): MonthlyTrend {
  const reports = monthly.map(({ month, tallies }) => ({
    month,
    report: signingRatesFromTallies(groupBy, tallies),
  }));
  const groups = listGroups(
    groupBy,
    reports.flatMap(({ report }) => report.rows.map((row) => row.group)),
  );
  return {
    months: reports.map(({ month }) => month.month),
    series: groups.map((group) => ({
      group,
      points: reports.map(({ month, report }) =>
        trendPoint(
          month,
          report.rows.find((row) => row.group === group),
        ),
      ),
    })),
    total: reports.map(({ month, report }) => trendPoint(month, report.total)),
  };
}

/**
 * The months a trend asks for when `from` or `to` is left out: `to` defaults to the month of
 * today, `from` to 11 months before `to` (a year of points). Not validated here: trendMonths does.
 */
export function trendWindow(
  from: string | undefined,
  to: string | undefined,
  today: BusinessDate,
): { from: string; to: string } {
  const last = to ?? today.slice(0, 7);
  return { from: from ?? monthsBefore(last, 11), to: last };
}

function monthsBefore(month: string, count: number): string {
  const [year, m] = month.split('-').map(Number);
  const index = year * 12 + (m - 1) - count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** A month of a trend and the day it is measured on. */
export interface TrendMonth {
  month: string;
  asOf: BusinessDate;
  partial: boolean;
}

/**
 * The months of a trend read on `today`: those from `from` to `to` (validated as monthRange
 * does) that have begun, each on its last day, the current one on today. A range that begins
 * after the current month has no point at all: refused, naming `from`.
 */
export function trendMonths(from: string, to: string, today: BusinessDate): TrendMonth[] {
  const months = monthRange(from, to);
  const current = today.slice(0, 7);
  if (from > current) {
    throw new RatesInputError(
      `from ${from} is after the current month ${current}: a trend has points only for months that have begun`,
      'from',
    );
  }
  return months
    .filter((month) => month <= current)
    .map((month) =>
      month === current
        ? { month, asOf: today, partial: true }
        : { month, asOf: lastDayOf(month), partial: false },
    );
}

/** One point of a trend: the month, the day it is measured on, and the row of that day's report. */
export function trendPoint(
  { month, asOf, partial }: TrendMonth,
  row: Pick<RateRow, 'rate' | 'covered' | 'enterprises'> | undefined,
): TrendPoint {
  return {
    month,
    asOf,
    partial,
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
