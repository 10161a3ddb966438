/**
 * The arithmetic of the maintained report aggregates (issue 17, docs/architecture.md, "Report
 * aggregates"): where an enterprise's dated steps (coverage-steps.ts) are kept, and how a date's
 * counts are read back from them. Pure: no framework, no I/O.
 *
 * Two stores, both with the measures as columns (a **count vector**: the enterprises of each of
 * the STEP_MEASURES, then their employees):
 *
 * - **days**: per enterprise and day on which its counts step, the step, with the enterprise's
 *   place (unit path and grouping values). About six rows an enterprise. A unit below the
 *   `CELL_LEVELS` upper levels (a county, a township: thousands of enterprises at most) is
 *   counted from its enterprises' days alone; a month's days are read for the part of a month
 *   the cells do not hold (below).
 * - **cells**: per **cell** (a unit of the upper levels, or 0 for the whole deployment) × a
 *   grouping dimension × one value of it, running totals in two series, both sparse (no row for
 *   a period without change): `y`, at the end of each year in which the cell changed, its counts
 *   on the year's last day; `m`, at the end of each month in which it changed, its change since
 *   the start of that month's year. The count of a cell on a day D is its `y` row of the latest
 *   year before C's year plus its `m` row of the latest month of C's year up to C, where C is
 *   the month before D's, plus the days from the first of D's month to D; or, D in the second
 *   half of its month, C is D's month and the days after D in it are taken away (`readPlanOn`):
 *   two rows per value, whatever the number of enterprises or years, and half a month of days
 *   at most.
 *
 * Both series are **dense** where dates are read, so that a date's rows are one period's, read
 * by the period key, not each value's latest row before it (a province's 2,977 townships by
 * some 30 years): from DENSE_FROM_YEAR on, a cell's `y` series has a row for every year from its
 * first to its unit and dimension's **horizon** (the latest year any of their cells has), and each
 * year's `m` series has a row for every month from the year's first change to December. A date
 * is then read from the `y` rows of one year (the year before C's, or the horizon if earlier)
 * and the `m` rows of C (`denseRead`); a date before DENSE_FROM_YEAR from each value's latest rows.
 *
 * A change of a past month adds to the `y` rows from its year to the horizon and to the `m` rows
 * of its year from its month to December (each made from the row before it when missing): at
 * most the years to the horizon and twelve months per cell. A change beyond the horizon moves it
 * (to DENSE_UNTIL_YEAR at most): every other cell of the unit and dimension gets rows up to it
 * (`extendedRows`, done in SQL by the ledger).
 */
import type { BusinessDate } from '../../common/dates/business-date';
import { type CountStep, STEP_MEASURES, type StepMeasure } from './coverage-steps';
import type { GroupBy } from './types';

/** The measures' count (the enterprises' columns, then as many for their employees). */
export const MEASURES = STEP_MEASURES.length;
/** The length of a count vector. */
export const COUNT_WIDTH = 2 * MEASURES;

/** Enterprises of measure m at [m], employees at [MEASURES + m]. */
export type Counts = number[];

export function zeroCounts(): Counts {
  return new Array<number>(COUNT_WIDTH).fill(0);
}

export function isZero(counts: ArrayLike<number>): boolean {
  for (let i = 0; i < counts.length; i++) if (counts[i] !== 0) return false;
  return true;
}

/** `into += sign × add`, in place. */
export function addCounts(into: Counts, add: readonly number[], sign = 1): Counts {
  for (let i = 0; i < COUNT_WIDTH; i++) into[i] += sign * add[i];
  return into;
}

/**
 * The levels of units that keep cells: the roots (level 0) and their children (level 1), the
 * province and its cities in a provincial deployment. Below them a unit holds at most thousands
 * of enterprises, which its days answer in milliseconds, whereas cells at every level would cost
 * a row per month for each of their many small values (docs/benchmarks.md, "Third attempt").
 */
export const CELL_LEVELS = 2;

