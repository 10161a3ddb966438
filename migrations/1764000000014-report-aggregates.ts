import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';
import { COUNT_COLUMNS } from '../src/reports/aggregates/coverage-sql';
import { CHARACTER_SET, COLLATION } from '../src/database/charset';

/** The place of a change: its enterprise's unit path and grouping values. */
const PLACE: TableColumnOptions[] = [
  { name: 'unit_path', type: 'varchar', length: '255' },
  { name: 'ownership_type', type: 'varchar', length: '20' },
  { name: 'industry', type: 'varchar', length: '10' },
  { name: 'township', type: 'varchar', length: '100' },
  { name: 'instructor_id', type: 'integer', isNullable: true },
];

/** A count vector (src/reports/rates/coverage-cells.ts): per measure, enterprises then employees. */
function counts(type: 'integer' | 'bigint'): TableColumnOptions[] {
  return COUNT_COLUMNS.map((name) => ({ name, type, default: 0 }));
}

/**
 * The report aggregates (docs/architecture.md, "Report aggregates"): `coverage_days`, per
 * enterprise and day on which its counts step, the step and the enterprise's place (clustered by
 * day on MySQL/MariaDB, so that a month's days are read as one range); `coverage_journal`, the
 * changes not yet summed into the cells; `coverage_cells`, per unit of the upper levels ×
 * dimension × value, running totals at the end of each year and (since the year's start) of
 * each month in which they changed. Filled by migration 1764000000015, which makes the series
 * dense (the rebuild writes the tables of both).
 */
export class ReportAggregates1764000000014 implements MigrationInterface {
  name = 'ReportAggregates1764000000014';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'coverage_days',
        columns: [
          { name: 'day', type: 'varchar', length: '10', isPrimary: true },
          { name: 'enterprise_id', type: 'integer', isPrimary: true },
          ...PLACE,
          ...counts('integer'),
        ],
        indices: [
          new TableIndex({ name: 'IDX_coverage_days_enterprise', columnNames: ['enterprise_id'] }),
          new TableIndex({ name: 'IDX_coverage_days_unit', columnNames: ['unit_path', 'day'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'coverage_journal',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'day', type: 'varchar', length: '10' },
          ...PLACE,
          ...counts('integer'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'coverage_cells',
        columns: [
          { name: 'unit_id', type: 'integer', isPrimary: true },
          { name: 'dim', type: 'varchar', length: '3', isPrimary: true },
          { name: 'grain', type: 'varchar', length: '1', isPrimary: true },
          { name: 'val', type: 'varchar', length: '100', isPrimary: true },
          { name: 'bucket', type: 'varchar', length: '7', isPrimary: true },
          ...counts('bigint'),
        ],
        // A date's `m` rows are one year's months: by period, they are one short range (by
        // value, as in the key, every month of every year of the dimension would be read).
        indices: [
          new TableIndex({
            name: 'IDX_coverage_cells_period',
            columnNames: ['unit_id', 'dim', 'grain', 'bucket', 'val'],
          }),
        ],
      }),
    );
    if (queryRunner.connection.options.type !== 'better-sqlite3') {
      for (const table of ['coverage_days', 'coverage_journal', 'coverage_cells']) {
        await queryRunner.query(
          `ALTER TABLE ${table} CONVERT TO CHARACTER SET ${CHARACTER_SET} COLLATE ${COLLATION}`,
        );
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('coverage_cells');
    await queryRunner.dropTable('coverage_journal');
    await queryRunner.dropTable('coverage_days');
  }
}
