import { isBusinessDate, type BusinessDate } from '../../common/dates/business-date';
import { SECTORS } from '../../enterprises/domain/ownership';
import { RatesInputError } from './rates.errors';
import type { Targets } from './types';

export function assertBusinessDate(field: string, value: unknown): asserts value is BusinessDate {
  if (!isBusinessDate(value)) {
    throw new RatesInputError(
      `${field} must be a calendar date YYYY-MM-DD (1900 or later), got ${JSON.stringify(value)}`,
      field,
    );
  }
}

export function assertOneOf<T extends string>(
  field: string,
  value: unknown,
  accepted: readonly T[],
): asserts value is T {
  if (!accepted.includes(value as T)) {
    throw new RatesInputError(
      `${field} must be one of ${accepted.join(', ')}, got ${JSON.stringify(value)}`,
      field,
    );
  }
}

/** Targets are fractions 0–1 (api.md: rates are fractions, not percentages) for known sectors. */
export function assertTargets(targets: Targets): void {
  for (const [sector, target] of Object.entries(targets)) {
    assertOneOf('targets', sector, SECTORS);
    if (target === undefined) continue;
    if (typeof target !== 'number' || !Number.isFinite(target) || target < 0 || target > 1) {
      throw new RatesInputError(
        `targets.${sector} must be a fraction between 0 and 1 (0.9 for 90 %), got ${JSON.stringify(target)}`,
        `targets.${sector}`,
      );
    }
  }
}
