/**
 * Where the dated steps of an enterprise's counts (coverage-steps.ts) are kept, and how a date's
 * counts are read back from them: the arithmetic of the maintained report aggregates (issue 17,
 * docs/architecture.md, "Report aggregates"). Pure: no framework, no I/O.
 *
 * A **cell** is a unit (0: the whole deployment) × a grouping dimension × one value of it. Each
 * step of an enterprise goes to the cells of its unit and of every unit above it, one per
 * dimension, and is summed there per **bucket** at three grains: its year (`y`, `2025`), its
 * month (`m`, `2025-06`) and its day (`d`, `2025-06-17`). The count of a cell on a day D is then
 * the year buckets before D's year, the month buckets of D's year before D's month, and the day
 * buckets of D's month up to D (or, when D is the last day of its month, that month's bucket):
 * at most 30 + 11 + 31 rows per value, whatever the number of enterprises.
 */
import type { BusinessDate } from '../../common/dates/business-date';
import { STEP_MEASURES, type StepMeasure } from './coverage-steps';
import type { GroupBy } from './types';

/** A grouping dimension of the cells: `all` (one value, ''), or one per `groupBy` but sector (folded from ownership). */
export const CELL_DIMS = ['all', 'own', 'ind', 'twp', 'ins', 'sub'] as const;
export type CellDim = (typeof CELL_DIMS)[number];

export type Grain = 'y' | 'm' | 'd';

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

/** One stored sum: a cell's bucket of one measure. */
export interface CellKey {
  unitId: number;
  dim: CellDim;
  val: string;
  measure: number;
  grain: Grain;
  bucket: string;
}

/** The units whose cells an enterprise's steps go to: 0 (the deployment), then its unit's ancestors and itself. */
export function unitsOfPath(unitPath: string): number[] {
  return [
    0,
    ...unitPath
      .split('/')
      .filter((part) => part !== '')
      .map(Number),
  ];
}

/**
 * The value of a place in one dimension of one unit's cells. For `sub`, the child unit of that unit
 * the enterprise lies in, or the unit itself for its own enterprises ('null' at the deployment for
 * an enterprise in no unit): the keys the orgUnit grouping folds (roll-up.ts).
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
      const units = unitsOfPath(place.unitPath);
      const at = units.indexOf(unitId);
      if (at < 0) throw new Error(`unit ${unitId} is not on ${place.unitPath}`);
      if (at + 1 < units.length) return String(units[at + 1]);
      return unitId === 0 ? 'null' : String(unitId);
    }
  }
}

/** The buckets of a day at each grain. */
export function bucketsOf(day: BusinessDate): Array<{ grain: Grain; bucket: string }> {
  return [
    { grain: 'y', bucket: day.slice(0, 4) },
    { grain: 'm', bucket: day.slice(0, 7) },
    { grain: 'd', bucket: day },
  ];
}

/** A dated change of one measure at one place (a step, or the sum of several). */
export interface PlacedStep {
  place: CellPlace;
  measure: number;
  day: BusinessDate;
  enterprises: number;
  employees: number;
}

/** A cell's change: the key as one string (`cellKeyString`) and the sums. */
export interface CellDelta {
  key: CellKey;
  enterprises: number;
  employees: number;
}

function cellKeyString(key: CellKey): string {
  return `${key.unitId}\u0001${key.dim}\u0001${key.val}\u0001${key.measure}\u0001${key.grain}\u0001${key.bucket}`;
}

/**
 * The changes of the cells that a set of placed steps makes, summed per cell and bucket; cells
 * whose changes cancel out are left out. Sorted by key, so that concurrent writers lock rows in
 * the same order.
 */
export function cellDeltas(steps: readonly PlacedStep[]): CellDelta[] {
  const sums = new Map<string, CellDelta>();
  for (const step of steps) {
    for (const unitId of unitsOfPath(step.place.unitPath)) {
      for (const dim of CELL_DIMS) {
        const val = valueOf(step.place, dim, unitId);
        for (const { grain, bucket } of bucketsOf(step.day)) {
          const key: CellKey = { unitId, dim, val, measure: step.measure, grain, bucket };
          const id = cellKeyString(key);
          const sum = sums.get(id) ?? { key, enterprises: 0, employees: 0 };
          sum.enterprises += step.enterprises;
          sum.employees += step.employees;
          sums.set(id, sum);
        }
      }
    }
  }
  return [...sums.entries()]
    .filter(([, sum]) => sum.enterprises !== 0 || sum.employees !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, sum]) => sum);
}

function lastDayOfMonth(day: BusinessDate): boolean {
  const [year, month, date] = day.split('-').map(Number);
  return date === new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A stored bucket as read back. */
export interface BucketRow {
  grain: Grain;
  bucket: string;
}

/** Whether a bucket is part of the count on `asOf` (see the file's comment). */
export function bucketCountsOn(row: BucketRow, asOf: BusinessDate): boolean {
  const year = asOf.slice(0, 4);
  const month = asOf.slice(0, 7);
  const monthEnd = lastDayOfMonth(asOf);
  switch (row.grain) {
    case 'y':
      return row.bucket < year;
    case 'm':
      return row.bucket.startsWith(year) && (row.bucket < month || (monthEnd && row.bucket === month));
    case 'd':
      return !monthEnd && row.bucket.startsWith(month) && row.bucket <= asOf;
  }
}

/**
 * The buckets that count on `asOf` as conditions on the stored rows (the same as `bucketCountsOn`):
 * the years before, the months of its year before its month (and its month when it is the
 * month's last day), the days of its month up to it (none on a month's last day).
 */
export function bucketConditionsOn(asOf: BusinessDate): {
  yearsBefore: string;
  monthsFrom: string;
  monthsTo: string;
  daysFrom: string | null;
  daysTo: string;
} {
  const month = asOf.slice(0, 7);
  const monthEnd = lastDayOfMonth(asOf);
  return {
    yearsBefore: asOf.slice(0, 4),
    monthsFrom: `${asOf.slice(0, 4)}-01`,
    // Months are compared as strings: `YYYY-MM` < month, or ≤ month on its last day.
    monthsTo: monthEnd ? month : previousMonthOrNone(month),
    daysFrom: monthEnd ? null : `${month}-01`,
    daysTo: asOf,
  };
}

/** The month before, within the same year; `YYYY-00` (before every month of the year) for January. */
function previousMonthOrNone(month: string): string {
  const number = Number(month.slice(5, 7)) - 1;
  return `${month.slice(0, 4)}-${String(number).padStart(2, '0')}`;
}
