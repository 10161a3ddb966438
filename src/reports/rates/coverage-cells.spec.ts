import fc from 'fast-check';
import { addDays } from '../../common/dates/business-date';
import {
  bucketConditionsOn,
  bucketCountsOn,
  type CellPlace,
  cellDeltas,
  type PlacedStep,
  unitsOfPath,
  valueOf,
} from './coverage-cells';

const START = '2018-11-20';
const day = fc.integer({ min: 0, max: 5 * 365 }).map((offset) => addDays(START, offset));
const place = fc.record({
  unitPath: fc.constantFrom('', '/1/', '/1/2/', '/1/2/5/', '/1/3/', '/7/'),
  ownershipType: fc.constantFrom('private', 'state_owned'),
  industry: fc.constantFrom('C', 'G'),
  township: fc.constantFrom('金山镇', '万安镇'),
  instructorId: fc.option(fc.constantFrom(4, 9), { nil: null }),
});
const step = fc.record({
  place,
  measure: fc.integer({ min: 0, max: 2 }),
  day,
  enterprises: fc.constantFrom(1, -1),
  employees: fc.integer({ min: -300, max: 300 }),
});

/** What the cells of a unit and dimension give on a date, read as the reader does (bucketCountsOn). */
function fromCells(
  steps: PlacedStep[],
  unitId: number,
  dim: 'all' | 'sub' | 'own',
  measure: number,
  asOf: string,
) {
  const sums = new Map<string, number>();
  for (const delta of cellDeltas(steps)) {
    const { key } = delta;
    if (key.unitId !== unitId || key.dim !== dim || key.measure !== measure || !bucketCountsOn(key, asOf))
      continue;
    sums.set(key.val, (sums.get(key.val) ?? 0) + delta.employees);
  }
  return sums;
}

/** The same straight from the steps: those dated on or before asOf, of enterprises under the unit. */
function fromSteps(
  steps: PlacedStep[],
  unitId: number,
  dim: 'all' | 'sub' | 'own',
  measure: number,
  asOf: string,
) {
  const sums = new Map<string, number>();
  for (const s of steps) {
    if (s.measure !== measure || s.day > asOf || !unitsOfPath(s.place.unitPath).includes(unitId)) continue;
    const val = valueOf(s.place, dim, unitId);
    sums.set(val, (sums.get(val) ?? 0) + s.employees);
  }
  return sums;
}

const nonZero = (sums: Map<string, number>) => new Map([...sums].filter(([, sum]) => sum !== 0));

describe('the report aggregates’ cells', () => {
  it('give, on any date, per unit and dimension, the sum of the steps dated up to it', () => {
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 40 }),
        day,
        fc.constantFrom(0, 1, 2, 5, 7),
        fc.constantFrom('all', 'sub', 'own') as fc.Arbitrary<'all' | 'sub' | 'own'>,
        fc.integer({ min: 0, max: 2 }),
        (steps, asOf, unitId, dim, measure) => {
          expect(nonZero(fromCells(steps, unitId, dim, measure, asOf))).toEqual(
            nonZero(fromSteps(steps, unitId, dim, measure, asOf)),
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  it('read for one date the same buckets as the SQL conditions select', () => {
    fc.assert(
      fc.property(day, day, (bucketDay, asOf) => {
        const on = bucketConditionsOn(asOf);
        for (const [grain, bucket] of [
          ['y', bucketDay.slice(0, 4)],
          ['m', bucketDay.slice(0, 7)],
          ['d', bucketDay],
        ] as const) {
          const selected =
            grain === 'y'
              ? bucket < on.yearsBefore
              : grain === 'm'
                ? bucket >= on.monthsFrom && bucket <= on.monthsTo
                : on.daysFrom !== null && bucket >= on.daysFrom && bucket <= on.daysTo;
          expect([grain, bucket, asOf, selected]).toEqual([
            grain,
            bucket,
            asOf,
            bucketCountsOn({ grain, bucket }, asOf),
          ]);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('put an enterprise’s step in its units’ cells, by the child unit it lies in', () => {
    const at: CellPlace = {
      unitPath: '/1/2/5/',
      ownershipType: 'private',
      industry: 'C',
      township: '金山镇',
      instructorId: null,
    };
    expect(unitsOfPath(at.unitPath)).toEqual([0, 1, 2, 5]);
    expect([0, 1, 2, 5].map((unit) => valueOf(at, 'sub', unit))).toEqual(['1', '2', '5', '5']);
    expect(valueOf({ ...at, unitPath: '' }, 'sub', 0)).toBe('null');
    expect(valueOf(at, 'ins', 1)).toBe('');
  });

  it('leave out cells whose changes cancel, and sort the rest by key', () => {
    const at: CellPlace = {
      unitPath: '',
      ownershipType: 'private',
      industry: 'C',
      township: '金山镇',
      instructorId: 4,
    };
    const deltas = cellDeltas([
      { place: at, measure: 0, day: '2025-03-04', enterprises: 1, employees: 10 },
      { place: at, measure: 0, day: '2025-03-04', enterprises: -1, employees: -10 },
      { place: at, measure: 0, day: '2025-03-09', enterprises: 1, employees: 10 },
    ]);
    expect(deltas.filter((delta) => delta.key.grain === 'd').map((delta) => delta.key.bucket)).toEqual(
      Array(6).fill('2025-03-09'),
    );
    expect(deltas.every((delta) => delta.enterprises === 1)).toBe(true);
  });
});
