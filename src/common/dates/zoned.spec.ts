import { addDaysToDate, businessDateOf, startOfBusinessDay } from './zoned';

describe(startOfBusinessDay.name, () => {
  it.each([
    ['2026-03-05', 'Asia/Shanghai', '2026-03-04T16:00:00.000Z'],
    ['2026-03-05', 'UTC', '2026-03-05T00:00:00.000Z'],
    ['2026-03-29', 'Europe/Berlin', '2026-03-28T23:00:00.000Z'], // the day summer time begins
    ['2026-10-25', 'Europe/Berlin', '2026-10-24T22:00:00.000Z'], // the day it ends
  ])('%s begins in %s at %s', (date, zone, instant) => {
    expect(startOfBusinessDay(date, zone).toISOString()).toBe(instant);
  });
});

describe(businessDateOf.name, () => {
  it('puts 17:00 UTC on the next day in Shanghai', () => {
    expect(businessDateOf(new Date('2026-11-24T17:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-25');
    expect(businessDateOf(new Date('2026-11-24T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-11-24');
  });
});

describe(addDaysToDate.name, () => {
  it('crosses months and leap days', () => {
    expect(addDaysToDate('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDaysToDate('2026-12-31', 1)).toBe('2027-01-01');
  });
});
