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
 *   grouping dimension × one value of it, a **running total** at the end of each month in which
 *   the cell changed: sparse (no row for a month without change), each row the cell's counts
 *   on the month's last day. The count of a cell on a day D is then its row of the latest month
 *   before D's month (of D's month when D is its last day), plus the days from the first of D's
 *   month to D: one row per value, whatever the number of enterprises or years.
 *
 * A change of a past month adds to the row of its month (made from the row before it when
 * missing) and to every later row of the cell: a backdated agreement costs one row per month
 * since, a change of today one row.
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

export function isZero(counts: readonly number[]): boolean {
  return counts.every((value) => value === 0);
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
  return `${key.unitId}\u0001${key.dim}\u0001${key.val}`;
}

export function cellKeyOf(id: string): CellKey {
  const [unitId, dim, val] = id.split('\u0001');
  return { unitId: Number(unitId), dim: dim as CellDim, val };
}

/** Per cell (by `cellKeyString`), per month: the change of its counts that a set of placed steps makes. */
export function cellMonthDeltas(steps: readonly PlacedDay[]): Map<string, Map<string, Counts>> {
  const cells = new Map<string, Map<string, Counts>>();
  for (const step of steps) {
    const month = monthOf(step.day);
    for (const unitId of cellUnitsOf(step.place.unitPath)) {
      for (const dim of CELL_DIMS) {
        const id = cellKeyString({ unitId, dim, val: valueOf(step.place, dim, unitId) });
        const months = cells.get(id) ?? new Map<string, Counts>();
        addCounts(months.get(month) ?? months.set(month, zeroCounts()).get(month)!, step.counts);
        cells.set(id, months);
      }
    }
  }
  return cells;
}

/** A stored running total: a cell's counts at the end of `bucket` (a month). */
export interface RunningRow {
  bucket: string;
  counts: Counts;
}

/**
 * A cell's running totals after adding per-month changes. `prior`: the stored row before the
 * first changed month (null: none, the cell counted nothing before it); `stored`: the stored rows
 * from the first changed month on, ascending. Returns the rows to write: the changed months' (new
 * ones made from the total before them) and every later stored row, each with its new counts.
 */
export function runningRowsAfter(
  prior: Counts | null,
  stored: readonly RunningRow[],
  deltas: ReadonlyMap<string, Counts>,
): RunningRow[] {
  const storedBy = new Map(stored.map((row) => [row.bucket, row.counts]));
  const buckets = [...new Set([...storedBy.keys(), ...deltas.keys()])].sort();
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
 * How a date is read: the cells' running totals of the latest month up to `cellsThrough`, plus
 * the days from `daysFrom` to the date (none on a month's last day). The unsummed journal's
 * changes count when their month is at most `cellsThrough` (later ones are in the days read).
 */
export interface ReadPlan {
  cellsThrough: string;
  daysFrom: BusinessDate | null;
}

export function readPlanOn(asOf: BusinessDate): ReadPlan {
  const month = monthOf(asOf);
  if (asOf === monthEndOf(asOf)) return { cellsThrough: month, daysFrom: null };
  return { cellsThrough: previousMonth(month), daysFrom: `${month}-01` };
}

/** The counts of one cell on `asOf` from its running rows (any order), per the read plan (without the days). */
export function runningTotalOn(rows: readonly RunningRow[], plan: ReadPlan): Counts {
  let best: RunningRow | undefined;
  for (const row of rows) {
    if (row.bucket <= plan.cellsThrough && (!best || row.bucket > best.bucket)) best = row;
  }
  return best ? [...best.counts] : zeroCounts();
}
