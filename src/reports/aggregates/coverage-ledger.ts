import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { isUniqueViolation } from '../../database/database-errors';
import { ReportAggregates } from '../../database/report-aggregates.port';
import { isMysqlFamily, writeTransaction } from '../../database/transactions';
import {
  addCounts,
  type CellDim,
  cellKeyOf,
  BY_DAY,
  cellDayDeltas,
  CellSums,
  cellMonthDeltas,
  type CellPlace,
  type Counts,
  type DayStep,
  dayStepsOf,
  isZero,
  type PlacedDay,
  cellRowsAfter,
  type Grain,
  DENSE_FROM_YEAR,
  lastYearOf,
  laterOf,
  yearsBetween,
  zeroCounts,
  unitDimKey,
  unitDimOf,
  unitDimOfCell,
} from '../rates/coverage-cells';
import { coverageSteps, type StepAgreement } from '../rates/coverage-steps';
import {
  cellRowsByVal,
  CELL_COLUMNS,
  COUNT_COLUMNS,
  countsOfRow,
  dayOf,
  insertSparse,
  PLACE_COLUMNS,
  placeOfRow,
  type PlaceRow,
  placeValues,
  placeholders,
  type StoredCell,
  writeCells,
  insertCells,
  addToDayCells,
  insertDayCells,
  type StoredDayCell,
  writeHorizons,
  readHorizons,
  type Horizon,
} from './coverage-sql';
import { journalMark, RebuildTables } from './rebuild-tables';

/** What the aggregates count of an enterprise: its place and its steps, one count vector per day. */
export interface Contribution {
  place: CellPlace;
  days: DayStep[];
}

/** The aggregates' tables (migrations 1764000000014, 1764000000015 and 1764000000017), which no entity maps. */
export const COVERAGE_TABLES = [
  'coverage_days',
  'coverage_journal',
  'coverage_cells',
  'coverage_horizons',
  'coverage_day_cells',
] as const;

/** The aggregates' tables by what they hold (a rebuild on MySQL/MariaDB fills copies of them). */
const COVERAGE_NAMES = {
  days: 'coverage_days',
  journal: 'coverage_journal',
  cells: 'coverage_cells',
  horizons: 'coverage_horizons',
  dayCells: 'coverage_day_cells',
} as const satisfies Record<string, (typeof COVERAGE_TABLES)[number]>;

/** Where a rebuild writes each of the aggregates' tables. */
type RebuildTargets = Record<keyof typeof COVERAGE_NAMES, string>;

const WRITTEN_DURING_REBUILD =
  'the report aggregates were written during the rebuild (stop the app, then run it again)';

/** Enterprises read per query (and parameters per IN list, well inside SQLite's limit). */
const CHUNK = 500;

/** Journal rows summed into the cells per transaction. */
const FOLD_ROWS = 5000;

/** Values (and value-years) per query of a fold. */
const PAIRS = 200;

/** Enterprises per transaction of a rebuild. */
const REBUILD_CHUNK = 2000;

/**
 * The one write path of the report aggregates (docs/architecture.md, "Report aggregates"; the
 * arithmetic in rates/coverage-cells.ts).
 *
 * `coverage_days` holds, per enterprise, what the aggregates count of it: a row per day on which
 * its counts step, with its place. `refresh` is called, inside the writer's transaction, by every
 * write that can change them (EnterprisesRepository's writes, a township's rename,
 * NegotiationsRepository.syncAgreement): it recomputes the enterprise's steps from its row and
 * the agreements that list it, replaces its days when they differ, and appends the difference
 * (the old days taken away, the new ones added) to `coverage_journal`. The journal is summed into
 * the cells' running totals by `fold`: in the same transaction on SQLite (one writer at a time
 * anyway), within a second on MySQL/MariaDB (CoverageFolder), so that concurrent writers append
 * rows of their own instead of queueing on the same totals, and a Galera cluster does not abort
 * them as conflicting. Readers add the journal's rows to the cells'.
 */
