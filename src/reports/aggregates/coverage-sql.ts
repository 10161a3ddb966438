import type { EntityManager } from 'typeorm';
import type { BusinessDate } from '../../common/dates/business-date';
import { isMysqlFamily } from '../../database/transactions';
import {
  type CellDim,
  type CellRow,
  type Grain,
  type Counts,
  COUNT_WIDTH,
  MEASURES,
  type PlacedDay,
  unitDimKey,
  zeroCounts,
} from '../rates/coverage-cells';

/** `?, ?, ?` for an IN list of `count` values. */
export function placeholders(count: number): string {
  return Array<string>(count).fill('?').join(', ');
}

/** A date column as a business date (mysql2 gives a Date at UTC midnight: the pool's timezone is Z). */
export function dayOf(value: Date | string | null): BusinessDate | null {
  if (value === null) return null;
  return value instanceof Date ? value.toISOString().slice(0, 10) : value.slice(0, 10);
}

/** The count columns, in the order of a count vector: `e0`…`e17` (enterprises), `p0`…`p17` (employees). */
export const COUNT_COLUMNS: readonly string[] = Array.from({ length: COUNT_WIDTH }, (_, i) =>
  i < MEASURES ? `e${i}` : `p${i - MEASURES}`,
);

/** The columns of some measures: `[e<m>, p<m>]` each. */
export function measureColumns(measures: readonly number[]): string[] {
  return measures.flatMap((m) => [`e${m}`, `p${m}`]);
}

/** A count vector from a row's count columns (those absent are 0). */
export function countsOfRow(row: Record<string, unknown>): Counts {
  return COUNT_COLUMNS.map((column) => Number(row[column] ?? 0));
}

/**
 * `countsOfRow` for rows that hold only some measures' columns (`measureColumns(measures)`):
 * reads those alone (a province's report turns some 6,000 rows into counts).
 */
export function countsOfMeasures(measures: readonly number[]): (row: Record<string, unknown>) => Counts {
  const columns = measures.map((m) => [m, `e${m}`, `p${m}`] as const);
  return (row) => {
    const counts = zeroCounts();
    for (const [m, enterprises, employees] of columns) {
      counts[m] = Number(row[enterprises] ?? 0);
      counts[MEASURES + m] = Number(row[employees] ?? 0);
    }
    return counts;
  };
}

/** Stored cell rows of one unit and dimension, per value (`countsOf`: the counts of a row, all columns by default). */
export function cellRowsByVal(
  rows: ReadonlyArray<Record<string, unknown> & { val: string; grain: Grain; bucket: string }>,
  countsOf: (row: Record<string, unknown>) => Counts = countsOfRow,
): Map<string, CellRow[]> {
  const byVal = new Map<string, CellRow[]>();
  for (const row of rows)
    (byVal.get(row.val) ?? byVal.set(row.val, []).get(row.val)!).push({
      grain: row.grain,
      bucket: row.bucket,
      counts: countsOf(row),
    });
  return byVal;
}

/** The place columns of the days and the journal. */
export const PLACE_COLUMNS = [
  'unit_path',
  'ownership_type',
  'industry',
  'township',
  'instructor_id',
] as const;

export interface PlaceRow {
  unit_path: string;
  ownership_type: string;
  industry: string;
  township: string;
  instructor_id: number | string | null;
}

export function placeOfRow(row: PlaceRow) {
  return {
    unitPath: row.unit_path,
    ownershipType: row.ownership_type,
    industry: row.industry,
    township: row.township,
    instructorId: row.instructor_id === null ? null : Number(row.instructor_id),
  };
}

export function placeValues(step: PlacedDay): unknown[] {
  const { place } = step;
  return [place.unitPath, place.ownershipType, place.industry, place.township, place.instructorId];
}

/**
 * The column of the days that holds a dimension's value (`sub` is worked out from the path; `ins`
 * is the instructor's id, '' for none, as in the cells).
 */
function dayValueSql(dim: CellDim): string {
  switch (dim) {
    case 'all':
      return "''";
    case 'own':
      return 'ownership_type';
    case 'ind':
      return 'industry';
    case 'twp':
      return 'township';
    case 'ins':
      return 'instructor_id';
    case 'sub':
      return 'unit_path';
  }
}

