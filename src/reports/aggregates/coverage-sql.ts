import type { EntityManager } from 'typeorm';
import type { BusinessDate } from '../../common/dates/business-date';
import { isMysqlFamily } from '../../database/transactions';
import type { CellDelta } from '../rates/coverage-cells';

/** `?, ?, ?` for an IN list of `count` values. */
export function placeholders(count: number): string {
  return Array<string>(count).fill('?').join(', ');
}

/** A date column as a business date (mysql2 gives a Date at UTC midnight: the pool's timezone is Z). */
export function dayOf(value: Date | string | null): BusinessDate | null {
  if (value === null) return null;
  return value instanceof Date ? value.toISOString().slice(0, 10) : value.slice(0, 10);
}

/** Cell rows per statement: 8 parameters each. */
const CELLS_PER_INSERT = 400;

/** Adds the deltas to the cells, creating the rows they lack (an increment: concurrent adds commute). */
export async function upsertCells(manager: EntityManager, deltas: readonly CellDelta[]): Promise<void> {
  const mysql = isMysqlFamily(manager.connection);
  const onConflict = mysql
    ? ' ON DUPLICATE KEY UPDATE enterprises = enterprises + VALUES(enterprises), employees = employees + VALUES(employees)'
    : ' ON CONFLICT (unit_id, dim, measure, grain, bucket, val) DO UPDATE SET enterprises = enterprises + excluded.enterprises, employees = employees + excluded.employees';
  for (let i = 0; i < deltas.length; i += CELLS_PER_INSERT) {
    const slice = deltas.slice(i, i + CELLS_PER_INSERT);
    await manager.query(
      `INSERT INTO coverage_cells (unit_id, dim, measure, grain, bucket, val, enterprises, employees) VALUES ${slice
        .map(() => '(?, ?, ?, ?, ?, ?, ?, ?)')
        .join(', ')}${onConflict}`,
      slice.flatMap(({ key, enterprises, employees }) => [
        key.unitId,
        key.dim,
        key.measure,
        key.grain,
        key.bucket,
        key.val,
        enterprises,
        employees,
      ]),
    );
  }
}
