import { startOfBusinessDay } from './zoned';

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