@Injectable()
export class CoverageLedger implements ReportAggregates {
  constructor(private readonly dataSource: DataSource) {}

  /** Brings the aggregates of these enterprises to their rows as the transaction sees them. */
  async refresh(manager: EntityManager, enterpriseIds: Iterable<number>): Promise<void> {
    const ids = [...new Set(enterpriseIds)].sort((a, b) => a - b);
    const mysql = isMysqlFamily(manager.connection);
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const now = await this.contributions(manager, chunk, mysql);
      const before = await this.stored(manager, chunk);
      const changes: PlacedDay[] = [];
      const changed: number[] = [];
      for (const id of chunk) {
        const was = before.get(id);
        const is = now.get(id);
        if (sameContribution(was, is)) continue;
        changed.push(id);
        if (was) changes.push(...placed(was, -1));
        if (is) changes.push(...placed(is, 1));
      }
      if (changed.length === 0) continue;
      await this.appendJournal(manager, changes);
      await manager.query(
        `DELETE FROM coverage_days WHERE enterprise_id IN (${placeholders(changed.length)})`,
        changed,
      );
      await this.insertDays(manager, changed, now);
    }
    if (!mysql) await this.fold(manager, Number.MAX_SAFE_INTEGER);
  }

  /** Refreshes the enterprises of a unit (its township name changed). */
  async refreshUnit(manager: EntityManager, unitId: number): Promise<void> {
    const rows: Array<{ id: number | string }> = await manager.query(
      'SELECT id FROM enterprises WHERE org_unit_id = ?',
      [unitId],
    );
    await this.refresh(
      manager,
      rows.map((row) => Number(row.id)),
    );
  }

  /** Refreshes the enterprises an agreement's negotiation lists (the agreement was written). */
  async refreshNegotiation(manager: EntityManager, negotiationId: number): Promise<void> {
    const rows: Array<{ id: number | string }> = await manager.query(
      'SELECT enterprise_id AS id FROM negotiation_enterprises WHERE negotiation_id = ?',
      [negotiationId],
    );
    await this.refresh(
      manager,
      rows.map((row) => Number(row.id)),
    );
  }

  /**
   * Sums up to `limit` of the journal's oldest rows into the cells' running totals and removes
   * them, in the caller's transaction; returns how many it summed. On MySQL/MariaDB the rows are
   * locked, so that two instances folding at once take turns (on Galera nodes, where locks are
   * node-local, the one that commits second is aborted on the cells both wrote, and its rows stay
   * for the next round).
   */
  async fold(manager: EntityManager, limit = FOLD_ROWS): Promise<number> {
    const mysql = isMysqlFamily(manager.connection);
    const rows: Array<PlaceRow & Record<string, unknown> & { id: number | string; day: string }> =
      await manager.query(
        `SELECT id, day, ${PLACE_COLUMNS.join(', ')}, ${COUNT_COLUMNS.join(', ')}
           FROM coverage_journal ORDER BY id${limit < Number.MAX_SAFE_INTEGER ? ` LIMIT ${Math.floor(limit)}` : ''}${mysql ? ' FOR UPDATE' : ''}`,
      );
    if (rows.length === 0) return 0;
    const changes = rows.map(journalDay);
    await this.addToCells(manager, cellMonthDeltas(changes));
    await addToDayCells(manager, dayCellRows(cellDayDeltas(changes)));
    const ids = rows.map((row) => Number(row.id));
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      await manager.query(`DELETE FROM coverage_journal WHERE id IN (${placeholders(chunk.length)})`, chunk);
    }
    return rows.length;
  }

  /** Folds the whole journal, a transaction per FOLD_ROWS rows; returns how many rows it summed. */
  async foldAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const folded = await writeTransaction(this.dataSource, (manager) => this.fold(manager));
      total += folded;
      if (folded < FOLD_ROWS) return total;
    }
  }

  /**
   * Rebuilds every aggregate from the base tables in one pass: writes every enterprise's days (a
   * transaction per REBUILD_CHUNK enterprises) while summing its cells' changes in memory, then
   * writes the cells' running totals once. For the migration that creates them, `reports:rebuild`
   * and a database written past the write path (a restore, a hand edit). Exact when nothing
   * writes meanwhile (the migration runs before the app serves; README.md says to run
   * `reports:rebuild` with the app stopped). In a migration (`manager`) and on SQLite it empties
   * the tables and fills them (a write between an enterprise's chunk and the end is in the journal
   * and in the cells both); on MySQL/MariaDB it fills copies beside them and swaps them in at the
   * end (rebuild-tables.ts: the indexes built once, the live tables whole if it fails), and
   * refuses to if the app changed the aggregates meanwhile. `chunkSize`: enterprises per chunk (a
   * test makes it small, to go through many).
   */
  async rebuild(
    manager?: EntityManager,
    onProgress?: (done: number) => void,
    chunkSize = REBUILD_CHUNK,
  ): Promise<number> {
    const run = async <T>(work: (m: EntityManager) => Promise<T>) =>
      manager ? work(manager) : writeTransaction(this.dataSource, work);
    if (manager || !isMysqlFamily(this.dataSource)) {
      await run(async (m) => {
        for (const table of COVERAGE_TABLES) await m.query(`DELETE FROM ${table}`);
      });
      return this.fill(run, manager ?? this.dataSource.manager, COVERAGE_NAMES, onProgress, chunkSize);
    }
    // MySQL/MariaDB, on its own connections: into tables beside the live ones, swapped in at the
    // end (rebuild-tables.ts), unless the app changed the aggregates meanwhile.
    const mark = await journalMark(this.dataSource, COVERAGE_NAMES.journal);
    const beside = await RebuildTables.create(this.dataSource, COVERAGE_TABLES);
    try {
      const targets: RebuildTargets = {
        days: RebuildTables.besideOf(COVERAGE_NAMES.days),
        journal: RebuildTables.besideOf(COVERAGE_NAMES.journal),
        cells: RebuildTables.besideOf(COVERAGE_NAMES.cells),
        horizons: RebuildTables.besideOf(COVERAGE_NAMES.horizons),
        dayCells: RebuildTables.besideOf(COVERAGE_NAMES.dayCells),
      };
      const done = await this.fill(run, this.dataSource.manager, targets, onProgress, chunkSize, () =>
        beside.indexNow(COVERAGE_NAMES.days),
      );
      const swapped = await beside.swapIn(
        COVERAGE_NAMES.journal,
        async (journal) => (await journalMark(this.dataSource, journal)) !== mark,
      );
      if (!swapped) throw new Error(WRITTEN_DURING_REBUILD);
      return done;
    } catch (error) {
      await beside.drop().catch(() => undefined);
      throw error;
    }
  }

  /** The rebuild's work: every enterprise's days and every cell's running totals, into empty tables. */
  private async fill(
    run: <T>(work: (m: EntityManager) => Promise<T>) => Promise<T>,
    source: EntityManager,
    tables: RebuildTargets,
    onProgress: ((done: number) => void) | undefined,
    chunkSize: number,
    daysWritten?: () => void,
  ): Promise<number> {
    // Per cell and month, and per day cell and day, the changes summed so far.
    const deltas = new CellSums();
    const dayDeltas = new CellSums(BY_DAY);
    /** The next chunk after `after`: its enterprises' contributions, and their cells' changes. */
    const read = async (after: number) => {
      const rows: Array<{ id: number | string }> = await source.query(
        `SELECT id FROM enterprises WHERE id > ? ORDER BY id LIMIT ${Math.max(1, Math.floor(chunkSize))}`,
        [after],
      );
      if (rows.length === 0) return null;
      const ids = rows.map((row) => Number(row.id));
      return { ids, contributions: await this.contributions(source, ids) };
    };
    let done = 0;
    let chunk = await read(0);
    // Two chunks' days are written at once (on a pool, two connections: the database's work is
    // most of a rebuild's, and a second connection lets it use a second core).
    let previous: Promise<void> = Promise.resolve();
    while (chunk) {
      // The next chunk is read and worked out while this one's days are written.
      const following = read(chunk.ids[chunk.ids.length - 1]);
      following.catch(() => undefined); // its failure is thrown where it is awaited, below
      const { ids, contributions } = chunk;
      // The days written while their cells' changes are added up here (in stretches, letting the
      // insert's statements go out between them, so that the database works meanwhile).
      const written = run((m) => this.insertDays(m, ids, contributions, tables.days));
      written.catch(() => undefined); // thrown where it is awaited, below
      let steps: PlacedDay[] = [];
      for (const contribution of contributions.values()) {
        steps.push(...placed(contribution, 1));
        if (steps.length >= 1500) {
          deltas.add(steps);
          dayDeltas.add(steps);
          steps = [];
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      deltas.add(steps);
      dayDeltas.add(steps);
      await previous;
      onProgress?.(done); // the chunks whose days are written
      previous = written;
      done += ids.length;
      chunk = await following;
    }
    await previous;
    onProgress?.(done);
    daysWritten?.();
    // The cells, into an empty table (emptied in place, or a new copy): plain inserts of the
    // columns that are not 0, the next batch worked out while the last is written. In place, a
    // row already there means something wrote the aggregates meanwhile (the app was running): the
    // rebuild stops rather than mix the two.
    let cells: StoredCell[] = [];
    let writing: Promise<void> = Promise.resolve();
    const flush = async () => {
      const batch = cells;
      cells = [];
      await writing;
      writing = run((m) => insertCells(m, batch, tables.cells)).catch((error: unknown) => {
        throw isUniqueViolation(error)
          ? new Error(`${WRITTEN_DURING_REBUILD}: ${(error as Error).message}`)
          : error;
      });
      writing.catch(() => undefined); // thrown where it is awaited
    };
    // Each unit and dimension's horizon: the last year of any of its cells' changes, up to which
    // the `y` series of every one of them is written.
    const horizons = new Map<string, string>();
    const cellsOf = new Map<string, string[]>();
    for (const cell of deltas.cellKeys()) {
      const unitDim = unitDimOfCell(cell);
      (cellsOf.get(unitDim) ?? cellsOf.set(unitDim, []).get(unitDim)!).push(cell);
      const horizon = laterOf(horizons.get(unitDim) ?? null, lastYearOf(deltas.bucketsOf(cell)));
      if (horizon !== null) horizons.set(unitDim, horizon);
    }
    // Written in the order of the table's key, (unit, dimension, series, period, value), a unit
    // and dimension at a time: each batch fills pages at the end of the index, not all over it.
    const order = [...cellsOf.keys()].map((unitDim) => ({ unitDim, ...unitDimOf(unitDim) }));
    order.sort((a, b) => a.unitId - b.unitId || compareText(a.dim, b.dim));
    for (const { unitDim, unitId, dim } of order) {
      const horizon = horizons.get(unitDim) ?? null;
      // Its values in order, each one's rows put to their period: each period's rows come out
      // in value order, and the periods (a few hundred) are sorted, not the rows (a million).
      const values = cellsOf
        .get(unitDim)!
        .map((cell) => ({ cell, val: cellKeyOf(cell).val }))
        .sort((a, b) => compareText(a.val, b.val));
      const periods = new Map<string, StoredCell[]>();
      for (const { cell, val } of values) {
        const changes = new Map([...deltas.bucketsOf(cell)].map(([month, sum]) => [month, Array.from(sum)]));
        for (const row of cellRowsAfter([], changes, horizon)) {
          const period = `${row.grain}${row.bucket}`;
          (periods.get(period) ?? periods.set(period, []).get(period)!).push({ unitId, dim, val, ...row });
        }
      }
      for (const period of [...periods.keys()].sort(compareText)) {
        for (const row of periods.get(period)!) {
          cells.push(row);
          if (cells.length >= 20_000) await flush();
        }
        periods.delete(period);
      }
    }
    await flush();
    await writing;
    await this.writeDayCells(run, dayDeltas, tables.dayCells);
    await run((m) =>
      writeHorizons(
        m,
        [...horizons].map(([unitDim, year]) => ({ ...unitDimOf(unitDim), year })),
        tables.horizons,
      ),
    );
    return done;
  }

  /**
   * A rebuild's day cells, into an empty table in the order of its key (unit, dimension, day,
   * value), a unit and dimension at a time, 20,000 rows a transaction.
   */
  private async writeDayCells(
    run: <T>(work: (m: EntityManager) => Promise<T>) => Promise<T>,
    sums: CellSums,
    table: string,
  ): Promise<void> {
    const byUnitDim = new Map<string, Array<{ val: string; cell: string }>>();
    for (const cell of sums.cellKeys()) {
      const unitDim = unitDimOfCell(cell);
      (byUnitDim.get(unitDim) ?? byUnitDim.set(unitDim, []).get(unitDim)!).push({
        cell,
        val: cellKeyOf(cell).val,
      });
    }
    const order = [...byUnitDim.keys()].map((unitDim) => ({ unitDim, ...unitDimOf(unitDim) }));
    order.sort((a, b) => a.unitId - b.unitId || compareText(a.dim, b.dim));
    let batch: StoredDayCell[] = [];
    const flush = async () => {
      const rows = batch;
      batch = [];
      await run((m) => insertDayCells(m, rows, table)).catch((error: unknown) => {
        throw isUniqueViolation(error)
          ? new Error(`${WRITTEN_DURING_REBUILD}: ${(error as Error).message}`)
          : error;
      });
    };
    for (const { unitDim, unitId, dim } of order) {
      const byDay = new Map<string, StoredDayCell[]>();
      for (const { cell, val } of byUnitDim.get(unitDim)!.sort((a, b) => compareText(a.val, b.val)))
        for (const [day, sum] of sums.bucketsOf(cell)) {
          if (isZero(sum)) continue;
          (byDay.get(day) ?? byDay.set(day, []).get(day)!).push({
            unitId,
            dim,
            val,
            day,
            counts: Array.from(sum),
          });
        }
      for (const day of [...byDay.keys()].sort(compareText))
        for (const row of byDay.get(day)!) {
          batch.push(row);
          if (batch.length >= 20_000) await flush();
        }
    }
    await flush();
  }

  /** What the aggregates should count of these enterprises, from their rows and agreements. */
  async contributions(
    manager: EntityManager,
    ids: readonly number[],
    lock = false,
  ): Promise<Map<number, Contribution>> {
    const found = new Map<number, Contribution>();
    if (ids.length === 0) return found;
    const list = placeholders(ids.length);
    // Locked on MySQL/MariaDB: two writers of agreements that list the same enterprise refresh
    // it one after the other, the second reading the first's agreement (READ COMMITTED).
    const enterprises: EnterpriseRow[] = await manager.query(
      `SELECT id, org_unit_id, ownership_type, industry, township, instructor_id, employee_count,
              registered_on, closed_on, union_founded_on
         FROM enterprises WHERE id IN (${list}) ORDER BY id${lock ? ' FOR UPDATE' : ''}`,
      [...ids],
    );
    const agreements: AgreementRow[] = await manager.query(
      `SELECT ne.enterprise_id, a.agreement_kind, a.signed_on, a.effective_on, a.expires_on,
              a.terminated_on, a.set_aside_on
         FROM negotiation_enterprises ne JOIN agreements a ON a.negotiation_id = ne.negotiation_id
        WHERE ne.enterprise_id IN (${list})`,
      [...ids],
    );
    const listed = new Map<number, StepAgreement[]>();
    for (const row of agreements) {
      const id = Number(row.enterprise_id);
      const list = listed.get(id) ?? [];
      list.push({
        agreementKind: row.agreement_kind as StepAgreement['agreementKind'],
        signedOn: dayOf(row.signed_on) as string,
        effectiveOn: dayOf(row.effective_on),
        expiresOn: dayOf(row.expires_on) as string,
        terminatedOn: dayOf(row.terminated_on),
        setAsideOn: dayOf(row.set_aside_on),
      });
      listed.set(id, list);
    }
    const paths = await this.unitPaths(
      manager,
      enterprises.map((row) => row.org_unit_id).filter((id): id is number => id !== null),
    );
    for (const row of enterprises) {
      const id = Number(row.id);
      const days = dayStepsOf(
        coverageSteps(
          {
            registeredOn: dayOf(row.registered_on),
            closedOn: dayOf(row.closed_on),
            unionFoundedOn: dayOf(row.union_founded_on),
            employeeCount: Number(row.employee_count),
          },
          listed.get(id) ?? [],
        ),
      );
      // An enterprise closed on the day it registered counts nowhere: no days, as if it had none.
      if (days.length === 0) continue;
      found.set(id, {
        place: {
          unitPath: row.org_unit_id === null ? '' : (paths.get(Number(row.org_unit_id)) ?? ''),
          ownershipType: row.ownership_type,
          industry: row.industry,
          township: row.township,
          instructorId: row.instructor_id === null ? null : Number(row.instructor_id),
        },
        days,
      });
    }
    return found;
  }

  /** What the days hold of these enterprises (none for an enterprise without a row). */
  async stored(manager: EntityManager, ids: readonly number[]): Promise<Map<number, Contribution>> {
    const found = new Map<number, Contribution>();
    if (ids.length === 0) return found;
    const rows: Array<PlaceRow & Record<string, unknown> & { enterprise_id: number | string; day: string }> =
      await manager.query(
        `SELECT enterprise_id, day, ${PLACE_COLUMNS.join(', ')}, ${COUNT_COLUMNS.join(', ')}
           FROM coverage_days WHERE enterprise_id IN (${placeholders(ids.length)}) ORDER BY enterprise_id, day`,
        [...ids],
      );
    for (const row of rows) {
      const id = Number(row.enterprise_id);
      const contribution = found.get(id) ?? found.set(id, { place: placeOfRow(row), days: [] }).get(id)!;
      contribution.days.push({ day: dayOf(row.day) as string, counts: countsOfRow(row) });
    }
    return found;
  }

  /**
   * Adds per-cell, per-month changes to the cells' running totals (rates/coverage-cells.ts,
   * `cellRowsAfter`): per unit and dimension, the `y` rows of the changed values and their `m`
   * rows of the changed years are read (locked on MySQL/MariaDB), and the changed rows written.
   */
  private async addToCells(manager: EntityManager, deltas: Map<string, Map<string, Counts>>): Promise<void> {
    const lock = isMysqlFamily(manager.connection) ? ' FOR UPDATE' : '';
    const groups = new Map<string, Array<{ val: string; months: Map<string, Counts> }>>();
    for (const [cell, months] of deltas) {
      if ([...months.values()].every(isZero)) continue;
      const { unitId, dim, val } = cellKeyOf(cell);
      const group = unitDimKey(unitId, dim);
      (groups.get(group) ?? groups.set(group, []).get(group)!).push({ val, months });
    }
    // The horizons first (locked: a fold that moves one carries every other cell of it, below,
    // and must not miss a cell another fold adds meanwhile; the same order in every fold).
    const stored = await readHorizons(
      manager,
      [...new Set([...groups.keys()].map((group) => unitDimOf(group).unitId))],
      true,
    );
    const horizons: Horizon[] = [];
    const extensions: Array<{ unitId: number; dim: CellDim; from: string; to: string }> = [];
    const written: StoredCell[] = [];
    for (const [group, cells] of groups) {
      const { unitId, dim } = unitDimOf(group);
      const was = stored.get(group) ?? null;
      let horizon = was;
      for (const cell of cells) horizon = laterOf(horizon, lastYearOf(cell.months));
      if (horizon === null) continue;
      horizons.push({ unitId, dim: dim, year: horizon });
      if (was !== null && horizon > was) extensions.push({ unitId, dim: dim, from: was, to: horizon });
      cells.sort((a, b) => (a.val < b.val ? -1 : a.val > b.val ? 1 : 0));
      for (let i = 0; i < cells.length; i += PAIRS) {
        const slice = cells.slice(i, i + PAIRS);
        const vals = slice.map((cell) => cell.val);
        type Row = Record<string, unknown> & { val: string; grain: Grain; bucket: string };
        const rows: Row[] = await manager.query(
          `SELECT ${CELL_COLUMNS.join(', ')} FROM coverage_cells
            WHERE unit_id = ? AND dim = ? AND grain = 'y' AND val IN (${placeholders(vals.length)})
            ORDER BY val, bucket${lock}`,
          [unitId, dim, ...vals],
        );
        const years = slice.flatMap((cell) =>
          [...new Set([...cell.months.keys()].map((month) => month.slice(0, 4)))].map((year) => [
            cell.val,
            year,
          ]),
        );
        for (let j = 0; j < years.length; j += PAIRS) {
          const pairs = years.slice(j, j + PAIRS);
          rows.push(
            ...((await manager.query(
              `SELECT ${CELL_COLUMNS.join(', ')} FROM coverage_cells
                WHERE unit_id = ? AND dim = ? AND grain = 'm'
                  AND (${pairs.map(() => '(val = ? AND bucket >= ? AND bucket <= ?)').join(' OR ')})
                ORDER BY val, bucket${lock}`,
              [unitId, dim, ...pairs.flatMap(([val, year]) => [val, `${year}-01`, `${year}-12`])],
            )) as Row[]),
          );
        }
        const storedBy = cellRowsByVal(rows);
        for (const cell of slice) {
          for (const row of cellRowsAfter(storedBy.get(cell.val) ?? [], cell.months, horizon))
            written.push({ unitId, dim: dim, val: cell.val, ...row });
        }
      }
    }
    await writeCells(manager, written);
    for (const extension of extensions) await this.extend(manager, extension);
    await writeHorizons(manager, horizons);
  }

  /**
   * Carries a unit and dimension's `y` series from horizon `from` to `to` (rates/coverage-cells.ts,
   * `extendedRows`): a year at a time from DENSE_FROM_YEAR on (before it the series stay sparse),
   * each value's row of the year before copied where it has none. In the dense years that row is
   * the year before's; the first year after a horizon before DENSE_FROM_YEAR copies each value's
   * latest row.
   */
  private async extend(
    manager: EntityManager,
    { unitId, dim, from, to }: { unitId: number; dim: CellDim; from: string; to: string },
  ): Promise<void> {
    const columns = COUNT_COLUMNS.map((column) => `c.${column}`).join(', ');
    const first = laterOf(String(Number(from) + 1).padStart(4, '0'), DENSE_FROM_YEAR)!;
    for (const year of yearsBetween(first, to)) {
      const before = String(Number(year) - 1).padStart(4, '0');
      const source =
        before >= DENSE_FROM_YEAR
          ? 'c.bucket = ?'
          : `c.bucket = (SELECT MAX(b.bucket) FROM coverage_cells b
                         WHERE b.unit_id = c.unit_id AND b.dim = c.dim AND b.grain = 'y' AND b.val = c.val AND b.bucket <= ?)`;
      await manager.query(
        `INSERT INTO coverage_cells (${CELL_COLUMNS.join(', ')})
         SELECT c.unit_id, c.dim, c.grain, c.val, ?, ${columns} FROM coverage_cells c
          WHERE c.unit_id = ? AND c.dim = ? AND c.grain = 'y' AND ${source}
            AND NOT EXISTS (SELECT 1 FROM coverage_cells d
                             WHERE d.unit_id = c.unit_id AND d.dim = c.dim AND d.grain = 'y' AND d.val = c.val AND d.bucket = ?)`,
        [year, unitId, dim, before, year],
      );
    }
  }

  /**
   * The paths of these units, read in the caller's transaction (not cached: a unit created in a
   * transaction that rolls back may leave its id to another unit, elsewhere in the tree).
   */
  private async unitPaths(manager: EntityManager, unitIds: number[]): Promise<Map<number, string>> {
    const paths = new Map<number, string>();
    const ids = [...new Set(unitIds.map(Number))];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const rows: Array<{ id: number | string; path: string }> = await manager.query(
        `SELECT id, path FROM org_units WHERE id IN (${placeholders(chunk.length)})`,
        chunk,
      );
      for (const row of rows) paths.set(Number(row.id), row.path);
    }
    return paths;
  }

  private async insertDays(
    manager: EntityManager,
    ids: readonly number[],
    contributions: Map<number, Contribution>,
    table: string = COVERAGE_NAMES.days,
  ): Promise<void> {
    const rows: Array<{ key: unknown[]; counts: Counts }> = [];
    for (const id of ids) {
      const contribution = contributions.get(id);
      if (!contribution) continue;
      for (const day of contribution.days)
        rows.push({
          key: [id, day.day, ...placeValues({ ...day, place: contribution.place })],
          counts: day.counts,
        });
    }
    await insertSparse(manager, table, ['enterprise_id', 'day', ...PLACE_COLUMNS], rows);
  }

  private async appendJournal(manager: EntityManager, changes: PlacedDay[]): Promise<void> {
    // Netted per place and day: an enterprise whose headcount changed writes one row per day,
    // not a −old and a +new.
    const net = new Map<string, PlacedDay>();
    for (const change of changes) {
      const key = JSON.stringify([change.place, change.day]);
      const sum = net.get(key) ?? net.set(key, { ...change, counts: zeroCounts() }).get(key)!;
      addCounts(sum.counts, change.counts);
    }
    const rows = [...net.values()].filter((row) => !isZero(row.counts));
    await insertSparse(
      manager,
      'coverage_journal',
      ['day', ...PLACE_COLUMNS],
      rows.map((row) => ({ key: [row.day, ...placeValues(row)], counts: row.counts })),
    );
  }
}