/** A grouping dimension of the cells: `all` (one value, ''), or one per `groupBy` but sector (folded from ownership). */
export const CELL_DIMS = ['all', 'own', 'ind', 'twp', 'ins', 'sub'] as const;
export type CellDim = (typeof CELL_DIMS)[number];

/** The dimension that answers a grouping (sector: the ownership types, folded by the caller). */
export function dimOf(groupBy: GroupBy | null): CellDim {
  switch (groupBy) {
    case null:
      return 'all';
    case 'sector':
    case 'ownershipType':
      return 'own';
    case 'industry':
      return 'ind';
    case 'township':
      return 'twp';
    case 'instructor':
      return 'ins';
    case 'orgUnit':
      return 'sub';
  }
}

/** A measure's column number in the stored tables (its place in STEP_MEASURES). */
export function measureNumber(measure: StepMeasure): number {
  const index = STEP_MEASURES.indexOf(measure);
  if (index < 0) throw new Error(`unknown measure ${measure}`);
  return index;
}

/** Where an enterprise's steps go: its unit's path (`/1/5/23/`, '' for none) and its grouping values. */
export interface CellPlace {
  unitPath: string;
  ownershipType: string;
  industry: string;
  township: string;
  instructorId: number | null;
}

/** The units on a path, the root first. */
export function unitsOnPath(unitPath: string): number[] {
  return unitPath
    .split('/')
    .filter((part) => part !== '')
    .map(Number);
}

/** A unit's level: 0 for a root, 1 for its children, … (the number of its ancestors). */
export function levelOfPath(unitPath: string): number {
  return unitsOnPath(unitPath).length - 1;
}

/** Whether a unit at this path keeps cells (else it is read from its days). */
export function keepsCells(unitPath: string): boolean {
  return levelOfPath(unitPath) < CELL_LEVELS;
}

/** The cells' units an enterprise at this path counts in: 0 (the deployment), then its ancestors of the upper levels. */
export function cellUnitsOf(unitPath: string): number[] {
  return [0, ...unitsOnPath(unitPath).slice(0, CELL_LEVELS)];
}

/**
 * The value of a place in one dimension of one unit. For `sub`, the child unit of that unit the
 * enterprise lies in, or the unit itself for its own enterprises ('null' at the deployment for an
 * enterprise in no unit): the keys the orgUnit grouping folds (roll-up.ts).
 */
export function valueOf(place: CellPlace, dim: CellDim, unitId: number): string {
  switch (dim) {
    case 'all':
      return '';
    case 'own':
      return place.ownershipType;
    case 'ind':
      return place.industry;
    case 'twp':
      return place.township;
    case 'ins':
      return place.instructorId === null ? '' : String(place.instructorId);
    case 'sub': {
      const units = [0, ...unitsOnPath(place.unitPath)];
      const at = units.indexOf(unitId);
      if (at < 0) throw new Error(`unit ${unitId} is not on ${place.unitPath}`);
      if (at + 1 < units.length) return String(units[at + 1]);
      return unitId === 0 ? 'null' : String(unitId);
    }
  }
}

/** One day's change of an enterprise's counts, or the sum of several enterprises' at one place. */
export interface DayStep {
  day: BusinessDate;
  counts: Counts;
}

/** An enterprise's steps as one count vector per day, days ascending; days whose steps cancel are left out. */
export function dayStepsOf(steps: readonly CountStep[]): DayStep[] {
  const byDay = new Map<BusinessDate, Counts>();
  for (const step of steps) {
    const counts = byDay.get(step.day) ?? zeroCounts();
    const measure = measureNumber(step.measure);
    counts[measure] += step.enterprises;
    counts[MEASURES + measure] += step.employees;
    byDay.set(step.day, counts);
  }
  return [...byDay.entries()]
    .filter(([, counts]) => !isZero(counts))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([day, counts]) => ({ day, counts }));
}

/** A change at a place on a day (an enterprise's step, or its reversal). */
export interface PlacedDay extends DayStep {
  place: CellPlace;
}

/** The month of a day (`2025-06`): the cells' bucket. */
export function monthOf(day: BusinessDate): string {
  return day.slice(0, 7);
}

