import fc from 'fast-check';
import { addDays } from '../../common/dates/business-date';
import {
  addCounts,
  CELL_DIMS,
  cellKeyString,
  cellMonthDeltas,
  CellSums,
  BY_DAY,
  BY_MONTH,
  cellDayDeltas,
  dayCellKeysOfPlace,
  keepsDayCells,
  isZero,
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
  cellKeyOf,
  cellKeysOfPlace,
  denseRead,
  DENSE_UNTIL_YEAR,
  extendedRows,
  laterOf,
  lastYearOf,
  type RunningRow,
  runningRowsAfter,
  runningTotalOn,
  unitDimKey,
  unitDimOf,
  unitDimOfCell,
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
/** Mostly the last five years; some in the late 1990s, where the `y` series is sparse (DENSE_FROM_YEAR). */
const day = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 5 * 365 }).map((offset) => addDays(START, offset)) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 0, max: 6 * 365 }).map((offset) => addDays('1996-03-10', offset)),
  },
  // Past DENSE_UNTIL_YEAR (a closing entered as "never"): sparse again.
  {
    weight: 1,
    arbitrary: fc.integer({ min: 0, max: 3 * 365 }).map((offset) => addDays('2099-06-01', offset)),
  },
);
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

/** The horizon of each unit and dimension: the latest `y` row of its cells. */
function horizons(cells: Map<string, CellRow[]>): Map<string, string | null> {
  const found = new Map<string, string | null>();
  for (const [cell, rows] of cells)
    for (const row of rows)
      if (row.grain === 'y' && row.bucket <= DENSE_UNTIL_YEAR)
        found.set(unitDimOfCell(cell), laterOf(found.get(unitDimOfCell(cell)) ?? null, row.bucket));
  return found;
}

/** The running totals a rebuild writes: all changes summed per month, from nothing, dense to each unit and dimension's last year. */
function rebuilt(changes: PlacedDay[]): Map<string, CellRow[]> {
  const deltas = cellMonthDeltas(changes);
  const last = new Map<string, string | null>();
  for (const [cell, months] of deltas)
    last.set(unitDimOfCell(cell), laterOf(last.get(unitDimOfCell(cell)) ?? null, lastYearOf(months)));
  const cells = new Map<string, CellRow[]>();
  for (const [cell, months] of deltas)
    cells.set(cell, cellRowsAfter([], months, last.get(unitDimOfCell(cell)) ?? null));
  return cells;
}

/**
 * The same built by folds of consecutive batches, each adding to the rows before it, and carrying
 * the other cells of a unit and dimension to a horizon a batch moved (as CoverageLedger.fold).
 */