/**
 * What to group the days by for a dimension: its column, or on MySQL/MariaDB a text column's
 * bytes (`CAST … AS BINARY`: mysql2 returns a Buffer, see `groupedValue`), as SQLite groups
 * text, as `coverage_cells.val` compares (utf8mb4_bin, migration 1764000000016) and as the
 * reader's maps tell values apart. Grouping by the tables' collation (utf8mb4_unicode_ci) is
 * what cost: a province's half month by its 1,723 townships took 28 ms, by the bytes 16
 * (docs/benchmarks.md, "Seventh session"; docs/architecture.md, "Report aggregates").
 */
export function dayGroupSql(dim: CellDim, mysqlFamily: boolean): string {
  const column = dayValueSql(dim);
  return mysqlFamily && TEXT_DIMS.has(dim) ? `CAST(${column} AS BINARY)` : column;
}

const TEXT_DIMS: ReadonlySet<CellDim> = new Set(['own', 'ind', 'twp', 'sub']);

/** A grouped value as text: '' for none, a Buffer (`dayGroupSql` on MySQL/MariaDB) decoded as UTF-8. */
export function groupedValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  return Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
}

/** Rows per multi-row INSERT (42 to 43 parameters a row: well inside SQLite's 32,766). */
export const ROWS_PER_INSERT = 400;

