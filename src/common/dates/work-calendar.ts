import { addDays, type BusinessDate } from './business-date';

/**
 * The official working-day calendar as a value: which days are working days, and which years
 * it knows. China's calendar moves working days every year (the State Council's holiday
 * arrangement, with weekend days made working days, 调休), so a year without its arrangement
 * cannot be told apart from an ordinary year: `knowsYear` says which years can be trusted.
 */
export interface WorkCalendar {
  knowsYear(year: number): boolean;
  /** A working day of a known year; for an unknown year, Monday to Friday. */
  isWorkingDay(date: BusinessDate): boolean;
}

/** One year's arrangement: the rest days (holidays, weekend days among them allowed) and 调休 working weekend days. */
export interface CalendarYearData {
  year: number;
  holidays: readonly BusinessDate[];
  workdays: readonly BusinessDate[];
}

export function yearOf(date: BusinessDate): number {
  return Number(date.slice(0, 4));
}

/** Saturday or Sunday (dates are UTC midnights: no time zone can move the weekday). */
export function isWeekend(date: BusinessDate): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** A calendar from the years it knows; other years are Monday to Friday and not known. */
export function workCalendarOf(years: readonly CalendarYearData[]): WorkCalendar {
  const known = new Set(years.map((y) => y.year));
  const holidays = new Set(years.flatMap((y) => y.holidays));
  const workdays = new Set(years.flatMap((y) => y.workdays));
  return {
    knowsYear: (year) => known.has(year),
    isWorkingDay: (date) => {
      if (holidays.has(date)) return false;
      if (workdays.has(date)) return true;
      return !isWeekend(date);
    },
  };
}

/** A calendar that knows no year (replay, the verifier, documents): every counted limit is in calendar days. */
export const NO_CALENDAR: WorkCalendar = workCalendarOf([]);

export interface CountedDate {
  dueOn: BusinessDate;
  /** The calendar lacked a year the count needed: counted in calendar days, not moved. */
  calendarMissing: boolean;
}

/**
 * The first working day on or after `date`. 民法典 art. 203: a period whose last day is a
 * statutory rest day ends on the first working day after it. Null when the walk reaches a
 * year the calendar does not know.
 */
export function firstWorkingDayFrom(calendar: WorkCalendar, date: BusinessDate): BusinessDate | null {
  let day = date;
  // A rest stretch is at most a few weeks; the bound keeps a wrong calendar from looping.
  for (let step = 0; step < 366; step += 1) {
    if (!calendar.knowsYear(yearOf(day))) return null;
    if (calendar.isWorkingDay(day)) return day;
    day = addDays(day, 1);
  }
  return null;
}

/** `days` working days after `from` (the start day not counted); null on reaching an unknown year. */
export function addWorkingDays(
  calendar: WorkCalendar,
  from: BusinessDate,
  days: number,
): BusinessDate | null {
  let day = from;
  let counted = 0;
  while (counted < days) {
    day = addDays(day, 1);
    if (!calendar.knowsYear(yearOf(day))) return null;
    if (calendar.isWorkingDay(day)) counted += 1;
  }
  return day;
}

/** How a time limit is counted: the rule set says it per deadline. */
export interface LimitCounting {
  unit: 'calendar' | 'workday';
  /** 民法典 art. 203: a last day on a rest day moves to the next working day. */
  movesOffRestDay: boolean;
}

/**
 * The last day of a limit of `days` counted from `from`. Calendar days (moved off a rest day
 * when the counting says so) or working days; a year the calendar lacks gives calendar days,
 * unmoved, with `calendarMissing`.
 */
export function countLimit(
  calendar: WorkCalendar,
  from: BusinessDate,
  days: number,
  counting: LimitCounting,
): CountedDate {
  const calendarDays = addDays(from, days);
  if (counting.unit === 'workday') {
    const end = addWorkingDays(calendar, from, days);
    return end === null
      ? { dueOn: calendarDays, calendarMissing: true }
      : { dueOn: end, calendarMissing: false };
  }
  if (!counting.movesOffRestDay) return { dueOn: calendarDays, calendarMissing: false };
  const moved = firstWorkingDayFrom(calendar, calendarDays);
  return moved === null
    ? { dueOn: calendarDays, calendarMissing: true }
    : { dueOn: moved, calendarMissing: false };
}
