import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ReportAggregates } from '../../database/report-aggregates.port';
import { isMysqlFamily, writeTransaction } from '../../database/transactions';
import {
  type CellDelta,
  cellDeltas,
  type CellPlace,
  measureNumber,
  type PlacedStep,
} from '../rates/coverage-cells';
import { coverageSteps, type StepAgreement } from '../rates/coverage-steps';
import { dayOf, placeholders, upsertCells } from './coverage-sql';

/** An enterprise's stored contribution: where its steps went, and the steps ([measure, day, enterprises, employees]). */
interface Contribution {
  place: CellPlace;
  steps: Array<[number, string, number, number]>;
}

/** The aggregates' tables (migration 1764000000014), which no entity maps. */
export const COVERAGE_TABLES = ['coverage_ledger', 'coverage_journal', 'coverage_cells'] as const;

/** Enterprises read per query (and parameters per IN list, well inside SQLite's limit). */
const CHUNK = 500;

/** Journal rows summed into the cells per transaction. */
const FOLD_ROWS = 5000;

/**
 * The one write path of the report aggregates (docs/architecture.md, "Report aggregates").
 *
 * `coverage_ledger` holds, per enterprise, what the aggregates count of it: its place (unit path and
 * grouping values) and its dated steps (rates/coverage-steps.ts). `refresh` is called, inside the
 * writer's transaction, by every write that can change them (EnterprisesRepository's writes, a
 * township's rename, NegotiationsRepository.syncAgreement): it recomputes the enterprise's steps
 * from its row and the agreements that list it, and appends the difference from the ledger to
 * `coverage_journal`, one row per place, measure and day. The journal is then summed into
 * `coverage_cells` (rates/coverage-cells.ts) by `fold`: in the same transaction on SQLite (one
 * writer at a time anyway), shortly after on MySQL/MariaDB (CoverageFolder), so that concurrent
 * writers append rows of their own instead of queueing on the same few totals, and a Galera
 * cluster does not abort them as conflicting. Readers add the journal's rows to the cells'.
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
      const changes: PlacedStep[] = [];
      const changed: number[] = [];
      for (const id of chunk) {
        const was = before.get(id);
        const is = now.get(id);
        if (JSON.stringify(was) === JSON.stringify(is)) continue;
        changed.push(id);
        if (was) changes.push(...placed(was, -1));
        if (is) changes.push(...placed(is, 1));
      }
      if (changed.length === 0) continue;
      await this.appendJournal(manager, changes);
      await manager.query(
        `DELETE FROM coverage_ledger WHERE enterprise_id IN (${placeholders(changed.length)})`,
        changed,
      );
      const rows = changed.filter((id) => now.has(id));
      for (let j = 0; j < rows.length; j += 200) {
        const slice = rows.slice(j, j + 200);
        await manager.query(
          `INSERT INTO coverage_ledger (enterprise_id, place, steps) VALUES ${slice.map(() => '(?, ?, ?)').join(', ')}`,
          slice.flatMap((id) => {
            const contribution = now.get(id) as Contribution;
            return [id, JSON.stringify(contribution.place), JSON.stringify(contribution.steps)];
          }),
        );
      }
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
   * Sums up to `limit` of the journal's oldest rows into the cells and removes them, in the
   * caller's transaction; returns how many it summed.
   */
  async fold(manager: EntityManager, limit = FOLD_ROWS): Promise<number> {
    const mysql = isMysqlFamily(manager.connection);
    const rows: JournalRow[] = await manager.query(
      `SELECT id, unit_path, ownership_type, industry, township, instructor_id, measure, day, enterprises, employees
         FROM coverage_journal ORDER BY id${Number.isFinite(limit) && limit < Number.MAX_SAFE_INTEGER ? ` LIMIT ${Math.floor(limit)}` : ''}${mysql ? ' FOR UPDATE' : ''}`,
    );
    if (rows.length === 0) return 0;
    await upsertCells(manager, cellDeltas(rows.map(journalStep)));
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
   * Rebuilds every aggregate from the base tables: empties them, then refreshes every enterprise,
   * a chunk per transaction, and folds. For the migration that creates them, `reports:rebuild`
   * and a database written past the write path (a restore, a hand edit). Writes made meanwhile
   * are counted once: each refresh brings its enterprises to their rows as they are.
   */
  async rebuild(manager?: EntityManager, onProgress?: (done: number) => void): Promise<number> {
    const run = async (work: (m: EntityManager) => Promise<void>) =>
      manager ? work(manager) : writeTransaction(this.dataSource, work);
    await run(async (m) => {
      await m.query('DELETE FROM coverage_cells');
      await m.query('DELETE FROM coverage_journal');
      await m.query('DELETE FROM coverage_ledger');
    });
    let after = 0;
    let done = 0;
    for (;;) {
      const source = manager ?? this.dataSource.manager;
      const rows: Array<{ id: number | string }> = await source.query(
        'SELECT id FROM enterprises WHERE id > ? ORDER BY id LIMIT 2000',
        [after],
      );
      if (rows.length === 0) break;
      const ids = rows.map((row) => Number(row.id));
      await run(async (m) => {
        await this.refresh(m, ids);
        if (isMysqlFamily(m.connection)) await this.fold(m, Number.MAX_SAFE_INTEGER);
      });
      after = ids[ids.length - 1];
      done += ids.length;
      onProgress?.(done);
    }
    return done;
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
      const employeeCount = Number(row.employee_count);
      const steps = coverageSteps(
        {
          registeredOn: dayOf(row.registered_on),
          closedOn: dayOf(row.closed_on),
          unionFoundedOn: dayOf(row.union_founded_on),
          employeeCount,
        },
        listed.get(id) ?? [],
      );
      found.set(id, {
        place: {
          unitPath: row.org_unit_id === null ? '' : (paths.get(Number(row.org_unit_id)) ?? ''),
          ownershipType: row.ownership_type,
          industry: row.industry,
          township: row.township,
          instructorId: row.instructor_id === null ? null : Number(row.instructor_id),
        },
        steps: steps.map((step) => [measureNumber(step.measure), step.day, step.enterprises, step.employees]),
      });
    }
    return found;
  }

  /** The ledger's rows of these enterprises. */
  async stored(manager: EntityManager, ids: readonly number[]): Promise<Map<number, Contribution>> {
    const found = new Map<number, Contribution>();
    if (ids.length === 0) return found;
    const rows: Array<{ enterprise_id: number | string; place: string; steps: string }> = await manager.query(
      `SELECT enterprise_id, place, steps FROM coverage_ledger WHERE enterprise_id IN (${placeholders(ids.length)})`,
      [...ids],
    );
    for (const row of rows) {
      found.set(Number(row.enterprise_id), {
        place: JSON.parse(row.place) as CellPlace,
        steps: JSON.parse(row.steps) as Contribution['steps'],
      });
    }
    return found;
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

  private async appendJournal(manager: EntityManager, changes: PlacedStep[]): Promise<void> {
    // Netted per place, measure and day: an enterprise whose headcount changed writes one row
    // per step, not a −old and a +new.
    const net = new Map<string, PlacedStep>();
    for (const change of changes) {
      const key = JSON.stringify([change.place, change.measure, change.day]);
      const sum = net.get(key) ?? { ...change, enterprises: 0, employees: 0 };
      sum.enterprises += change.enterprises;
      sum.employees += change.employees;
      net.set(key, sum);
    }
    const rows = [...net.values()].filter((row) => row.enterprises !== 0 || row.employees !== 0);
    for (let i = 0; i < rows.length; i += 300) {
      const slice = rows.slice(i, i + 300);
      await manager.query(
        `INSERT INTO coverage_journal (unit_path, ownership_type, industry, township, instructor_id, measure, day, enterprises, employees)
         VALUES ${slice.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        slice.flatMap((row) => [
          row.place.unitPath,
          row.place.ownershipType,
          row.place.industry,
          row.place.township,
          row.place.instructorId,
          row.measure,
          row.day,
          row.enterprises,
          row.employees,
        ]),
      );
    }
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

export interface JournalRow {
  id: number | string;
  unit_path: string;
  ownership_type: string;
  industry: string;
  township: string;
  instructor_id: number | string | null;
  measure: number | string;
  day: string;
  enterprises: number | string;
  employees: number | string;
}

export function journalStep(row: JournalRow): PlacedStep {
  return {
    place: {
      unitPath: row.unit_path,
      ownershipType: row.ownership_type,
      industry: row.industry,
      township: row.township,
      instructorId: row.instructor_id === null ? null : Number(row.instructor_id),
    },
    measure: Number(row.measure),
    day: row.day,
    enterprises: Number(row.enterprises),
    employees: Number(row.employees),
  };
}

function placed(contribution: Contribution, sign: 1 | -1): PlacedStep[] {
  return contribution.steps.map(([measure, day, enterprises, employees]) => ({
    place: contribution.place,
    measure,
    day,
    enterprises: sign * enterprises,
    employees: sign * employees,
  }));
}

export type { CellDelta };