function folded(batches: PlacedDay[][]): Map<string, CellRow[]> {
  const cells = new Map<string, CellRow[]>();
  for (const batch of batches) {
    const deltas = cellMonthDeltas(batch);
    const before = horizons(cells);
    const after = new Map(before);
    for (const [cell, months] of deltas)
      after.set(unitDimOfCell(cell), laterOf(after.get(unitDimOfCell(cell)) ?? null, lastYearOf(months)));
    for (const [cell, months] of deltas) {
      const rows = cells.get(cell) ?? [];
      const byKey = new Map(rows.map((row) => [`${row.grain}${row.bucket}`, row]));
      for (const row of cellRowsAfter(rows, months, after.get(unitDimOfCell(cell)) ?? null))
        byKey.set(`${row.grain}${row.bucket}`, row);
      cells.set(cell, [...byKey.values()]);
    }
    for (const [unitDim, from] of before) {
      const to = after.get(unitDim)!;
      if (from === null || to <= from) continue;
      const series = new Map<string, RunningRow[]>();
      for (const [cell, rows] of cells)
        if (unitDimOfCell(cell) === unitDim)
          series.set(
            cellKeyOf(cell).val,
            rows.filter((row) => row.grain === 'y'),
          );
      for (const { val, row } of extendedRows(series, from, to)) {
        const cell = cellKeyString({ ...unitDimOf(unitDim), val });
        cells.get(cell)!.push({ grain: 'y', ...row });
      }
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
  const prefix = cellKeyString({ unitId, dim, val: '' });
  // As the reader: the rows of one year and one month, where the series are dense.
  const dense = denseRead(plan, horizons(cells).get(unitDimKey(unitId, dim)) ?? null);
  for (const [cell, rows] of cells) {
    if (!cell.startsWith(prefix)) continue;
    const read = dense ? rows.filter((row) => row.bucket === (row.grain === 'y' ? dense.y : dense.m)) : rows;
    sums.set(cell.slice(prefix.length), runningTotalOn(read, plan));
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

/** The plain sums of steps per cell (`cellsOf` a place) and period (`periodOf` a day), without zeros. */
function sumsByHand(
  steps: readonly PlacedDay[],
  cellsOf: (place: PlacedDay['place']) => string[],
  periodOf: (day: string) => string,
): Map<string, Map<string, Counts>> {
  const cells = new Map<string, Map<string, Counts>>();
  for (const step of steps)
    for (const cell of cellsOf(step.place)) {
      const periods = cells.get(cell) ?? cells.set(cell, new Map()).get(cell)!;
      const period = periodOf(step.day);
      addCounts(periods.get(period) ?? periods.set(period, zeroCounts()).get(period)!, step.counts);
    }
  return withoutZeros(cells);
}

/** Sums per cell and period with the all-zero periods, and the cells left empty, taken out. */
function withoutZeros(cells: Map<string, Map<string, Counts>>): Map<string, Map<string, Counts>> {
  for (const [cell, periods] of cells) {
    for (const [period, sum] of periods) if (isZero(sum)) periods.delete(period);
    if (periods.size === 0) cells.delete(cell);
  }
  return cells;
}

/** A `CellSums` read out as plain count vectors, without zeros. */
function asPlain(sums: CellSums): Map<string, Map<string, Counts>> {
  return withoutZeros(
    new Map(
      sums
        .cellKeys()
        .map((cell) => [
          cell,
          new Map([...sums.bucketsOf(cell)].map(([period, sum]) => [period, Array.from(sum)])),
        ]),
    ),
  );
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
          const asked = [
            ...dates,
            ...dates.map(monthEndOf),
            '2030-01-01',
            '2000-12-31',
            '2001-01-01',
            '2101-12-31',
            '2102-03-15',
          ];
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

  it("sum changes per cell and month in typed-array slots, in any batches and block sizes, past a block's end", () => {
    const byHand = (steps: readonly PlacedDay[]) =>
      sumsByHand(steps, cellKeysOfPlace, (day) => day.slice(0, 7));
    fc.assert(
      fc.property(
        fc.array(change, { maxLength: 80 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 40 }),
        (changes, batch, slotsPerBlock) => {
          const sums = new CellSums(BY_MONTH, slotsPerBlock);
          // Places equal in value but not the same object (each enterprise has its own): one set of cells.
          const copies = changes.map((step) => ({ ...step, place: { ...step.place } }));
          for (let i = 0; i < copies.length; i += batch) sums.add(copies.slice(i, i + batch));
          const expected = byHand(changes);
          expect(asPlain(sums)).toEqual(expected);
          expect(withoutZeros(cellMonthDeltas(changes))).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
    // More cell-months than one block holds (32,768 slots): every month of 2000–2099 at five
    // townships of one county (30 cells: 3 units × 5 dimensions shared, and 5 townships each).
    const steps: PlacedDay[] = [];
    for (let year = 2000; year < 2100; year++)
      for (let month = 1; month <= 12; month++)
        for (const township of ['金山镇', '万安镇', '石桥镇', '龙泉镇', '白马镇'])
          steps.push({
            place: {
              unitPath: '/1/2/5/',
              ownershipType: 'private',
              industry: 'C',
              township,
              instructorId: 4,
            },
            day: `${year}-${String(month).padStart(2, '0')}-15`,
            counts: vec(year),
          });
    // One place object for all of them (an enterprise's steps share its own: the shortcut), and
    // days far out: year 999 and the "never" of 9999-12-31.
    const one = steps[0].place;
    steps.push(
      { place: one, day: '0999-03-01', counts: vec(7) },
      { place: one, day: '9999-12-31', counts: vec(-3) },
    );
    const shared = steps.map((step) =>
      step.place.township === one.township ? { ...step, place: one } : step,
    );
    const sums = new CellSums();
    sums.add(shared);
    sums.add(shared);
    const cells = sums.cellKeys();
    expect(cells.reduce((slots, cell) => slots + sums.bucketsOf(cell).size, 0)).toBeGreaterThan(32_768);
    expect(asPlain(sums)).toEqual(byHand([...steps, ...steps]));
  });

  it('sum changes per day cell and day: the deployment and the roots, in the dimensions of few values', () => {
    expect(keepsDayCells(null, 'own')).toBe(true);
    expect(keepsDayCells('/1/', 'sub')).toBe(true);
    expect(keepsDayCells('/1/', 'twp')).toBe(false);
    expect(keepsDayCells('/1/', 'ins')).toBe(false);
    expect(keepsDayCells('/1/2/', 'all')).toBe(false);
    const place = {
      unitPath: '/1/2/5/',
      ownershipType: 'private',
      industry: 'C',
      township: '金山镇',
      instructorId: 4,
    };
    expect(dayCellKeysOfPlace(place).map((key) => key.split('\u0001').join(' '))).toEqual([
      '0 all ',
      '0 own private',
      '0 ind C',
      '0 sub 1',
      '1 all ',
      '1 own private',
      '1 ind C',
      '1 sub 2',
    ]);
    const byHand = (steps: readonly PlacedDay[]) => sumsByHand(steps, dayCellKeysOfPlace, (day) => day);
    fc.assert(
      fc.property(
        fc.array(change, { maxLength: 80 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 40 }),
        (changes, batch, slotsPerBlock) => {
          const sums = new CellSums(BY_DAY, slotsPerBlock);
          for (let i = 0; i < changes.length; i += batch) sums.add(changes.slice(i, i + batch));
          const expected = byHand(changes);
          expect(asPlain(sums)).toEqual(expected);
          expect(withoutZeros(cellDayDeltas(changes))).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
    // Days far out keep their names: year 999, and the "never" of 9999-12-31.
    const far = cellDayDeltas([
      { place, day: '0999-03-01', counts: vec(7) },
      { place, day: '9999-12-31', counts: vec(-3) },
    ]);
    expect([...far.values()].map((days) => [...days.keys()])[0]).toEqual(['0999-03-01', '9999-12-31']);
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

  it('keep both series dense: a change writes its year to the horizon and its month to December, a backdated one the years since', () => {
    const one = vec(1);
    const stored: CellRow[] = [
      { grain: 'y', bucket: '2024', counts: vec(2) },
      { grain: 'y', bucket: '2025', counts: vec(3) },
      ...['03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((month): CellRow => ({
        grain: 'm',
        bucket: `2025-${month}`,
        counts: vec(1),
      })),
    ];
    const rows = (months: Map<string, Counts>, horizon: string) =>
      cellRowsAfter(stored, months, horizon).map((row) => `${row.grain}${row.bucket}=${row.counts[0]}`);
    expect(rows(new Map([['2026-12', one]]), '2025')).toEqual(['y2026=4', 'm2026-12=1']);
    // January: the rest of the year's months too (each read alone by a later date).
    expect(rows(new Map([['2026-01', one]]), '2025')).toHaveLength(13);
    expect(rows(new Map([['2023-11', one]]), '2025')).toEqual([
      'y2023=1',
      'y2024=3',
      'y2025=4',
      'm2023-11=1',
      'm2023-12=1',
    ]);
    // Up to the horizon another cell of the unit and dimension set; before 2000 sparse.
    expect(rows(new Map([['1998-05', one]]), '2027')).toEqual([
      'y1998=1',
      'y2000=1',
      'y2001=1',
      'y2002=1',
      'y2003=1',
      'y2004=1',
      'y2005=1',
      'y2006=1',
      'y2007=1',
      'y2008=1',
      'y2009=1',
      'y2010=1',
      'y2011=1',
      'y2012=1',
      'y2013=1',
      'y2014=1',
      'y2015=1',
      'y2016=1',
      'y2017=1',
      'y2018=1',
      'y2019=1',
      'y2020=1',
      'y2021=1',
      'y2022=1',
      'y2023=1',
      'y2024=3',
      'y2025=4',
      'y2026=4',
      'y2027=4',
      ...['05', '06', '07', '08', '09', '10', '11', '12'].map((month) => `m1998-${month}=1`),
    ]);
    // Changes that cancel write nothing.
    expect(cellRowsAfter(stored, new Map([['2026-03', zeroCounts()]]), '2025')).toEqual([]);
  });

  it('carry the other cells to a horizon moved later, each from its row of the year before', () => {
    const series = new Map<string, RunningRow[]>([
      [
        'a',
        [
          { bucket: '2024', counts: vec(2) },
          { bucket: '2025', counts: vec(3) },
        ],
      ],
      ['b', [{ bucket: '1990', counts: vec(5) }]],
      ['c', [{ bucket: '2027', counts: vec(9) }]],
    ]);
    expect(
      extendedRows(series, '2025', '2027').map(({ val, row }) => `${val}${row.bucket}=${row.counts[0]}`),
    ).toEqual(['a2026=3', 'a2027=3', 'b2026=5', 'b2027=5']);
    // From a horizon in the sparse years (a registration "since always", year 1): from 2000 only.
    const old = new Map<string, RunningRow[]>([['x', [{ bucket: '0001', counts: vec(1) }]]]);
    expect(extendedRows(old, '0001', '2002').map(({ row }) => row.bucket)).toEqual(['2000', '2001', '2002']);
  });

  it('read one year’s and one month’s rows where the series are dense, each value’s latest before 2000', () => {
    expect(denseRead(readPlanOn('2025-06-10'), '2027')).toEqual({ y: '2024', m: '2025-05' });
    expect(denseRead(readPlanOn('2025-06-30'), '2027')).toEqual({ y: '2024', m: '2025-06' });
    // Later than the horizon: the horizon's rows (every value has one).
    expect(denseRead(readPlanOn('2031-01-31'), '2027')).toEqual({ y: '2027', m: '2031-01' });
    expect(denseRead(readPlanOn('2001-01-31'), '2027')).toEqual({ y: '2000', m: '2001-01' });
    expect(denseRead(readPlanOn('2000-12-31'), '2027')).toBeNull();
    expect(denseRead(readPlanOn('2030-01-01'), '1999')).toBeNull();
    expect(denseRead(readPlanOn('2025-06-10'), null)).toEqual({ y: null, m: '2025-05' });
    // A step dated far ahead moves the horizon to 2100 at most; later dates read the latest rows.
    expect(lastYearOf(new Map([['9999-12', vec(-1)]]))).toBe('2100');
    expect(denseRead(readPlanOn('2101-12-31'), '2100')).toEqual({ y: '2100', m: '2101-12' });
    expect(denseRead(readPlanOn('2102-01-31'), '2100')).toBeNull();
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
    // A month of the dense series without a change, and a year up to the horizon.
    const hole = good.filter((row) => row.bucket !== '2024-09');
    expect(cellMismatches(hole, months).map((m) => [m.grain, m.bucket, m.what])).toEqual([
      ['m', '2024-09', 'missing'],
    ]);
    expect(cellMismatches(good, months, '2026').map((m) => [m.grain, m.bucket, m.what])).toEqual([
      ['y', '2026', 'missing'],
    ]);
    expect(cellMismatches(cellRowsAfter([], months, '2026'), months, '2026')).toEqual([]);
  });
});