/** A cell: unit × dimension × value. */
export interface CellKey {
  unitId: number;
  dim: CellDim;
  val: string;
}

export function cellKeyString(key: CellKey): string {
  return `${unitDimKey(key.unitId, key.dim)}\u0001${key.val}`;
}

export function cellKeyOf(id: string): CellKey {
  const [unitId, dim, val] = id.split('\u0001');
  return { unitId: Number(unitId), dim: dim as CellDim, val };
}

/** A unit and dimension (the scope of a horizon) as a key: the first two parts of a cell's. */
export function unitDimKey(unitId: number, dim: CellDim): string {
  return `${unitId}\u0001${dim}`;
}

/** The unit and dimension of a `unitDimKey`. */
export function unitDimOf(key: string): { unitId: number; dim: CellDim } {
  const [unitId, dim] = key.split('\u0001');
  return { unitId: Number(unitId), dim: dim as CellDim };
}

/** The `unitDimKey` of a cell's key (`cellKeyString`). */
export function unitDimOfCell(cell: string): string {
  return cell.slice(0, cell.indexOf('\u0001', cell.indexOf('\u0001') + 1));
}

/**
 * Per cell (by `cellKeyString`), per month: the change of its counts that a set of placed steps
 * makes (a fold's batch, a verifier's chunk): `CellSums` read out as plain count vectors.
 */
export function cellMonthDeltas(steps: readonly PlacedDay[]): Map<string, Map<string, Counts>> {
  return deltasOf(steps, BY_MONTH);
}

/** Per day cell (`dayCellKeysOfPlace`), per day: the change that a set of placed steps makes. */
export function cellDayDeltas(steps: readonly PlacedDay[]): Map<string, Map<string, Counts>> {
  return deltasOf(steps, BY_DAY);
}

function deltasOf(steps: readonly PlacedDay[], bucketing: Bucketing): Map<string, Map<string, Counts>> {
  // A fold's batch holds a few cell-months, a verifier's chunk thousands: blocks of 64 slots
  // (18 KB), not the rebuild's 32,768 (9.4 MB).
  const sums = new CellSums(bucketing, 64);
  sums.add(steps);
  const cells = new Map<string, Map<string, Counts>>();
  for (const cell of sums.cellKeys()) {
    const buckets = new Map<string, Counts>();
    for (const [bucket, sum] of sums.bucketsOf(cell)) buckets.set(bucket, Array.from(sum));
    cells.set(cell, buckets);
  }
  return cells;
}

/** The cells (`cellKeyString`) a place's changes go to: each cell unit on its path × each dimension. */
export function cellKeysOfPlace(place: CellPlace): string[] {
  const keys: string[] = [];
  for (const unitId of cellUnitsOf(place.unitPath))
    for (const dim of CELL_DIMS) keys.push(cellKeyString({ unitId, dim, val: valueOf(place, dim, unitId) }));
  return keys;
}

/**
 * The dimensions whose values are few whatever the size of the federation (one; the ownership
 * types; the industries' sections; a unit's children), which keep **day cells**: per cell of a
 * unit of the top level (DAY_CELL_LEVELS: the roots, and 0 for the deployment) and day, the
 * change of its counts that day. A date's part of a month is read from them, a row per value and
 * day, where the enterprises' days of a province grow with it (at 5,000,000 enterprises, some
 * 20,000 days a day in the years agreements are signed). Townships and instructors are as many
 * as the federation is large: their days per value stay a few, and a day row per value and day
 * would cost nearly a row per enterprise's day (docs/benchmarks.md, "Eighth session").
 */
export const DAY_DIMS: ReadonlySet<CellDim> = new Set<CellDim>(['all', 'own', 'ind', 'sub']);

/** The levels of units that keep day cells: the roots (level 0), and the deployment. */
export const DAY_CELL_LEVELS = 1;

/** Whether a unit (its path; null: the deployment) keeps day cells in a dimension (else its days are read). */
export function keepsDayCells(unitPath: string | null, dim: CellDim): boolean {
  return DAY_DIMS.has(dim) && (unitPath === null || levelOfPath(unitPath) < DAY_CELL_LEVELS);
}

