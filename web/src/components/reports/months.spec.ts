import { describe, expect, it } from 'vitest';
import { monthsBefore } from './months';

describe('monthsBefore', () => {
  it.each([
    ['2026-11', 11, '2025-12'],
    ['2026-11-26', 0, '2026-11'],
    ['2026-01', 1, '2025-12'],
    ['2026-12', 12, '2025-12'],
  ] as const)('%s minus %i months is %s', (iso, count, expected) => {
    expect(monthsBefore(iso, count)).toBe(expected);
  });
});
