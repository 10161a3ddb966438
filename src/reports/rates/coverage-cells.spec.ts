import fc from 'fast-check';
import { addDays } from '../../common/dates/business-date';
import {
  addCounts,
  CELL_DIMS,
  cellKeyString,
  cellMonthDeltas,
  cellUnitsOf,
  COUNT_WIDTH,
  type Counts,
  dayStepsOf,
  keepsCells,
  monthEndOf,
  monthOf,
  type PlacedDay,
  previousMonth,
  readPlanOn,
  cellMismatches,
  type CellRow,
  cellRowsAfter,
  type RunningRow,
  runningRowsAfter,
  runningTotalOn,
  unitsOnPath,
  valueOf,
  zeroCounts,
} from './coverage-cells';

const START = '2018-11-20';
/** A count vector of `n` enterprises in the first measure. */
const vec = (n: number) => {
  const counts = zeroCounts();
  counts[0] = n;
  return counts;
};
const day = fc.integer({ min: 0, max: 5 * 365 }).map((offset) => addDays(START, offset));
const place = fc.record({
  unitPath: fc.constantFrom('', '/1/', '/1/2/', '/1/2/5/', '/1/3/', '/7/'),
  ownershipType: fc.constantFrom('private', 'state_owned'),
  industry: fc.constantFrom('C', 'G'),
  township: fc.constantFrom('金山镇', '万安镇'),
  instructorId: fc.option(fc.constantFrom(4, 9), { nil: null }),
});
/** A change in a few of the count vector's columns. */
const counts = fc
  .array(
    fc.record({
      column: fc.integer({ min: 0, max: COUNT_WIDTH - 1 }),
      by: fc.integer({ min: -300, max: 300 }),
    }),
    {
      minLength: 1,
      maxLength: 4,
    },
  )
  .map((changes) => {
    const vector = zeroCounts();
    for (const { column, by } of changes) vector[column] += by;
    return vector;
  });
const change = fc.record({ place, day, counts });

/** The running totals a rebuild writes: all changes summed per month, from nothing. */
function rebuilt(changes: PlacedDay[]): Map<string, CellRow[]> {
  const cells = new Map<string, CellRow[]>();
  for (const [cell, months] of cellMonthDeltas(changes)) cells.set(cell, cellRowsAfter([], months));
  return cells;
}

/** The same built by folds of consecutive batches, each adding to the rows before it (as CoverageLedger.fold). */
function folded(batches: PlacedDay[][]): Map<string, CellRow[]> {
  const cells = new Map<string, CellRow[]>();
  for (const batch of batches) {
    for (const [cell, months] of cellMonthDeltas(batch)) {
      const rows = cells.get(cell) ?? [];
      const byKey = new Map(rows.map((row) => [`${row.grain}${row.bucket}`, row]));
      for (const row of cellRowsAfter(rows, months)) byKey.set(`${row.grain}${row.bucket}`, row);
      cells.set(cell, [...byKey.values()]);
    }
  }
  return cells;
}

/** The counts of a unit's subtree on a date, per value, as the reader does: running total, plus the month's days. */
function read(
  cells: Map<string, CellRow[]>,
  changes: PlacedDay[],
  unitId: number,
  dim: (typeof CELL_DIMS)[number],
  asOf: string,
) {
  const plan = readPlanOn(asOf);
  const sums = new Map<string, Counts>();
  for (const [cell, rows] of cells) {
    const prefix = cellKeyString({ unitId, dim, val: '' });
    if (!cell.startsWith(prefix)) continue;
    sums.set(cell.slice(prefix.length), runningTotalOn(rows, plan));
  }
  const { days } = plan;
  for (const c of changes) {
    if (days === null || c.day < days.from || c.day > days.to || !within(c, unitId)) continue;
    const val = valueOf(c.place, dim, unitId);
    addCounts(sums.get(val) ?? sums.set(val, zeroCounts()).get(val)!, c.counts, days.sign);
  }
  return nonZero(sums);
}