/** The day cells (`cellKeyString`) a place's changes go to: 0 and its root × each of DAY_DIMS. */
export function dayCellKeysOfPlace(place: CellPlace): string[] {
  const keys: string[] = [];
  for (const unitId of [0, ...unitsOnPath(place.unitPath).slice(0, DAY_CELL_LEVELS)])
    for (const dim of DAY_DIMS) keys.push(cellKeyString({ unitId, dim, val: valueOf(place, dim, unitId) }));
  return keys;
}

/**
 * How `CellSums` buckets the steps: into cells (the place's keys) and periods (a number per
 * period: no string per entry for the collector to trace, and its name back).
 */
export interface Bucketing {
  cellsOf(place: CellPlace): string[];
  index(day: BusinessDate): number;
  name(index: number): string;
}

/** Per cell and month (`2025-06`): the running totals' changes. */
export const BY_MONTH: Bucketing = { cellsOf: cellKeysOfPlace, index: monthIndex, name: monthOfIndex };

/** Per day cell and day (`2025-06-17`): the day cells' rows. */
export const BY_DAY: Bucketing = { cellsOf: dayCellKeysOfPlace, index: dayIndex, name: dayOfIndex };

/** A place as a key: enterprises at the same place share their cells (every field of CellPlace: a new one must be added here). */
function placeKey(place: CellPlace): string {
  return `${place.unitPath}\u0001${place.ownershipType}\u0001${place.industry}\u0001${place.township}\u0001${place.instructorId ?? ''}`;
}

/**
 * Sums of placed steps per cell and period (`BY_MONTH`: per cell and month; `BY_DAY`: per day
 * cell and day). Built for a rebuild's millions of cell-months (about 3.6 million at 1,000,000
 * enterprises in a province of 3,000 townships): each a slot of a few large typed arrays rather
 * than a typed array each (millions of small objects made the garbage collector a fifth of a
 * rebuild's time), and each place's cells looked up once for every enterprise there.
 * `cellMonthDeltas` and `cellDayDeltas` read one out for the smaller batches.
 */
export class CellSums {
  private static readonly PLACES = 200_000;
  private readonly blocks: Float64Array[] = [];
  private slots = 0;
  /** Per cell, per period (`Bucketing.index`): its slot. */
  private readonly cells = new Map<string, Map<number, number>>();
  /** Per place (`placeKey`), its cells' months; forgotten when it grows past PLACES (a cache). */
  private readonly places = new Map<string, Array<Map<number, number>>>();
  private lastPlace: CellPlace | null = null;
  private lastCells: Array<Map<number, number>> = [];
  private readonly moved = new Int32Array(COUNT_WIDTH);

  /** `slotsPerBlock`: cell-periods per typed array (a rebuild's default: 32,768, 9.4 MB). */
  constructor(
    private readonly bucketing: Bucketing = BY_MONTH,
    private readonly slotsPerBlock = 1 << 15,
  ) {}

  add(steps: readonly PlacedDay[]): void {
    const moved = this.moved;
    for (const step of steps) {
      const counts = step.counts;
      let movedCount = 0;
      for (let i = 0; i < COUNT_WIDTH; i++) if (counts[i] !== 0) moved[movedCount++] = i;
      if (movedCount === 0) continue;
      const month = this.bucketing.index(step.day);
      // An enterprise's steps come together and share its place.
      const placeCells = step.place === this.lastPlace ? this.lastCells : this.cellsOfPlace(step.place);
      for (const months of placeCells) {
        let slot = months.get(month);
        if (slot === undefined) {
          slot = this.newSlot();
          months.set(month, slot);
        }
        const block = this.blocks[this.blockOf(slot)];
        const base = this.offsetOf(slot);
        for (let m = 0; m < movedCount; m++) block[base + moved[m]] += counts[moved[m]];
      }
    }
  }

