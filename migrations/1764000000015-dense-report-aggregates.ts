import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { CHARACTER_SET, COLLATION } from '../src/database/charset';
import { COUNT_COLUMNS } from '../src/reports/aggregates/coverage-sql';

/**
 * `coverage_cells` keyed by period, `(unit_id, dim, grain, bucket, val)`, so that a date's rows
 * (one year's or one month's, every value) are one range of the clustered index on
 * MySQL/MariaDB, not thousands of lookups from a secondary one (a province's 2,926 townships:
 * 21 ms → 3 ms); indexed by value for the fold's reads of some values' series.
 */
function cellsTable(name: string): Table {
  return new Table({
    name,
    columns: [
      { name: 'unit_id', type: 'integer', isPrimary: true },
      { name: 'dim', type: 'varchar', length: '3', isPrimary: true },
      { name: 'grain', type: 'varchar', length: '1', isPrimary: true },
      { name: 'bucket', type: 'varchar', length: '7', isPrimary: true },
      { name: 'val', type: 'varchar', length: '100', isPrimary: true },
      ...COUNT_COLUMNS.map((column) => ({ name: column, type: 'bigint', default: 0 })),
    ],
    indices: [
      new TableIndex({
        name: name === 'coverage_cells' ? 'IDX_coverage_cells_value' : `IDX_${name}_value`,
        columnNames: ['unit_id', 'dim', 'grain', 'val', 'bucket'],
      }),
    ],
  });
}

/**
 * The report aggregates' series made dense (docs/architecture.md, "Report aggregates"), so that a
 * date's running totals are one period's rows: `coverage_horizons` holds, per cell unit and
 * dimension, the latest year of its `y` series, up to which every value of it has a row for each
 * year from 2000 on; `coverage_cells` is made anew keyed by period (below); and the aggregates
 * are rebuilt from the base tables by 1764000000017, the latest migration that changes the
 * aggregates' tables (the rebuild writes them all: it runs in the latest such migration, and a
 * later one moves it there).
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
    await queryRunner.dropTable('coverage_cells');
    await queryRunner.createTable(cellsTable('coverage_cells'));
    if (queryRunner.connection.options.type !== 'better-sqlite3') {
      for (const table of ['coverage_horizons', 'coverage_cells'])
        await queryRunner.query(
          `ALTER TABLE ${table} CONVERT TO CHARACTER SET ${CHARACTER_SET} COLLATE ${COLLATION}`,
        );
    }
  }

  /**
   * Back to 1764000000014's layout, keeping the rows: the dense series are running totals the
   * earlier release reads as well (it takes each value's latest row up to a date).
   */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'coverage_cells_before',
        columns: [
          { name: 'unit_id', type: 'integer', isPrimary: true },
          { name: 'dim', type: 'varchar', length: '3', isPrimary: true },
          { name: 'grain', type: 'varchar', length: '1', isPrimary: true },
          { name: 'val', type: 'varchar', length: '100', isPrimary: true },
          { name: 'bucket', type: 'varchar', length: '7', isPrimary: true },
          ...COUNT_COLUMNS.map((column) => ({ name: column, type: 'bigint', default: 0 })),
        ],
      }),
    );
    if (queryRunner.connection.options.type !== 'better-sqlite3')
      await queryRunner.query(
        `ALTER TABLE coverage_cells_before CONVERT TO CHARACTER SET ${CHARACTER_SET} COLLATE ${COLLATION}`,
      );
    const columns = ['unit_id', 'dim', 'grain', 'val', 'bucket', ...COUNT_COLUMNS].join(', ');
    await queryRunner.query(
      `INSERT INTO coverage_cells_before (${columns}) SELECT ${columns} FROM coverage_cells`,
    );
    await queryRunner.dropTable('coverage_cells');
    await queryRunner.renameTable('coverage_cells_before', 'coverage_cells');
    await queryRunner.createIndex(
      'coverage_cells',
      new TableIndex({
        name: 'IDX_coverage_cells_period',
        columnNames: ['unit_id', 'dim', 'grain', 'bucket', 'val'],
      }),
    );
    await queryRunner.dropTable('coverage_horizons');
  }
}
