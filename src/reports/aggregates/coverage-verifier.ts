import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { isMysqlFamily, writeTransaction } from '../../database/transactions';
import {
  addCounts,
  type CellDim,
  cellKeyString,
  cellDayDeltas,
  cellMonthDeltas,
  type Counts,
  isZero,
  MEASURES,
  cellMismatches,
  type CellRow,
  type Grain,
  DENSE_UNTIL_YEAR,
  laterOf,
  type PlacedDay,
  zeroCounts,
  unitDimOfCell,
} from '../rates/coverage-cells';
import { STEP_MEASURES } from '../rates/coverage-steps';
import { CoverageLedger, journalDay, sameContribution } from './coverage-ledger';
import { CELL_COLUMNS, COUNT_COLUMNS, countsOfRow, PLACE_COLUMNS, readHorizons } from './coverage-sql';

/** A difference found by `verify`, in words for the operator. */
export interface CoverageDifference {
  what: string;
}

export interface CoverageVerification {
  enterprises: number;
  cells: number;
  differences: CoverageDifference[];
  /** How many differences there were in all (`differences` lists the first LISTED). */
  differenceCount: number;
}

/** Differences listed in full; the rest are counted. */
const LISTED = 50;

/**
 * `npm run cli -- reports:verify`: compares the report aggregates with the base tables, in one
 * snapshot of the database (a REPEATABLE READ transaction on MySQL/MariaDB, a transaction in the
 * queue of the writers on SQLite), so that writes made meanwhile are not differences. Two checks:
 * each enterprise's days against its steps recomputed from its row and its agreements; every
 * cell's running totals (with the journal's rows not yet summed into them) against the same steps
 * summed afresh, at every month it holds or should hold. The expected cells are held in memory
 * while they are compared.
 */