  /** The cells with sums (`cellKeyString`). */
  cellKeys(): string[] {
    return [...this.cells.keys()];
  }

  /** A cell's sums per period (`2025-06`, `2025-06-17`; views of the slots: read them before the next `add`). */
  bucketsOf(cell: string): Map<string, Float64Array> {
    const buckets = new Map<string, Float64Array>();
    for (const [index, slot] of this.cells.get(cell) ?? []) {
      const base = this.offsetOf(slot);
      buckets.set(
        this.bucketing.name(index),
        this.blocks[this.blockOf(slot)].subarray(base, base + COUNT_WIDTH),
      );
    }
    return buckets;
  }

  private cellsOfPlace(place: CellPlace): Array<Map<number, number>> {
    const key = placeKey(place);
    let placeCells = this.places.get(key);
    if (!placeCells) {
      if (this.places.size >= CellSums.PLACES) this.places.clear();
      placeCells = this.bucketing
        .cellsOf(place)
        .map((id) => this.cells.get(id) ?? this.cells.set(id, new Map()).get(id)!);
      this.places.set(key, placeCells);
    }
    this.lastPlace = place;
    this.lastCells = placeCells;
    return placeCells;
  }

  private newSlot(): number {
    const slot = this.slots++;
    if (this.offsetOf(slot) === 0) this.blocks.push(new Float64Array(this.slotsPerBlock * COUNT_WIDTH));
    return slot;
  }

  /** The typed array that holds a slot. */
  private blockOf(slot: number): number {
    return Math.floor(slot / this.slotsPerBlock);
  }

  /** Where a slot's count vector starts in its typed array. */
  private offsetOf(slot: number): number {
    return (slot % this.slotsPerBlock) * COUNT_WIDTH;
  }
}

/** A day's month as a number (year × 12 + month − 1), read off `YYYY-MM-DD` without a new string. */
function monthIndex(day: BusinessDate): number {
  const digit = (at: number) => day.charCodeAt(at) - 48;
  return (digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3)) * 12 + digit(5) * 10 + digit(6) - 1;
}

