import { describe, expect, it } from 'vitest';
import { formatDate, formatInstant, formatMonth, formatNumber, formatPercent } from './format';

describe('formatDate', () => {
  it.each([
    ['2026-03-05', 'zh-CN', '2026年3月5日'],
    ['2026-03-05', 'en', '5 Mar 2026'],
    ['2025-12-31', 'zh-CN', '2025年12月31日'],
    ['2025-12-31', 'en', '31 Dec 2025'],
  ] as const)('%s in %s is %s', (iso, language, expected) => {
    expect(formatDate(iso, language)).toBe(expected);
  });

  it('shows a dash for no date and the text itself for something that is not a date', () => {
    expect(formatDate(null, 'zh-CN')).toBe('—');
    expect(formatDate('', 'en')).toBe('—');
    expect(formatDate('soon', 'en')).toBe('soon');
    expect(formatDate('2026-03', 'en')).toBe('2026-03');
  });
});

describe('formatMonth', () => {
  it('reads a YYYY-MM month', () => {
    expect(formatMonth('2026-03', 'zh-CN')).toBe('2026年3月');
    expect(formatMonth('2026-03', 'en')).toBe('Mar 2026');
    expect(formatMonth('2026-03-05', 'en')).toBe('2026-03-05');
  });
});

describe('formatInstant', () => {
  it('shows the time in Asia/Shanghai, whatever the browser zone', () => {
    expect(formatInstant('2026-03-04T16:05:00.000Z', 'zh-CN')).toBe('2026年3月5日 00:05');
    expect(formatInstant('2026-03-05T06:30:00Z', 'en')).toBe('5 Mar 2026 14:30');
  });

  it('shows a dash for no instant', () => {
    expect(formatInstant(undefined, 'en')).toBe('—');
  });
});

describe('formatPercent', () => {
  it('turns the API fraction into a percentage with one decimal', () => {
    expect(formatPercent(0.853, 'zh-CN')).toBe('85.3%');
    expect(formatPercent(1, 'en')).toBe('100.0%');
    expect(formatPercent(0.9, 'en', 0)).toBe('90%');
  });

  it('shows a dash for an empty group (null rate)', () => {
    expect(formatPercent(null, 'zh-CN')).toBe('—');
  });
});

describe('formatNumber', () => {
  it('groups thousands', () => {
    expect(formatNumber(1234567, 'zh-CN')).toBe('1,234,567');
    expect(formatNumber(0, 'en')).toBe('0');
    expect(formatNumber(null, 'en')).toBe('—');
  });
});
