import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { BusinessDate } from '../../common/dates/business-date';
import { isMysqlFamily } from '../../database/transactions';
import {
  addCounts,
  type CellDim,
  denseRead,
  type Counts,
  keepsCells,
  keepsDayCells,
  monthOf,
  readPlanOn,
  type Grain,
  runningTotalOn,
  valueOf,
  zeroCounts,
  MEASURES,
  unitDimKey,
} from '../rates/coverage-cells';
import { journalDay } from './coverage-ledger';
import {
  cellRowsByVal,
  countsOfMeasures,
  dayGroupSql,
  groupedValue,
  measureColumns,
  PLACE_COLUMNS,
  readHorizons,
} from './coverage-sql';

/** A count of enterprises and their employees. */
export interface CellCount {
  enterprises: number;
  employees: number;
}

/** Per value of the dimension, per measure: the counts on one date. */
export type CellCounts = Map<string, Map<number, CellCount>>;

/**
 * Reads the report aggregates (docs/architecture.md, "Report aggregates"; the arithmetic in
 * rates/coverage-cells.ts): the counts of a unit's subtree (0: the whole deployment) on one or
 * more dates, per value of one dimension. A unit of the upper levels is read from its cells'
 * running totals (the rows of one year and one month per value, by period: the series are
 * dense), the journal's rows not yet summed into them, and
 * half a month of days at most (readPlanOn); a unit below them from its enterprises' days. All in one
 * snapshot (a REPEATABLE READ transaction on MySQL/MariaDB), so that a fold committing in between
 * cannot count a change twice or not at all.
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
    const sums = new Map<BusinessDate, Map<string, Counts>>();
    for (const date of dates) sums.set(date, new Map());
    if (dates.length === 0 || measures.length === 0) return new Map(dates.map((date) => [date, new Map()]));
    const unitPath = unitId === 0 ? null : await this.pathOf(unitId);
    await this.inSnapshot(async (manager) => {
      if (unitPath === null || keepsCells(unitPath))
        await this.fromCells(manager, unitId, unitPath, dim, measures, sums);
      else
        for (const [date, byVal] of sums)
          await this.addDays(manager, unitId, unitPath, dim, measures, null, date, byVal);
    });
    const results = new Map<BusinessDate, CellCounts>();
    for (const [date, byVal] of sums) {
      const counts: CellCounts = new Map();
      for (const [val, vector] of byVal) {
        counts.set(
          val,
          new Map(measures.map((m) => [m, { enterprises: vector[m], employees: vector[MEASURES + m] }])),
        );
      }
      results.set(date, counts);
    }
    return results;
  }

  /** A unit with cells: running totals, the journal, and the days of each date's month up to it. */
  private async fromCells(
    manager: EntityManager,
    unitId: number,
    unitPath: string | null,
    dim: CellDim,
    measures: readonly number[],
    sums: Map<BusinessDate, Map<string, Counts>>,
  ): Promise<void> {
    const columns = measureColumns(measures);
    const countsOf = countsOfMeasures(measures);
    const plans = new Map([...sums.keys()].map((date) => [date, readPlanOn(date)]));
    const through = [...plans.values()].map((plan) => plan.cellsThrough).sort();
    const first = through[0];
    const last = through[through.length - 1];
    const firstYear = first.slice(0, 4);
    const lastYear = last.slice(0, 4);
    type Row = Record<string, unknown> & { val: string; grain: Grain; bucket: string };
    const selected = (alias: string) =>
      ['val', 'grain', 'bucket', ...columns].map((c) => `${alias}.${c}`).join(', ');
    /** Per value, its row of a series with the latest period in [from, to]. */
    const latest = (grain: Grain, from: string, to: string): Promise<Row[]> =>
      manager.query(
        `SELECT ${selected('c')}
           FROM coverage_cells c
           JOIN (SELECT val, MAX(bucket) AS bucket FROM coverage_cells
                  WHERE unit_id = ? AND dim = ? AND grain = ? AND bucket >= ? AND bucket <= ? GROUP BY val) m
             ON m.val = c.val AND m.bucket = c.bucket
          WHERE c.unit_id = ? AND c.dim = ? AND c.grain = ?`,
        [unitId, dim, grain, from, to, unitId, dim, grain],
      );
    const between = (grain: Grain, from: string, to: string): Promise<Row[]> =>
      manager.query(
        `SELECT ${selected('c')} FROM coverage_cells c
          WHERE c.unit_id = ? AND c.dim = ? AND c.grain = ? AND c.bucket >= ? AND c.bucket <= ?`,
        [unitId, dim, grain, from, to],
      );
    const at = (grain: Grain, bucket: string): Promise<Row[]> => between(grain, bucket, bucket);
    // Each value's `y` row of the latest year before the earliest date's year, and its `m` row of
    // the latest month of that year up to the date's month: where the series are dense, the rows
    // of one year and of one month (denseRead); several dates (a trend): every row after those up
    // to the latest date's.
    const horizon = (await readHorizons(manager, [unitId])).get(unitDimKey(unitId, dim)) ?? null;
    const dense = denseRead({ cellsThrough: first, days: null }, horizon);
    if (dense && plans.size === 1) {
      // One date read densely: a value's running total is its one `y` row plus its one `m` row
      // (what runningTotalOn would pick from them), read in one statement and summed as they come.
      const periods: Array<[Grain, string]> =
        dense.y === null
          ? [['m', first]]
          : [
              ['y', dense.y],
              ['m', first],
            ];
      const ofPeriods = (
        some: Array<[Grain, string]>,
      ): Promise<Array<Record<string, unknown> & { val: string }>> =>
        manager.query(
          `SELECT ${['val', ...columns].join(', ')} FROM coverage_cells
            WHERE unit_id = ? AND dim = ? AND (${some.map(() => '(grain = ? AND bucket = ?)').join(' OR ')})`,
          [unitId, dim, ...some.flat()],
        );
      // MySQL/MariaDB read the two ranges of the key in one statement (a round trip less);
      // SQLite would read every row of the unit and dimension for the OR: one statement each.
      const rows: Awaited<ReturnType<typeof ofPeriods>> = [];
      if (isMysqlFamily(manager.connection)) rows.push(...(await ofPeriods(periods)));
      else for (const period of periods) rows.push(...(await ofPeriods([period])));
      const [date] = plans.keys();
      const into = sums.get(date)!;
      for (const row of rows) add(into, row.val, countsOf(row));
    } else {
      const rows: Row[] = [];
      if (!dense) rows.push(...(await latest('y', '', previousYear(firstYear))));
      else if (dense.y !== null) rows.push(...(await at('y', dense.y)));
      if (plans.size === 1) rows.push(...(await latest('m', `${firstYear}-01`, first)));
      else {
        if (lastYear > firstYear) rows.push(...(await between('y', firstYear, previousYear(lastYear))));
        rows.push(...(await between('m', `${firstYear}-01`, last)));
      }
      const byVal = cellRowsByVal(rows, countsOf);
      for (const [date, plan] of plans) {
        const into = sums.get(date)!;
        for (const [val, running] of byVal) add(into, val, runningTotalOn(running, plan));
      }
    }
    // The journal's changes not yet in the cells (a few rows: the fold keeps it short).
    const range = unitPath === null ? null : pathRange(unitPath);
    const journal: Array<Parameters<typeof journalDay>[0]> = await manager.query(
      `SELECT day, ${PLACE_COLUMNS.join(', ')}, ${columns.join(', ')} FROM coverage_journal${
        range ? ' WHERE unit_path >= ? AND unit_path < ?' : ''
      }`,
      range ?? [],
    );
    // A unit and dimension with day cells reads a date's part of a month from them, and the
    // journal's changes of those days not yet summed into them; else from the enterprises' days
    // (always up to date: written by the writer's transaction).
    const dayCells = keepsDayCells(unitPath, dim);
    for (const row of journal) {
      const change = journalDay(row);
      const val = valueOf(change.place, dim, unitId);
      for (const [date, plan] of plans) {
        if (monthOf(change.day) <= plan.cellsThrough) add(sums.get(date)!, val, change.counts);
        const { days } = plan;
        if (dayCells && days !== null && change.day >= days.from && change.day <= days.to)
          add(sums.get(date)!, val, change.counts, days.sign);
      }
    }
    for (const [date, plan] of plans) {
      const { days } = plan;
      if (days === null) continue;
      if (dayCells) {
        const rows: Array<Record<string, unknown> & { val: string }> = await manager.query(
          `SELECT val, ${columns.map((column) => `SUM(${column}) AS ${column}`).join(', ')} FROM coverage_day_cells
            WHERE unit_id = ? AND dim = ? AND day >= ? AND day <= ? GROUP BY val`,
          [unitId, dim, days.from, days.to],
        );
        const into = sums.get(date)!;
        for (const row of rows) add(into, row.val, countsOf(row), days.sign);
      } else
        await this.addDays(
          manager,
          unitId,
          unitPath,
          dim,
          measures,
          days.from,
          days.to,
          sums.get(date)!,
          days.sign,
        );
    }
  }

  /** Adds (`sign` 1) or takes away (−1) the days from `from` (none: from the first) to `to` of the unit's subtree, per value. */
  private async addDays(
    manager: EntityManager,
    unitId: number,
    unitPath: string | null,
    dim: CellDim,
    measures: readonly number[],
    from: BusinessDate | null,
    to: BusinessDate,
    into: Map<string, Counts>,
    sign: 1 | -1 = 1,
  ): Promise<void> {
    const conditions = ['day <= ?'];
    const params: unknown[] = [to];
    if (from !== null) {
      conditions.unshift('day >= ?');
      params.unshift(from);
    }
    const range = unitPath === null ? null : pathRange(unitPath);
    if (range) {
      conditions.unshift('unit_path >= ? AND unit_path < ?');
      params.unshift(...range);
    }
    // Only the days that move an asked measure: a day's steps mostly move others (a province's
    // half month: 70,885 days, of which 8,086 move the signing rates'), and grouping is the cost.
    const columns = measureColumns(measures);
    const countsOf = countsOfMeasures(measures);
    conditions.push(`(${columns.map((column) => `${column} <> 0`).join(' OR ')})`);
    const mysqlFamily = isMysqlFamily(manager.connection);
    const value = dayGroupSql(dim, mysqlFamily);
    // MariaDB sorts a GROUP BY's groups unless told not to; nothing here needs them in order.
    const unsorted = mysqlFamily ? ' ORDER BY NULL' : '';
    const sums = columns.map((column) => `SUM(${column}) AS ${column}`);
    const rows: Array<Record<string, unknown> & { val: unknown }> = await manager.query(
      `SELECT ${value} AS val, ${sums.join(', ')} FROM coverage_days
        WHERE ${conditions.join(' AND ')}${dim === 'all' ? '' : ` GROUP BY ${value}${unsorted}`}`,
      params,
    );
    for (const row of rows) {
      const raw = groupedValue(row.val);
      const val =
        dim === 'sub'
          ? valueOf(
              { unitPath: raw, ownershipType: '', industry: '', township: '', instructorId: null },
              dim,
              unitId,
            )
          : raw;
      add(into, val, countsOf(row), sign);
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

/** The year before (`2025` → `2024`). */
function previousYear(year: string): string {
  return String(Number(year) - 1).padStart(4, '0');
}

/**
 * The unit paths of a subtree as a range (`/1/5/` … `/1/50`: '0' follows '/'), which both
 * databases read from an index, where SQLite's LIKE would not.
 */
export function pathRange(unitPath: string): [string, string] {
  return [unitPath, `${unitPath.slice(0, -1)}0`];
}

function add(into: Map<string, Counts>, val: string, counts: Counts, sign: 1 | -1 = 1): void {
  addCounts(into.get(val) ?? into.set(val, zeroCounts()).get(val)!, counts, sign);
}