/** `monthIndex` back to its month (`2025-06`). */
function monthOfIndex(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** A day as a number (`YYYYMMDD`, in the days' order), read off `YYYY-MM-DD` without a new string. */
function dayIndex(day: BusinessDate): number {
  const digit = (at: number) => day.charCodeAt(at) - 48;
  return (
    (digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3)) * 10_000 +
    (digit(5) * 10 + digit(6)) * 100 +
    digit(8) * 10 +
    digit(9)
  );
}

/** `dayIndex` back to its day (`2025-06-17`). */
function dayOfIndex(index: number): BusinessDate {
  const year = Math.floor(index / 10_000);
  const month = Math.floor(index / 100) % 100;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(index % 100).padStart(2, '0')}`;
}

/** A stored running total of one series: a year (`2025`) or a month (`2025-06`), and its counts. */
export interface RunningRow {
  bucket: string;
  counts: Counts;
}

export type Grain = 'y' | 'm';

/**
 * The first year from which the `y` series is dense. Wage agreements date from 2000 on (工资集体协商
 * 试行办法, 2000); registrations before it (and SINCE_ALWAYS, year 1) stay sparse, and a date
 * before 2001 is read from each value's latest row (slower, as exact).
 */
export const DENSE_FROM_YEAR = '2000';

/**
 * The last year the `y` series is dense to: a horizon never passes it, so that a step dated far
 * ahead (a closing entered as 9999-12-31) costs a row, not a row per value and year up to it;
 * a date after 2100 is read from each value's latest row.
 */
export const DENSE_UNTIL_YEAR = '2100';

/** The years from `from` to `to` (`2024`, `2025`, …), both included; none when `from` is later. */
export function yearsBetween(from: string, to: string): string[] {
  const years: string[] = [];
  for (let year = Number(from); year <= Number(to); year++) years.push(String(year).padStart(4, '0'));
  return years;
}

/** The twelve months of a year (`2025-01` … `2025-12`). */
export function monthsOfYear(year: string): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/** The later of two periods (null: none). */
export function laterOf(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

/** A cell's stored row: its series (`grain`) and running total. */
export interface CellRow extends RunningRow {
  grain: Grain;
}

/**
 * A cell's per-month changes split into its series: per year (the `y` series), and per year the
 * months' changes (each year an `m` series of its own, starting from nothing).
 */
export function seriesOf(months: ReadonlyMap<string, Counts>): {
  years: Map<string, Counts>;
  monthsByYear: Map<string, Map<string, Counts>>;
} {
  const years = new Map<string, Counts>();
  const monthsByYear = new Map<string, Map<string, Counts>>();
  for (const [month, counts] of months) {
    const year = month.slice(0, 4);
    addCounts(years.get(year) ?? years.set(year, zeroCounts()).get(year)!, counts);
    const ofYear = monthsByYear.get(year) ?? monthsByYear.set(year, new Map()).get(year)!;
    ofYear.set(month, counts);
  }
  return { years, monthsByYear };
}

/**
 * The horizon a cell's changes need: the last year of its changes, or DENSE_UNTIL_YEAR if later
 * (null: no change).
 */
export function lastYearOf(months: ReadonlyMap<string, ArrayLike<number>>): string | null {
  let last: string | null = null;
  for (const [month, counts] of months) {
    for (let i = 0; i < counts.length; i++)
      if (counts[i] !== 0) {
        last = laterOf(last, month.slice(0, 4));
        break;
      }
  }
  return last !== null && last > DENSE_UNTIL_YEAR ? DENSE_UNTIL_YEAR : last;
}

/**
 * A cell's rows after adding per-month changes, from its stored rows (any order): in the `y`
 * series and in the `m` series of each changed year, the changed periods' rows and every later
 * row of the series (`runningRowsAfter`), the series kept dense: `y` from DENSE_FROM_YEAR (or the
 * cell's first year) to `horizon` (the unit and dimension's latest year, which the caller makes
 * at least `lastYearOf(months)`), `m` to December. Months whose changes cancel are left out.
 */
export function cellRowsAfter(
  stored: readonly CellRow[],
  months: ReadonlyMap<string, Counts>,
  horizon: string | null = null,
): CellRow[] {
  const changed = new Map([...months].filter(([, counts]) => !isZero(counts)));
  if (changed.size === 0) return [];
  const { years, monthsByYear } = seriesOf(changed);
  const written: CellRow[] = [];
  const apply = (grain: Grain, rows: RunningRow[], deltas: Map<string, Counts>, fill: string[]) => {
    const first = [...deltas.keys()].sort()[0];
    const sorted = rows.sort((a, b) => (a.bucket < b.bucket ? -1 : a.bucket > b.bucket ? 1 : 0));
    const before = sorted.filter((row) => row.bucket < first);
    const prior = before.length > 0 ? before[before.length - 1].counts : null;
    for (const row of runningRowsAfter(
      prior,
      sorted.filter((row) => row.bucket >= first),
      deltas,
      fill,
    ))
      written.push({ grain, ...row });
  };
  const storedYears = stored.filter((row) => row.grain === 'y');
  const firstYear = [...storedYears.map((row) => row.bucket), ...years.keys()].sort()[0];
  const through = laterOf(horizon, lastYearOf(changed))!;
  apply('y', storedYears, years, yearsBetween(laterOf(firstYear, DENSE_FROM_YEAR)!, through));
  for (const [year, deltas] of monthsByYear)
    apply(
      'm',
      stored.filter((row) => row.grain === 'm' && row.bucket.startsWith(`${year}-`)),
      deltas,
      monthsOfYear(year),
    );
  return written;
}

/**
 * The rows that carry a unit and dimension's `y` series to a later horizon: for each year after
 * `from` up to `to` (from DENSE_FROM_YEAR on: before it the series stay sparse), each value's
 * latest row before the year copied, where the value has none (what the ledger's INSERT … SELECT
 * does; `rows`: the unit and dimension's `y` rows by value).
 */
export function extendedRows(
  rows: ReadonlyMap<string, readonly RunningRow[]>,
  from: string,
  to: string,
): Array<{ val: string; row: RunningRow }> {
  const added: Array<{ val: string; row: RunningRow }> = [];
  for (const [val, series] of rows) {
    const byBucket = new Map(series.map((row) => [row.bucket, row.counts]));
    const sorted = [...byBucket.keys()].sort();
    const last = sorted.filter((bucket) => bucket <= from).pop();
    if (last === undefined) continue;
    let counts = byBucket.get(last)!;
    for (const year of yearsBetween(String(Number(from) + 1), to)) {
      if (year < DENSE_FROM_YEAR) continue;
      const have = byBucket.get(year);
      if (have) counts = have;
      else added.push({ val, row: { bucket: year, counts: [...counts] } });
    }
  }
  return added;
}

/**
 * A cell's running totals after adding per-month changes. `prior`: the stored row before the
 * first changed month (null: none, the cell counted nothing before it); `stored`: the stored rows
 * from the first changed month on, ascending; `fill`: periods that must have a row (the dense
 * series'). Returns the rows to write: the changed months' and the missing `fill` periods from the
 * first change on (new ones made from the total before them), and every later stored row, each
 * with its new counts.
 */
export function runningRowsAfter(
  prior: Counts | null,
  stored: readonly RunningRow[],
  deltas: ReadonlyMap<string, Counts>,
  fill: readonly string[] = [],
): RunningRow[] {
  const storedBy = new Map(stored.map((row) => [row.bucket, row.counts]));
  const buckets = [...new Set([...storedBy.keys(), ...deltas.keys(), ...fill])].sort();
  const first = [...deltas.keys()].sort()[0];
  let before = prior ?? zeroCounts();
  const change = zeroCounts();
  const rows: RunningRow[] = [];
  for (const bucket of buckets) {
    const was = storedBy.get(bucket);
    if (was) before = was;
    const delta = deltas.get(bucket);
    if (delta) addCounts(change, delta);
    if (bucket < first) continue;
    if (!was || !isZero(change)) rows.push({ bucket, counts: addCounts([...before], change) });
  }
  return rows;
}

/** The last day of a day's month. */
export function monthEndOf(day: BusinessDate): BusinessDate {
  const [year, month] = day.split('-').map(Number);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${day.slice(0, 7)}-${String(last).padStart(2, '0')}`;
}