/** Inserts rows of `columns`, `ROWS_PER_INSERT` a statement; `conflict`: the upsert clause, if any. */
export async function insertRows(
  manager: EntityManager,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
  conflict = '',
): Promise<void> {
  const row = `(${placeholders(columns.length)})`;
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const slice = rows.slice(i, i + ROWS_PER_INSERT);
    await manager.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${slice.map(() => row).join(', ')}${conflict}`,
      slice.flat(),
    );
  }
}

/** Up to this many rows, `insertSparse` writes every column in one statement. */
const DENSE_ROWS = 100;

/**
 * Inserts rows of key columns and a count vector, writing only the count columns that are not 0
 * (the rest default to 0): rows are grouped by the columns they move, so that a step of a few
 * measures is a dozen parameters, not 42 (a rebuild writes millions). A few rows (one write's)
 * go in one statement with every column.
 */
export async function insertSparse(
  manager: EntityManager,
  table: string,
  keyColumns: readonly string[],
  rows: ReadonlyArray<{ key: unknown[]; counts: Counts }>,
): Promise<void> {
  if (rows.length <= DENSE_ROWS) {
    // A write's few rows: one statement of every column beats one per pattern.
    await insertRows(
      manager,
      table,
      [...keyColumns, ...COUNT_COLUMNS],
      rows.map((row) => [...row.key, ...row.counts]),
    );
    return;
  }
  const groups = new Map<string, { columns: number[]; rows: unknown[][] }>();
  for (const row of rows) {
    const columns: number[] = [];
    for (let i = 0; i < COUNT_WIDTH; i++) if (row.counts[i] !== 0) columns.push(i);
    const id = columns.join(',');
    const group = groups.get(id) ?? groups.set(id, { columns, rows: [] }).get(id)!;
    group.rows.push([...row.key, ...columns.map((i) => row.counts[i])]);
  }
  for (const group of groups.values()) {
    await insertRows(
      manager,
      table,
      [...keyColumns, ...group.columns.map((i) => COUNT_COLUMNS[i])],
      group.rows,
    );
  }
}

/** The cells' columns. */
export const CELL_COLUMNS = ['unit_id', 'dim', 'grain', 'val', 'bucket', ...COUNT_COLUMNS];

/** A cell's row as written: the cell, its series and period, its running total. */
export interface StoredCell extends CellRow {
  unitId: number;
  dim: CellDim;
  val: string;
}

/**
 * The clause that turns an INSERT into an upsert on `key`: each conflicting row's count columns
 * set to `set(column, incoming)` (`incoming`: the inserted row's value, `VALUES(c)` on
 * MySQL/MariaDB, `excluded.c` on SQLite).
 */
function countsUpsert(
  manager: EntityManager,
  key: readonly string[],
  set: (column: string, incoming: string) => string,
): string {
  const mysql = isMysqlFamily(manager.connection);
  const assignments = COUNT_COLUMNS.map((c) => `${c} = ${set(c, mysql ? `VALUES(${c})` : `excluded.${c}`)}`);
  return mysql
    ? ` ON DUPLICATE KEY UPDATE ${assignments.join(', ')}`
    : ` ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${assignments.join(', ')}`;
}

/** Writes running totals, replacing the rows of the same cell, series and period. */
export async function writeCells(manager: EntityManager, rows: ReadonlyArray<StoredCell>): Promise<void> {
  const conflict = countsUpsert(
    manager,
    ['unit_id', 'dim', 'grain', 'bucket', 'val'],
    (_, incoming) => incoming,
  );
  await insertRows(
    manager,
    'coverage_cells',
    CELL_COLUMNS,
    rows.map((row) => [row.unitId, row.dim, row.grain, row.val, row.bucket, ...row.counts]),
    conflict,
  );
}

/** Inserts new running totals (a rebuild's, into an empty table): only the count columns that are not 0. */
export async function insertCells(
  manager: EntityManager,
  rows: ReadonlyArray<StoredCell>,
  table = 'coverage_cells',
): Promise<void> {
  await insertSparse(
    manager,
    table,
    ['unit_id', 'dim', 'grain', 'val', 'bucket'],
    rows.map((row) => ({ key: [row.unitId, row.dim, row.grain, row.val, row.bucket], counts: row.counts })),
  );
}

/** A day cell's row: the cell, its day, the day's change of its counts. */
export interface StoredDayCell {
  unitId: number;
  dim: CellDim;
  val: string;
  day: BusinessDate;
  counts: Counts;
}

const DAY_CELL_KEY = ['unit_id', 'dim', 'day', 'val'];

/** Adds days' changes to the day cells (a fold's), making the rows that are missing. */
export async function addToDayCells(
  manager: EntityManager,
  rows: ReadonlyArray<StoredDayCell>,
): Promise<void> {
  const conflict = countsUpsert(manager, DAY_CELL_KEY, (column, incoming) => `${column} + ${incoming}`);
  await insertRows(
    manager,
    'coverage_day_cells',
    [...DAY_CELL_KEY, ...COUNT_COLUMNS],
    rows.map((row) => [row.unitId, row.dim, row.day, row.val, ...row.counts]),
    conflict,
  );
}

/** Inserts day cells (a rebuild's, into an empty table): only the count columns that are not 0. */
export async function insertDayCells(
  manager: EntityManager,
  rows: ReadonlyArray<StoredDayCell>,
  table = 'coverage_day_cells',
): Promise<void> {
  await insertSparse(
    manager,
    table,
    DAY_CELL_KEY,
    rows.map((row) => ({ key: [row.unitId, row.dim, row.day, row.val], counts: row.counts })),
  );
}

/** A unit and dimension's horizon: the latest year of its `y` series (rates/coverage-cells.ts). */
export interface Horizon {
  unitId: number;
  dim: CellDim;
  year: string;
}

/** Sets horizons, counting a fold of each (so that two folds of one on two Galera nodes conflict). */
export async function writeHorizons(
  manager: EntityManager,
  horizons: readonly Horizon[],
  table = 'coverage_horizons',
): Promise<void> {
  const conflict = isMysqlFamily(manager.connection)
    ? ' ON DUPLICATE KEY UPDATE year = VALUES(year), folds = folds + 1'
    : ' ON CONFLICT (unit_id, dim) DO UPDATE SET year = excluded.year, folds = folds + 1';
  await insertRows(
    manager,
    table,
    ['unit_id', 'dim', 'year', 'folds'],
    horizons.map((horizon) => [horizon.unitId, horizon.dim, horizon.year, 1]),
    conflict,
  );
}

/**
 * The horizons of some units (every dimension; `'all'`: of every unit), by `unitDimKey`; `lock`:
 * FOR UPDATE on MySQL/MariaDB.
 */
export async function readHorizons(
  manager: EntityManager,
  unitIds: readonly number[] | 'all',
  lock = false,
): Promise<Map<string, string>> {
  const horizons = new Map<string, string>();
  const some = unitIds !== 'all';
  if (some && unitIds.length === 0) return horizons;
  const rows: Array<{ unit_id: number | string; dim: CellDim; year: string }> = await manager.query(
    `SELECT unit_id, dim, year FROM coverage_horizons${some ? ` WHERE unit_id IN (${placeholders(unitIds.length)})` : ''}${
      lock && isMysqlFamily(manager.connection) ? ' FOR UPDATE' : ''
    }`,
    some ? [...unitIds] : [],
  );
  for (const row of rows) horizons.set(unitDimKey(Number(row.unit_id), row.dim), row.year);
  return horizons;
}
