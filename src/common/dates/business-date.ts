/**
 * Calendar arithmetic on business dates (`YYYY-MM-DD`, calendar days: 集体合同规定 counts
 * calendar days). Dates are handled as UTC midnights internally so no local time zone or
 * daylight-saving shift can move a day.
 */
export type BusinessDate = string;

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
const MIN_YEAR = 1900;

export function isBusinessDate(value: unknown): value is BusinessDate {
  if (typeof value !== 'string') return false;
  const match = PATTERN.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function addDays(date: BusinessDate, days: number): BusinessDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** Adds calendar months, clamping to the month's last day: 2026-01-31 + 1 month = 2026-02-28. */
export function addMonths(date: BusinessDate, months: number): BusinessDate {
  const { year, month, day } = parts(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return format(targetYear, targetMonth, targetDay);
}

/** Negative when a is earlier than b, 0 when equal, positive when later. */
export function compareDates(a: BusinessDate, b: BusinessDate): number {
  return Math.sign(toUtcMs(a) - toUtcMs(b));
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: BusinessDate, to: BusinessDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** Whole months m with addMonths(from, m) <= to (0 when less than a month apart). */
export function wholeMonthsBetween(from: BusinessDate, to: BusinessDate): number {
  const a = parts(from);
  const b = parts(to);
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  while (months > 0 && compareDates(addMonths(from, months), to) > 0) months -= 1;
  return Math.max(0, months);
}

export function laterOf(a: BusinessDate, b: BusinessDate): BusinessDate {
  return compareDates(a, b) >= 0 ? a : b;
}

/** The business date of the instant `now` in `timeZone` (e.g. 'Asia/Shanghai'). */
/** Building an Intl.DateTimeFormat costs more than using one: one per zone, kept. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

export function todayIn(timeZone: string, now: Date): BusinessDate {
  let dayFormat = dayFormats.get(timeZone);
  if (!dayFormat) {
    dayFormat = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, dayFormat);
  }
  const formatted = dayFormat.formatToParts(now);
  const pick = (type: string): number => Number(formatted.find((part) => part.type === type)?.value ?? NaN);
  return format(pick('year'), pick('month'), pick('day'));
}

function parts(date: BusinessDate): { year: number; month: number; day: number } {
  if (!isBusinessDate(date)) throw new RangeError(`not a business date: ${JSON.stringify(date)}`);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

function toUtcMs(date: BusinessDate): number {
  const { year, month, day } = parts(date);
  return Date.UTC(year, month - 1, day);
}

function fromUtcMs(ms: number): BusinessDate {
  const date = new Date(ms);
  return format(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function format(year: number, month: number, day: number): BusinessDate {
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}