/** The month before (`2025-01` → `2024-12`). */
export function previousMonth(month: string): string {
  const [year, number] = month.split('-').map(Number);
  return number === 1
    ? `${String(year - 1).padStart(4, '0')}-12`
    : `${month.slice(0, 5)}${String(number - 1).padStart(2, '0')}`;
}

/**
 * How a date is read: the cells' running totals of the latest month up to `cellsThrough`, then
 * the days of `days` added (`sign` 1) or taken away (−1). The unsummed journal's changes count
 * when their month is at most `cellsThrough`. A date in the first half of its month is the month
 * before's total plus its month's days up to it; in the second half, its month's total less the
 * days after it: never more than half a month of days (a province reads a day's steps by the
 * thousand). A month's last day reads no days.
 */
export interface ReadPlan {
  cellsThrough: string;
  days: { from: BusinessDate; to: BusinessDate; sign: 1 | -1 } | null;
}

export function readPlanOn(asOf: BusinessDate): ReadPlan {
  const month = monthOf(asOf);
  const end = monthEndOf(asOf);
  if (asOf === end) return { cellsThrough: month, days: null };
  const day = Number(asOf.slice(8));
  const after = Number(end.slice(8)) - day;
  if (after < day)
    return {
      cellsThrough: month,
      days: { from: `${month}-${String(day + 1).padStart(2, '0')}`, to: end, sign: -1 },
    };
  return { cellsThrough: previousMonth(month), days: { from: `${month}-01`, to: asOf, sign: 1 } };
}

