import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { CHARACTER_SET, COLLATION } from '../src/database/charset';
import { CoverageLedger } from '../src/reports/aggregates/coverage-ledger';
import { COUNT_COLUMNS } from '../src/reports/aggregates/coverage-sql';

/**
 * `coverage_day_cells` (docs/architecture.md, "Report aggregates"): per cell of the deployment
 * and of each root in a dimension of few values (one; ownership type; industry; child unit), per
 * day, the change of its counts that day, so that the part of a month a date reads is a row per
 * value and day, not every enterprise's day of the province (which grow with it). Keyed
 * `(unit_id, dim, day, val)`: a date's days of every value are one range of the clustered index
 * on MySQL/MariaDB; `val` compares by its bytes there, as `coverage_cells.val` (1764000000016).
 *
 * The aggregates are then rebuilt from the base tables as they stand (the same as
 * `npm run cli -- reports:rebuild`; at 1,000,000 enterprises, minutes: docs/benchmarks.md).
 * The rebuild runs here, in the latest migration that changes the aggregates' tables (it writes
 * them all); a later migration that changes them moves it there.
 */
export class ReportDayCells1764000000017 implements MigrationInterface {
  name = 'ReportDayCells1764000000017';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'coverage_day_cells',
        columns: [
          { name: 'unit_id', type: 'integer', isPrimary: true },
          { name: 'dim', type: 'varchar', length: '3', isPrimary: true },
          { name: 'day', type: 'varchar', length: '10', isPrimary: true },
          { name: 'val', type: 'varchar', length: '100', isPrimary: true },
          ...COUNT_COLUMNS.map((column) => ({ name: column, type: 'bigint', default: 0 })),
        ],
      }),
      true, // kept from a run whose rebuild failed: run the migrations again
    );
    if (queryRunner.connection.options.type !== 'better-sqlite3') {
      await queryRunner.query(
        `ALTER TABLE coverage_day_cells CONVERT TO CHARACTER SET ${CHARACTER_SET} COLLATE ${COLLATION}`,
      );
      await queryRunner.query(
        `ALTER TABLE coverage_day_cells MODIFY val varchar(100) CHARACTER SET ${CHARACTER_SET} COLLATE ${CHARACTER_SET}_bin NOT NULL`,
      );
    }
    await new CoverageLedger(queryRunner.connection).rebuild(queryRunner.manager);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('coverage_day_cells');
  }
}
