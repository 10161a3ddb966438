import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { CHARACTER_SET, COLLATION } from '../src/database/charset';
import { CoverageLedger } from '../src/reports/aggregates/coverage-ledger';

/**
 * The report aggregates' series made dense (docs/architecture.md, "Report aggregates"), so that a
 * date's running totals are one period's rows: `coverage_horizons` holds, per cell unit and
 * dimension, the latest year of its `y` series, up to which every value of it has a row for each
 * year from 2000 on; and the aggregates are rebuilt from the base tables as they stand (the same
 * as `npm run cli -- reports:rebuild`; at 1,000,000 enterprises, minutes: docs/benchmarks.md).
 *
 * The rebuild runs here, in the latest migration that changes the aggregates' tables (it writes
 * them all); a later migration that changes them moves it there.
 */
export class DenseReportAggregates1764000000015 implements MigrationInterface {
  name = 'DenseReportAggregates1764000000015';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'coverage_horizons',
        columns: [
          { name: 'unit_id', type: 'integer', isPrimary: true },
          { name: 'dim', type: 'varchar', length: '3', isPrimary: true },
          { name: 'year', type: 'varchar', length: '4' },
          // Counts the folds that wrote the unit and dimension: each changes the row, so that two
          // folds of it on two Galera nodes conflict (a row rewritten unchanged is not replicated).
          { name: 'folds', type: 'integer', default: 0 },
        ],
      }),
    );
    if (queryRunner.connection.options.type !== 'better-sqlite3') {
      await queryRunner.query(
        `ALTER TABLE coverage_horizons CONVERT TO CHARACTER SET ${CHARACTER_SET} COLLATE ${COLLATION}`,
      );
    }
    await new CoverageLedger(queryRunner.connection).rebuild(queryRunner.manager);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('coverage_horizons');
  }
}
