import { readFileSync } from 'node:fs';
import { isWeekend, yearOf, type CalendarYearData } from '../common/dates/work-calendar';

/** The npm package the official arrangement comes from (README, "The working-day calendar"). */
export const OFFICIAL_CALENDAR_PACKAGE = 'chinese-days';

interface PackageData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

export interface OfficialCalendar {
  /** `chinese-days@1.5.7`: what a seeded year's `source` names. */
  source: string;
  years: CalendarYearData[];
}

/**
 * The years the package knows, read from its data file. The package's own functions answer
 * a year it does not know as an ordinary Monday-to-Friday year, silently; reading its data
 * tells the known years apart.
 */
export function readOfficialCalendar(): OfficialCalendar {
  const version = (
    JSON.parse(readFileSync(require.resolve(`${OFFICIAL_CALENDAR_PACKAGE}/package.json`), 'utf8')) as {
      version: string;
    }
  ).version;
  const data = JSON.parse(
    readFileSync(require.resolve(`${OFFICIAL_CALENDAR_PACKAGE}/dist/chinese-days.json`), 'utf8'),
  ) as PackageData;
  const byYear = new Map<number, CalendarYearData & { holidays: string[]; workdays: string[] }>();
  const yearEntry = (date: string) => {
    const year = yearOf(date);
    let entry = byYear.get(year);
    if (entry === undefined) {
      entry = { year, holidays: [], workdays: [] };
      byYear.set(year, entry);
    }
    return entry;
  };
  for (const date of Object.keys(data.holidays)) yearEntry(date).holidays.push(date);
  // Only weekend days can be made working days; the package lists exactly those.
  for (const date of Object.keys(data.workdays)) if (isWeekend(date)) yearEntry(date).workdays.push(date);
  const years = [...byYear.values()]
    .map((entry) => ({ ...entry, holidays: entry.holidays.sort(), workdays: entry.workdays.sort() }))
    .sort((a, b) => a.year - b.year);
  return { source: `${OFFICIAL_CALENDAR_PACKAGE}@${version}`, years };
}
