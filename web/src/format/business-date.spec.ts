import { describe, expect, it } from 'vitest';
import { businessToday, pickerDay } from './business-date';

describe('businessToday', () => {
  it('is the date in Asia/Shanghai, already the next day there late in the UTC evening', () => {
    expect(businessToday(new Date('2026-03-04T15:59:00Z'))).toBe('2026-03-04');
    expect(businessToday(new Date('2026-03-04T16:00:00Z'))).toBe('2026-03-05');
  });
});

describe('pickerDay', () => {
  it('is the calendar day a date picker shows', () => {
    expect(pickerDay(new Date(2026, 2, 5))).toBe('2026-03-05');
  });
});
