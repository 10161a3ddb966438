import {
  addDays,
  addMonths,
  compareDates,
  daysBetween,
  isBusinessDate,
  todayIn,
  wholeMonthsBetween,
} from './business-date';

describe(isBusinessDate.name, () => {
  it.each([
    ['2026-01-31', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-1-5', false],
    ['2026-01-05T00:00:00Z', false],
    ['1899-12-31', false],
    [20260105, false],
    [null, false],
  ])('%p → %p', (value, expected) => {
    expect(isBusinessDate(value)).toBe(expected);
  });
});

describe(addDays.name, () => {
  it.each([
    ['2026-01-08', 20, '2026-01-28'],
    ['2026-12-25', 10, '2027-01-04'],
    ['2028-02-20', 10, '2028-03-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-29', 0, '2026-03-29'],
  ])('%s + %i days = %s', (from, days, expected) => {
    expect(addDays(from, days)).toBe(expected);
  });
});

describe(addMonths.name, () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-01-20', 12, '2027-01-20'],
    ['2026-08-31', 3, '2026-11-30'],
    ['2027-01-20', -3, '2026-10-20'],
    ['2026-05-31', -3, '2026-02-28'],
    ['2026-11-15', 14, '2028-01-15'],
  ])('%s + %i months = %s', (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });
});

describe(compareDates.name, () => {
  it('orders dates', () => {
    expect(compareDates('2026-01-01', '2026-01-02')).toBeLessThan(0);
    expect(compareDates('2026-01-02', '2026-01-02')).toBe(0);
    expect(compareDates('2027-01-01', '2026-12-31')).toBeGreaterThan(0);
  });
});

describe(daysBetween.name, () => {
  it.each([
    ['2026-01-01', '2026-01-21', 20],
    ['2026-03-01', '2026-02-01', -28],
    ['2028-01-01', '2029-01-01', 366],
  ])('%s → %s is %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});

describe(wholeMonthsBetween.name, () => {
  it.each([
    ['2026-01-20', '2027-01-20', 12],
    ['2026-01-31', '2026-02-28', 1],
    ['2026-01-20', '2027-01-19', 11],
    ['2026-01-20', '2026-02-10', 0],
  ])('%s → %s holds %i whole months', (from, to, months) => {
    expect(wholeMonthsBetween(from, to)).toBe(months);
  });
});

describe(todayIn.name, () => {
  it.each([
    // 16:30 UTC is already half past midnight in Shanghai.
    ['2026-01-01T16:30:00Z', 'Asia/Shanghai', '2026-01-02'],
    ['2026-01-01T15:59:59Z', 'Asia/Shanghai', '2026-01-01'],
    ['2026-01-01T16:30:00Z', 'UTC', '2026-01-01'],
  ])('%s in %s is %s', (instant, zone, expected) => {
    expect(todayIn(zone, new Date(instant))).toBe(expected);
  });
});