@Injectable()
export class CoverageVerifier {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: CoverageLedger,
  ) {}

  async verify(): Promise<CoverageVerification> {
    return this.inSnapshot(async (manager) => {
      const differences: CoverageDifference[] = [];
      let differenceCount = 0;
      const differ = (what: string) => {
        differenceCount += 1;
        if (differences.length < LISTED) differences.push({ what });
      };
      // What the cells should hold, per cell and month: every enterprise's steps as recomputed,
      // less the journal's changes not yet summed into them.
      // And per day cell and day.
      const expected = new Map<string, Map<string, Counts>>();
      const expectedDays = new Map<string, Map<string, Counts>>();
      const addTo = (
        sums: Map<string, Map<string, Counts>>,
        deltas: Map<string, Map<string, Counts>>,
        sign: 1 | -1,
      ) => {
        for (const [cell, buckets] of deltas) {
          const into = sums.get(cell) ?? sums.set(cell, new Map()).get(cell)!;
          for (const [bucket, counts] of buckets)
            addCounts(into.get(bucket) ?? into.set(bucket, zeroCounts()).get(bucket)!, counts, sign);
        }
      };
      const addChanges = (changes: PlacedDay[], sign: 1 | -1) => {
        addTo(expected, cellMonthDeltas(changes), sign);
        addTo(expectedDays, cellDayDeltas(changes), sign);
      };
      let enterprises = 0;
      let after = 0;
      for (;;) {
        const rows: Array<{ id: number | string }> = await manager.query(
          'SELECT id FROM enterprises WHERE id > ? ORDER BY id LIMIT 500',
          [after],
        );
        if (rows.length === 0) break;
        const ids = rows.map((row) => Number(row.id));
        after = ids[ids.length - 1];
        enterprises += ids.length;
        const should = await this.ledger.contributions(manager, ids);
        const stored = await this.ledger.stored(manager, ids);
        const changes: PlacedDay[] = [];
        for (const id of ids) {
          const contribution = should.get(id);
          if (!sameContribution(contribution, stored.get(id)))
            differ(
              `enterprise ${id}: the days hold ${stored.has(id) ? 'other steps or another place' : 'nothing'}`,
            );
          if (!contribution) continue;
          for (const day of contribution.days) changes.push({ place: contribution.place, ...day });
        }
        addChanges(changes, 1);
      }
      const orphans: Array<{ enterprise_id: number | string }> = await manager.query(
        'SELECT DISTINCT enterprise_id FROM coverage_days WHERE enterprise_id NOT IN (SELECT id FROM enterprises)',
      );
      for (const orphan of orphans)
        differ(`enterprise ${orphan.enterprise_id}: in the days, not in the registry`);
      const journal: Array<Parameters<typeof journalDay>[0]> = await manager.query(
        `SELECT day, ${PLACE_COLUMNS.join(', ')}, ${COUNT_COLUMNS.join(', ')} FROM coverage_journal`,
      );
      addChanges(journal.map(journalDay), -1);
      // What they hold, read in key order a page at a time.
      const stored = new Map<string, CellRow[]>();
      let cells = 0;
      let last: unknown[] | null = null;
      for (;;) {
        const rows: Array<
          Record<string, unknown> & {
            unit_id: number | string;
            dim: string;
            grain: Grain;
            val: string;
            bucket: string;
          }
        > = await manager.query(
          `SELECT ${CELL_COLUMNS.join(', ')} FROM coverage_cells
            ${last ? 'WHERE (unit_id, dim, grain, bucket, val) > (?, ?, ?, ?, ?)' : ''}
            ORDER BY unit_id, dim, grain, bucket, val LIMIT 10000`,
          last ?? [],
        );
        if (rows.length === 0) break;
        cells += rows.length;
        for (const row of rows) {
          const cell = cellKeyString({ unitId: Number(row.unit_id), dim: row.dim as CellDim, val: row.val });
          (stored.get(cell) ?? stored.set(cell, []).get(cell)!).push({
            grain: row.grain,
            bucket: row.bucket,
            counts: countsOfRow(row),
          });
        }
        const end = rows[rows.length - 1];
        last = [end.unit_id, end.dim, end.grain, end.bucket, end.val];
      }
      // Each unit and dimension's horizon: the latest year of its `y` rows up to DENSE_UNTIL_YEAR, up to which every
      // value of it must have one (the dense series, rates/coverage-cells.ts).
      const horizons = await readHorizons(manager, 'all');
      const lastYears = new Map<string, string>();
      for (const [cell, rows] of stored) {
        const unitDim = unitDimOfCell(cell);
        for (const row of rows)
          if (row.grain === 'y' && row.bucket <= DENSE_UNTIL_YEAR)
            lastYears.set(unitDim, laterOf(lastYears.get(unitDim) ?? null, row.bucket)!);
      }
      for (const unitDim of new Set([...horizons.keys(), ...lastYears.keys()])) {
        if (horizons.get(unitDim) !== lastYears.get(unitDim))
          differ(
            `horizon ${unitDim.replace('\u0001', ' ')}: ${horizons.get(unitDim) ?? 'none'} stored, the latest year's row ${lastYears.get(unitDim) ?? 'none'}`,
          );
      }
      for (const cell of new Set([...expected.keys(), ...stored.keys()])) {
        const horizon = horizons.get(unitDimOfCell(cell)) ?? null;
        for (const mismatch of cellMismatches(
          stored.get(cell) ?? [],
          expected.get(cell) ?? new Map(),
          horizon,
        ))
          differ(
            `cell ${cell.replaceAll('\u0001', ' ')} ${mismatch.grain} ${mismatch.bucket}: ${mismatch.what === 'missing' ? 'no running total for a period that changed or that the dense series needs' : describe(mismatch.stored, mismatch.expected)}`,
          );
      }
      // The day cells: each stored day's change against the steps', in key order a page at a time
      // (a day without a row holds no change).
      let lastDay: unknown[] | null = null;
      for (;;) {
        const rows: Array<
          Record<string, unknown> & { unit_id: number | string; dim: string; day: string; val: string }
        > = await manager.query(
          `SELECT unit_id, dim, day, val, ${COUNT_COLUMNS.join(', ')} FROM coverage_day_cells
            ${lastDay ? 'WHERE (unit_id, dim, day, val) > (?, ?, ?, ?)' : ''}
            ORDER BY unit_id, dim, day, val LIMIT 10000`,
          lastDay ?? [],
        );
        if (rows.length === 0) break;
        cells += rows.length;
        for (const row of rows) {
          const cell = cellKeyString({ unitId: Number(row.unit_id), dim: row.dim as CellDim, val: row.val });
          const should = expectedDays.get(cell)?.get(row.day) ?? zeroCounts();
          expectedDays.get(cell)?.delete(row.day);
          const have = countsOfRow(row);
          if (have.some((value, i) => value !== should[i]))
            differ(`day cell ${cell.replaceAll('\u0001', ' ')} ${row.day}: ${describe(have, should)}`);
        }
        const end = rows[rows.length - 1];
        lastDay = [end.unit_id, end.dim, end.day, end.val];
      }
      for (const [cell, days] of expectedDays)
        for (const [day, should] of days)
          if (!isZero(should))
            differ(
              `day cell ${cell.replaceAll('\u0001', ' ')} ${day}: no row, ${describe(zeroCounts(), should)}`,
            );
      return { enterprises, cells, differences, differenceCount };
    });
  }

  private async inSnapshot<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    // SQLite: one connection, so in the queue of write transactions (none can interleave).
    if (!isMysqlFamily(this.dataSource)) return writeTransaction(this.dataSource, work);
    const runner = this.dataSource.createQueryRunner('slave');
    try {
      await runner.connect();
      await runner.startTransaction('REPEATABLE READ');
      try {
        return await work(runner.manager);
      } finally {
        await runner.commitTransaction().catch(() => undefined);
      }
    } finally {
      await runner.release();
    }
  }
}

/** The measures whose counts differ, stored against expected. */
function describe(stored: Counts, expected: Counts): string {
  const parts: string[] = [];
  for (let m = 0; m < MEASURES; m++) {
    if (stored[m] !== expected[m] || stored[MEASURES + m] !== expected[MEASURES + m])
      parts.push(
        `${STEP_MEASURES[m]} ${stored[m]}/${stored[MEASURES + m]} stored, ${expected[m]}/${expected[MEASURES + m]} expected`,
      );
  }
  return parts.join('; ');
}
