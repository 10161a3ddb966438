import {
  addWorkingDays,
  countLimit,
  firstWorkingDayFrom,
  NO_CALENDAR,
  workCalendarOf,
} from './work-calendar';
import { calendar2026 } from './work-calendar.fixtures';

const sut = calendar2026();
const CALENDAR_DAYS = { unit: 'calendar', movesOffRestDay: true } as const;

describe(workCalendarOf.name, () => {
  it.each([
    ['2026-10-05', false, 'a holiday Monday'],
    ['2026-10-10', true, 'a 调休 Saturday'],
    ['2026-09-20', true, 'a 调休 Sunday'],
    ['2026-10-11', false, 'an ordinary Sunday'],
    ['2026-10-12', true, 'an ordinary Monday'],
    ['2027-01-09', false, 'a Saturday of an unknown year (Monday to Friday)'],
    ['2027-01-11', true, 'a Monday of an unknown year'],
  ])('%s is a working day: %s (%s)', (date, working) => {
    expect(sut.isWorkingDay(date)).toBe(working);
  });

  it('knows only the years it was given', () => {
    expect([sut.knowsYear(2026), sut.knowsYear(2027), NO_CALENDAR.knowsYear(2026)]).toEqual([
      true,
      false,
      false,
    ]);
  });
});

describe(countLimit.name, () => {
  it('moves a last day on a holiday to the first working day after it (民法典 art. 203)', () => {
    expect(countLimit(sut, '2026-09-11', 20, CALENDAR_DAYS)).toEqual({
      dueOn: '2026-10-08',
      calendarMissing: false,
    });
    expect(firstWorkingDayFrom(sut, '2026-10-11')).toBe('2026-10-12');
  });

  it('keeps a last day on a working day, and one on a rest day when the rule set says not to move it', () => {
    expect(countLimit(sut, '2026-09-01', 9, CALENDAR_DAYS)).toEqual({
      dueOn: '2026-09-10',
      calendarMissing: false,
    });
    expect(countLimit(sut, '2026-09-11', 20, { unit: 'calendar', movesOffRestDay: false })).toEqual({
      dueOn: '2026-10-01',
      calendarMissing: false,
    });
  });

  it('counts working days across the holiday, a 调休 Saturday counting', () => {
    expect(addWorkingDays(sut, '2026-09-30', 3)).toBe('2026-10-10');
    expect(countLimit(sut, '2026-09-30', 7, { unit: 'workday', movesOffRestDay: true })).toEqual({
      dueOn: '2026-10-15',
      calendarMissing: false,
    });
  });

  it('counts calendar days, unmoved, and flags it, when a year is missing', () => {
    // 2027-01-09 is a Saturday, but 2027 is not known: not moved.
    expect(countLimit(sut, '2026-12-20', 20, CALENDAR_DAYS)).toEqual({
      dueOn: '2027-01-09',
      calendarMissing: true,
    });
    expect(countLimit(sut, '2026-12-27', 7, { unit: 'workday', movesOffRestDay: true })).toEqual({
      dueOn: '2027-01-03',
      calendarMissing: true,
    });
    // A rest stretch at the end of a known year running into an unknown one.
    expect(
      firstWorkingDayFrom(
        workCalendarOf([{ year: 2026, holidays: ['2026-12-31'], workdays: [] }]),
        '2026-12-31',
      ),
    ).toBeNull();
  });
});
