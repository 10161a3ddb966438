import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { BusinessDate } from '../../common/dates/business-date';
import { isMysqlFamily } from '../../database/transactions';
import {
  bucketConditionsOn,
  bucketCountsOn,
  type CellDim,
  type Grain,
  valueOf,
} from '../rates/coverage-cells';
import { journalStep, type JournalRow } from './coverage-ledger';
import { placeholders } from './coverage-sql';

/** A count of enterprises and their employees. */
export interface CellCount {
  enterprises: number;
  employees: number;
}

/** Per value of the dimension, per measure: the counts on one date. */
export type CellCounts = Map<string, Map<number, CellCount>>;

/**
 * Reads the report aggregates (docs/architecture.md, "Report aggregates"): the counts of a unit's
 * subtree (0: the whole deployment) on one or more dates, per value of one dimension, from the
 * cells' buckets that count on each date plus the journal's rows not yet summed into them. Both
 * are read in one snapshot (a REPEATABLE READ transaction on MySQL/MariaDB), so a fold committing
 * in between cannot count a row twice or not at all.
 */
@Injectable()
export class CoverageReader {
  constructor(private readonly dataSource: DataSource) {}

  async countsOn(
    unitId: number,
    dim: CellDim,
    measures: readonly number[],
    dates: readonly BusinessDate[],
  ): Promise<Map<BusinessDate, CellCounts>> {
    const results = new Map<BusinessDate, CellCounts>();
    for (const date of dates) results.set(date, new Map());
    if (dates.length === 0 || measures.length === 0) return results;
    const unitPath = unitId === 0 ? null : await this.pathOf(unitId);
    await this.inSnapshot(async (manager) => {
      if (dates.length === 1) await this.sumsOn(manager, unitId, dim, measures, dates[0], results);
      else await this.bucketsOn(manager, unitId, dim, measures, dates, results);
      const last = [...dates].sort()[dates.length - 1];
      const journal: JournalRow[] = await manager.query(
        `SELECT id, unit_path, ownership_type, industry, township, instructor_id, measure, day, enterprises, employees
           FROM coverage_journal WHERE measure IN (${placeholders(measures.length)}) AND day <= ?${
             unitPath === null ? '' : ' AND unit_path LIKE ?'
           }`,
        [...measures, last, ...(unitPath === null ? [] : [`${unitPath}%`])],
      );
      for (const row of journal) {
        const step = journalStep(row);
        const val = valueOf(step.place, dim, unitId);
        for (const date of dates) {
          if (step.day <= date) add(results.get(date) as CellCounts, val, step.measure, step);
        }
      }
    });
    return results;
  }

  /** One date: the buckets summed by the database, one row per value and measure. */
  private async sumsOn(
    manager: EntityManager,
    unitId: number,
    dim: CellDim,
    measures: readonly number[],
    asOf: BusinessDate,
    results: Map<BusinessDate, CellCounts>,
  ): Promise<void> {
    const on = bucketConditionsOn(asOf);
    const days = on.daysFrom === null ? '' : " OR (grain = 'd' AND bucket >= ? AND bucket <= ?)";
    const rows: Array<{
      val: string;
      measure: number | string;
      enterprises: string | number;
      employees: string | number;
    }> = await manager.query(
      `SELECT val, measure, SUM(enterprises) AS enterprises, SUM(employees) AS employees
           FROM coverage_cells
          WHERE unit_id = ? AND dim = ? AND measure IN (${placeholders(measures.length)})
            AND ((grain = 'y' AND bucket < ?) OR (grain = 'm' AND bucket >= ? AND bucket <= ?)${days})
          GROUP BY val, measure`,
      [
        unitId,
        dim,
        ...measures,
        on.yearsBefore,
        on.monthsFrom,
        on.monthsTo,
        ...(on.daysFrom === null ? [] : [on.daysFrom, on.daysTo]),
      ],
    );
    const counts = results.get(asOf) as CellCounts;
    for (const row of rows) add(counts, row.val, Number(row.measure), row);
  }

  /** Several dates (a trend): the buckets any of them needs, each added to the dates it counts on. */
  private async bucketsOn(
    manager: EntityManager,
    unitId: number,
    dim: CellDim,
    measures: readonly number[],
    dates: readonly BusinessDate[],
    results: Map<BusinessDate, CellCounts>,
  ): Promise<void> {
    const sorted = [...dates].sort();
    const last = sorted[sorted.length - 1];
    const dayRanges = sorted
      .map((date) => bucketConditionsOn(date))
      .filter((on) => on.daysFrom !== null)
      .map((on) => [on.daysFrom as string, on.daysTo]);
    const days = dayRanges.map(() => " OR (grain = 'd' AND bucket >= ? AND bucket <= ?)").join('');
    const rows: Array<{
      val: string;
      measure: number | string;
      grain: Grain;
      bucket: string;
      enterprises: string | number;
      employees: string | number;
    }> = await manager.query(
      `SELECT val, measure, grain, bucket, enterprises, employees
         FROM coverage_cells
        WHERE unit_id = ? AND dim = ? AND measure IN (${placeholders(measures.length)})
          AND ((grain = 'y' AND bucket < ?) OR (grain = 'm' AND bucket >= ? AND bucket <= ?)${days})`,
      [
        unitId,
        dim,
        ...measures,
        last.slice(0, 4),
        `${sorted[0].slice(0, 4)}-01`,
        last.slice(0, 7),
        ...dayRanges.flat(),
      ],
    );
    for (const row of rows) {
      for (const date of sorted) {
        if (bucketCountsOn(row, date))
          add(results.get(date) as CellCounts, row.val, Number(row.measure), row);
      }
    }
  }

  private async inSnapshot(work: (manager: EntityManager) => Promise<void>): Promise<void> {
    if (!isMysqlFamily(this.dataSource)) {
      // One connection, and every write transaction folds its journal rows before it commits.
      await work(this.dataSource.manager);
      return;
    }
    const runner = this.dataSource.createQueryRunner('slave');
    try {
      await runner.connect();
      await runner.startTransaction('REPEATABLE READ');
      try {
        await work(runner.manager);
      } finally {
        await runner.commitTransaction().catch(() => undefined);
      }
    } finally {
      await runner.release();
    }
  }

  private async pathOf(unitId: number): Promise<string> {
    const rows: Array<{ path: string }> = await this.dataSource.query(
      'SELECT path FROM org_units WHERE id = ?',
      [unitId],
    );
    if (rows.length === 0) throw new Error(`no unit ${unitId}`);
    return rows[0].path;
  }
}

function add(
  counts: CellCounts,
  val: string,
  measure: number,
  row: { enterprises: string | number; employees: string | number },
): void {
  const byMeasure = counts.get(val) ?? new Map<number, CellCount>();
  const count = byMeasure.get(measure) ?? { enterprises: 0, employees: 0 };
  count.enterprises += Number(row.enterprises);
  count.employees += Number(row.employees);
  byMeasure.set(measure, count);
  counts.set(val, byMeasure);
}
