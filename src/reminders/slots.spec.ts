import { dedupeKey, dueSlotDate, messageIdOf } from './slots';

describe(dueSlotDate.name, () => {
  const WEEKDAYS_AT_8 = '0 8 * * 1-5';
  const MONDAY_AT_8 = '0 8 * * 1';
  const shanghai = 'Asia/Shanghai';

  it.each([
    // 2026-11-25 is a Wednesday; 08:00 in Shanghai is 00:00 UTC.
    ['before 08:00 Shanghai on a weekday', WEEKDAYS_AT_8, '2026-11-24T23:59:00Z', null],
    ['at 08:00 Shanghai on a weekday', WEEKDAYS_AT_8, '2026-11-25T00:00:00Z', '2026-11-25'],
    ['in the afternoon of a weekday', WEEKDAYS_AT_8, '2026-11-25T07:30:00Z', '2026-11-25'],
    ['late evening, still the same Shanghai day', WEEKDAYS_AT_8, '2026-11-25T15:59:00Z', '2026-11-25'],
    ['just after midnight Shanghai, before 08:00', WEEKDAYS_AT_8, '2026-11-25T16:01:00Z', null],
    ['on a Saturday', WEEKDAYS_AT_8, '2026-11-28T03:00:00Z', null],
    ['the weekly summary on a Monday', MONDAY_AT_8, '2026-11-30T01:00:00Z', '2026-11-30'],
    ['the weekly summary on a Tuesday', MONDAY_AT_8, '2026-12-01T01:00:00Z', null],
  ])('%s', (_case, cron, now, expected) => {
    expect(dueSlotDate(cron, shanghai, new Date(now))).toBe(expected);
  });

  it('honours another time zone and a custom expression', () => {
    expect(dueSlotDate('30 17 * * *', 'Europe/Berlin', new Date('2026-11-25T16:29:00Z'))).toBeNull();
    expect(dueSlotDate('30 17 * * *', 'Europe/Berlin', new Date('2026-11-25T16:30:00Z'))).toBe('2026-11-25');
  });
});

describe(messageIdOf.name, () => {
  it('is stable for a slot', () => {
    expect(messageIdOf(dedupeKey('instructor_digest', 12, '2026-11-25'))).toBe(
      '<instructor_digest.12.2026-11-25@wagetrack.reminders>',
    );
  });
});