/**
 * The periods whose rows hold a date's running totals in the dense series (see the top): `y`,
 * the year before `cellsThrough`'s, or the unit and dimension's `horizon` if earlier (null: no
 * `y` row to read); `m`, `cellsThrough` itself. Null when the year read is before
 * DENSE_FROM_YEAR: then each value's latest rows are read.
 */
export function denseRead(plan: ReadPlan, horizon: string | null): { y: string | null; m: string } | null {
  const before = String(Number(plan.cellsThrough.slice(0, 4)) - 1).padStart(4, '0');
  if (before > DENSE_UNTIL_YEAR) return null;
  const y = horizon === null ? null : horizon < before ? horizon : before;
  if (y !== null && y < DENSE_FROM_YEAR) return null;
  return { y, m: plan.cellsThrough };
}

/** The counts of one cell on `asOf` from its rows (any order), per the read plan (without the days). */
export function runningTotalOn(rows: readonly CellRow[], plan: ReadPlan): Counts {
  const year = plan.cellsThrough.slice(0, 4);
  let lastYear: CellRow | undefined;
  let lastMonth: CellRow | undefined;
  for (const row of rows) {
    if (row.grain === 'y') {
      if (row.bucket < year && (!lastYear || row.bucket > lastYear.bucket)) lastYear = row;
    } else if (
      row.bucket.startsWith(`${year}-`) &&
      row.bucket <= plan.cellsThrough &&
      (!lastMonth || row.bucket > lastMonth.bucket)
    )
      lastMonth = row;
  }
  const total = lastYear ? [...lastYear.counts] : zeroCounts();
  return lastMonth ? addCounts(total, lastMonth.counts) : total;
}

/** A stored row that differs from the changes summed afresh, or a changed period without a row. */
export interface CellMismatch {
  grain: Grain;
  bucket: string;
  what: 'differs' | 'missing';
  stored: Counts;
  expected: Counts;
}

/**
 * Compares a cell's stored rows with its per-month changes summed afresh (what `reports:verify`
 * checks): every stored row must hold its series' total at its period, and every period with a
 * change must have a row (else a read after it would miss the change).
 */
export function cellMismatches(
  stored: readonly CellRow[],
  months: ReadonlyMap<string, Counts>,
  horizon: string | null = null,
): CellMismatch[] {
  const { years, monthsByYear } = seriesOf(months);
  // The periods the dense series must have a row for (and those with a change).
  const required = new Set(cellRowsAfter([], months, horizon).map((row) => `${row.grain}${row.bucket}`));
  const mismatches: CellMismatch[] = [];
  const check = (
    grain: Grain,
    rows: readonly CellRow[],
    deltas: ReadonlyMap<string, Counts>,
    inSeries: (bucket: string) => boolean = () => true,
  ) => {
    const have = new Map(rows.map((row) => [row.bucket, row.counts]));
    const total = zeroCounts();
    const periods = [...required]
      .filter((key) => key[0] === grain && inSeries(key.slice(1)))
      .map((key) => key.slice(1));
    for (const bucket of [...new Set([...have.keys(), ...deltas.keys(), ...periods])].sort()) {
      const delta = deltas.get(bucket);
      if (delta) addCounts(total, delta);
      const row = have.get(bucket);
      if (row === undefined) {
        if (required.has(`${grain}${bucket}`))
          mismatches.push({ grain, bucket, what: 'missing', stored: zeroCounts(), expected: [...total] });
      } else if (row.some((value, i) => value !== total[i])) {
        mismatches.push({ grain, bucket, what: 'differs', stored: row, expected: [...total] });
      }
    }
  };
  check(
    'y',
    stored.filter((row) => row.grain === 'y'),
    years,
  );
  const storedYears = stored.filter((row) => row.grain === 'm').map((row) => row.bucket.slice(0, 4));
  for (const year of new Set([...monthsByYear.keys(), ...storedYears]))
    check(
      'm',
      stored.filter((row) => row.grain === 'm' && row.bucket.startsWith(`${year}-`)),
      monthsByYear.get(year) ?? new Map(),
      (bucket) => bucket.startsWith(`${year}-`),
    );
  return mismatches;
}