interface EnterpriseRow {
  id: number | string;
  org_unit_id: number | null;
  ownership_type: string;
  industry: string;
  township: string;
  instructor_id: number | string | null;
  employee_count: number | string;
  registered_on: Date | string | null;
  closed_on: Date | string | null;
  union_founded_on: Date | string | null;
}

interface AgreementRow {
  enterprise_id: number | string;
  agreement_kind: string;
  signed_on: Date | string;
  effective_on: Date | string | null;
  expires_on: Date | string;
  terminated_on: Date | string | null;
  set_aside_on: Date | string | null;
}

/** `cellDayDeltas` as day cells' rows (the days whose changes cancel left out). */
export function dayCellRows(deltas: Map<string, Map<string, Counts>>): StoredDayCell[] {
  const rows: StoredDayCell[] = [];
  for (const [cell, days] of deltas) {
    const { unitId, dim, val } = cellKeyOf(cell);
    for (const [day, counts] of days) if (!isZero(counts)) rows.push({ unitId, dim, val, day, counts });
  }
  return rows;
}

/** A journal or days row as a placed change. */
export function journalDay(row: PlaceRow & Record<string, unknown> & { day: string }): PlacedDay {
  return { place: placeOfRow(row), day: dayOf(row.day) as string, counts: countsOfRow(row) };
}

export function sameContribution(a: Contribution | undefined, b: Contribution | undefined): boolean {
  if (!a || !b) return a === b;
  const p = a.place;
  const q = b.place;
  if (
    p.unitPath !== q.unitPath ||
    p.ownershipType !== q.ownershipType ||
    p.industry !== q.industry ||
    p.township !== q.township ||
    p.instructorId !== q.instructorId ||
    a.days.length !== b.days.length
  )
    return false;
  return a.days.every(
    (day, i) => day.day === b.days[i].day && day.counts.every((value, j) => value === b.days[i].counts[j]),
  );
}

function placed(contribution: Contribution, sign: 1 | -1): PlacedDay[] {
  return contribution.days.map((day) => ({
    place: contribution.place,
    day: day.day,
    counts: sign === 1 ? day.counts : addCounts(zeroCounts(), day.counts, -1),
  }));
}

/** Code-unit order (the tables' collation may order values otherwise: near enough for a batch). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
