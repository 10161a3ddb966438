import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { isMysqlFamily, writeTransaction } from '../../database/transactions';
import { cellDeltas, type PlacedStep } from '../rates/coverage-cells';
import { CoverageLedger, journalStep, type JournalRow } from './coverage-ledger';

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
 * queue of the writers on SQLite), so that writes made meanwhile are not differences. Two checks: each enterprise's ledger
 * row against its steps recomputed from its row and its agreements; every cell (with the journal's
 * rows not yet summed into it) against the same steps summed afresh. The expected cells are held
 * in memory while they are compared.
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
      const expected = new Map<string, { enterprises: number; employees: number }>();
      const addSteps = (steps: PlacedStep[], sign: 1 | -1) => {
        for (const delta of cellDeltas(steps)) {
          const key = cellKey(delta.key);
          const sum = expected.get(key) ?? { enterprises: 0, employees: 0 };
          sum.enterprises += sign * delta.enterprises;
          sum.employees += sign * delta.employees;
          expected.set(key, sum);
        }
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
        const steps: PlacedStep[] = [];
        for (const id of ids) {
          const contribution = should.get(id);
          if (!contribution) continue;
          if (JSON.stringify(contribution) !== JSON.stringify(stored.get(id)))
            differ(
              `enterprise ${id}: the ledger holds ${stored.has(id) ? 'other steps or another place' : 'nothing'}`,
            );
          for (const [measure, day, count, employees] of contribution.steps)
            steps.push({ place: contribution.place, measure, day, enterprises: count, employees });
        }
        addSteps(steps, 1);
      }
      const orphans: Array<{ enterprise_id: number | string }> = await manager.query(
        'SELECT enterprise_id FROM coverage_ledger WHERE enterprise_id NOT IN (SELECT id FROM enterprises)',
      );
      for (const orphan of orphans)
        differ(`enterprise ${orphan.enterprise_id}: in the ledger, not in the registry`);
      // What is stored: the cells, plus the journal's rows not yet summed into them.
      const journal: JournalRow[] = await manager.query(
        'SELECT id, unit_path, ownership_type, industry, township, instructor_id, measure, day, enterprises, employees FROM coverage_journal',
      );
      addSteps(journal.map(journalStep), -1);
      let cells = 0;
      for (;;) {
        const rows: CellRow[] = await manager.query(
          `SELECT unit_id, dim, measure, grain, bucket, val, enterprises, employees FROM coverage_cells
            ORDER BY unit_id, dim, measure, grain, bucket, val LIMIT 10000 OFFSET ${cells}`,
        );
        if (rows.length === 0) break;
        cells += rows.length;
        for (const row of rows) {
          const key = cellKey({
            unitId: Number(row.unit_id),
            dim: row.dim,
            measure: Number(row.measure),
            grain: row.grain,
            bucket: row.bucket,
            val: row.val,
          });
          const sum = expected.get(key) ?? { enterprises: 0, employees: 0 };
          sum.enterprises -= Number(row.enterprises);
          sum.employees -= Number(row.employees);
          expected.set(key, sum);
        }
      }
      for (const [key, sum] of expected) {
        if (sum.enterprises !== 0 || sum.employees !== 0)
          differ(
            `cell ${key.replaceAll('\u0001', ' ')}: ${-sum.enterprises} enterprise(s), ${-sum.employees} employee(s) off`,
          );
      }
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

interface CellRow {
  unit_id: number | string;
  dim: string;
  measure: number | string;
  grain: string;
  bucket: string;
  val: string;
  enterprises: number | string;
  employees: number | string;
}

function cellKey(key: {
  unitId: number;
  dim: string;
  measure: number;
  grain: string;
  bucket: string;
  val: string;
}): string {
  return [key.unitId, key.dim, key.val, key.measure, key.grain, key.bucket].join('\u0001');
}
