/**
 * Test data for the specs that count with the official calendar. Not used by production code.
 */
import { workCalendarOf, type CalendarYearData, type WorkCalendar } from './work-calendar';

/** The 2026 National Day arrangement: 10-01..10-07 off, Sunday 09-20 and Saturday 10-10 worked. */
export const NATIONAL_DAY_2026: CalendarYearData = {
  year: 2026,
  holidays: [
    '2026-10-01',
    '2026-10-02',
    '2026-10-03',
    '2026-10-04',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
  ],
  workdays: ['2026-09-20', '2026-10-10'],
};

/** A calendar that knows 2026 only, as NATIONAL_DAY_2026 has it. */
export const calendar2026 = (): WorkCalendar => workCalendarOf([NATIONAL_DAY_2026]);