/** The same straight from the changes: those dated on or before asOf, of enterprises under the unit. */
function direct(changes: PlacedDay[], unitId: number, dim: (typeof CELL_DIMS)[number], asOf: string) {
  const sums = new Map<string, Counts>();
  for (const c of changes) {
    if (c.day > asOf || !within(c, unitId)) continue;
    const val = valueOf(c.place, dim, unitId);
    addCounts(sums.get(val) ?? sums.set(val, zeroCounts()).get(val)!, c.counts);
  }
  return nonZero(sums);
}

function within(c: PlacedDay, unitId: number): boolean {
  return unitId === 0 || unitsOnPath(c.place.unitPath).includes(unitId);
}

function nonZero(sums: Map<string, Counts>): Map<string, Counts> {
  return new Map([...sums].filter(([, vector]) => vector.some((value) => value !== 0)));
}

describe('report aggregates: cells of running totals (coverage-cells)', () => {
  it('give, for every cell unit, dimension and date, the sum of the changes up to it: built at once or by folds in any batches', () => {
    fc.assert(
      fc.property(
        fc.array(change, { maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 6 }),
        fc.array(day, { minLength: 1, maxLength: 4 }),
        (changes, cuts, dates) => {
          const batches: PlacedDay[][] = [];
          let at = 0;
          for (const cut of cuts) {
            batches.push(changes.slice(at, at + cut));
            at += cut;
          }
          batches.push(changes.slice(at));
          const once = rebuilt(changes);
          const byFolds = folded(batches);
          // Month ends too, where the days are not read.
          const asked = [...dates, ...dates.map(monthEndOf), '2030-01-01'];
          for (const unitId of [0, 1, 2, 3, 7]) {
            for (const dim of CELL_DIMS) {
              for (const asOf of asked) {
                const truth = direct(changes, unitId, dim, asOf);
                expect(read(once, changes, unitId, dim, asOf)).toEqual(truth);
                expect(read(byFolds, changes, unitId, dim, asOf)).toEqual(truth);
              }
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('keep cells for the deployment and the two upper levels only; below them a unit is read from its days', () => {
    expect(cellUnitsOf('/1/2/5/9/')).toEqual([0, 1, 2]);
    expect(cellUnitsOf('')).toEqual([0]);
    expect(keepsCells('/1/')).toBe(true);
    expect(keepsCells('/1/2/')).toBe(true);
    expect(keepsCells('/1/2/5/')).toBe(false);
    const deltas = cellMonthDeltas([
      {
        place: {
          unitPath: '/1/2/5/',
          ownershipType: 'private',
          industry: 'C',
          township: '金山镇',
          instructorId: null,
        },
        day: '2025-06-17',
        counts: vec(1),
      },
    ]);
    expect([...deltas.keys()].map((key) => key.split('\u0001').slice(0, 2).join(' ')).sort()).toEqual(
      ['0', '1', '2'].flatMap((unit) => CELL_DIMS.map((dim) => `${unit} ${dim}`)).sort(),
    );
    // The orgUnit grouping's value: the child on the way down, or the unit itself at its end.
    const at = (unitPath: string) => ({
      unitPath,
      ownershipType: '',
      industry: '',
      township: '',
      instructorId: null,
    });
    expect(valueOf(at('/1/2/5/'), 'sub', 2)).toBe('5');
    expect(valueOf(at('/1/2/'), 'sub', 2)).toBe('2');
    expect(valueOf(at(''), 'sub', 0)).toBe('null');
  });

  it('read a date from the nearer month end: the month before plus the days up to it, or its month less the days after', () => {
    const adding = (cellsThrough: string, from: string, to: string) => ({
      cellsThrough,
      days: { from, to, sign: 1 },
    });
    const taking = (cellsThrough: string, from: string, to: string) => ({
      cellsThrough,
      days: { from, to, sign: -1 },
    });
    expect(readPlanOn('2025-06-17')).toEqual(taking('2025-06', '2025-06-18', '2025-06-30'));
    expect(readPlanOn('2025-06-15')).toEqual(adding('2025-05', '2025-06-01', '2025-06-15'));
    expect(readPlanOn('2025-06-16')).toEqual(taking('2025-06', '2025-06-17', '2025-06-30'));
    expect(readPlanOn('2025-06-30')).toEqual({ cellsThrough: '2025-06', days: null });
    expect(readPlanOn('2025-06-29')).toEqual(taking('2025-06', '2025-06-30', '2025-06-30'));
    expect(readPlanOn('2025-01-01')).toEqual(adding('2024-12', '2025-01-01', '2025-01-01'));
    expect(readPlanOn('2024-02-29')).toEqual({ cellsThrough: '2024-02', days: null });
    expect(readPlanOn('2024-02-28')).toEqual(taking('2024-02', '2024-02-29', '2024-02-29'));
    expect(readPlanOn('2023-02-28')).toEqual({ cellsThrough: '2023-02', days: null });
    expect(previousMonth('0001-01')).toBe('0000-12');
    expect(monthOf('0001-01-01')).toBe('0001-01');
  });

  it('write only the rows that change: a change of today one row, a backdated one every later row too', () => {
    const one = vec(1);
    const stored: RunningRow[] = [
      { bucket: '2024-03', counts: vec(2) },
      { bucket: '2025-06', counts: vec(3) },
    ];
    const today = runningRowsAfter(stored[1].counts, [], new Map([['2026-12', one]]));
    expect(today).toEqual([{ bucket: '2026-12', counts: vec(4) }]);
    const backdated = runningRowsAfter(null, stored, new Map([['2020-01', one]]));
    expect(backdated.map((row) => [row.bucket, row.counts[0]])).toEqual([
      ['2020-01', 1],
      ['2024-03', 3],
      ['2025-06', 4],
    ]);
  });

  it('turn an enterprise’s steps into one count vector per day, leaving out days whose steps cancel', () => {
    const days = dayStepsOf([
      { measure: 'open', day: '2020-01-01', enterprises: 1, employees: 50 },
      { measure: 'unionised', day: '2020-01-01', enterprises: 1, employees: 50 },
      { measure: 'open', day: '2021-05-05', enterprises: -1, employees: -50 },
      { measure: 'unionised', day: '2021-05-05', enterprises: -1, employees: -50 },
      { measure: 'covered:wage:signed:all', day: '2020-06-01', enterprises: 1, employees: 50 },
      { measure: 'covered:wage:signed:all', day: '2020-06-01', enterprises: -1, employees: -50 },
    ]);
    expect(days.map((d) => d.day)).toEqual(['2020-01-01', '2021-05-05']);
    expect(days[0].counts.filter((value) => value !== 0)).toEqual([1, 1, 50, 50]);
  });

  it('write two rows for a change of today, at most the years since and twelve months for a backdated one', () => {
    const one = vec(1);
    const stored: CellRow[] = [
      { grain: 'y', bucket: '2019', counts: vec(2) },
      { grain: 'y', bucket: '2025', counts: vec(3) },
      { grain: 'm', bucket: '2025-03', counts: vec(1) },
      { grain: 'm', bucket: '2026-02', counts: vec(1) },
    ];
    expect(
      cellRowsAfter(stored, new Map([['2026-12', one]])).map((row) => [row.grain, row.bucket, row.counts[0]]),
    ).toEqual([
      ['y', '2026', 4],
      ['m', '2026-12', 2],
    ]);
    expect(
      cellRowsAfter(stored, new Map([['2018-01', one]])).map((row) => [row.grain, row.bucket, row.counts[0]]),
    ).toEqual([
      ['y', '2018', 1],
      ['y', '2019', 3],
      ['y', '2025', 4],
      ['m', '2018-01', 1],
    ]);
  });

  it('find a stored row that differs from the changes summed afresh, and a changed month without a row', () => {
    const one = vec(1);
    const months = new Map([
      ['2024-05', one],
      ['2025-02', one],
    ]);
    const good = cellRowsAfter([], months);
    expect(cellMismatches(good, months)).toEqual([]);
    const wrong = good.map((row) => (row.bucket === '2025' ? { ...row, counts: vec(7) } : row));
    expect(cellMismatches(wrong, months).map((m) => [m.grain, m.bucket, m.what])).toEqual([
      ['y', '2025', 'differs'],
    ]);
    const gap = good.filter((row) => row.bucket !== '2024-05');
    expect(cellMismatches(gap, months).map((m) => [m.grain, m.bucket, m.what])).toEqual([
      ['m', '2024-05', 'missing'],
    ]);
  });
});
