import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { CoverageLedger } from '../src/reports/aggregates/coverage-ledger';
import { CHARACTER_SET, COLLATION } from '../src/database/charset';

/**
 * The report aggregates (docs/architecture.md, "Report aggregates"): `coverage_ledger`, what they
 * count of each enterprise (its place and dated steps); `coverage_journal`, the changes not yet
 * summed into the cells; `coverage_cells`, per unit × dimension × value × measure, the steps
 * summed by year, month and day. Filled from the base tables as they stand (the same as
 * `npm run cli -- reports:rebuild`).
 */
export class ReportAggregates1764000000014 implements MigrationInterface {
  name = 'ReportAggregates1764000000014';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'coverage_ledger',
        columns: [
          { name: 'enterprise_id', type: 'integer', isPrimary: true },
          { name: 'place', type: 'text' },
          { name: 'steps', type: 'text' },
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
          { name: 'unit_path', type: 'varchar', length: '255' },
          { name: 'ownership_type', type: 'varchar', length: '20' },
          { name: 'industry', type: 'varchar', length: '10' },
          { name: 'township', type: 'varchar', length: '100' },
          { name: 'instructor_id', type: 'integer', isNullable: true },
          { name: 'measure', type: 'integer' },
          { name: 'day', type: 'varchar', length: '10' },
          { name: 'enterprises', type: 'integer' },
          { name: 'employees', type: 'bigint' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'coverage_cells',
        columns: [
          { name: 'unit_id', type: 'integer', isPrimary: true },
          { name: 'dim', type: 'varchar', length: '3', isPrimary: true },
          { name: 'measure', type: 'integer', isPrimary: true },
          { name: 'grain', type: 'varchar', length: '1', isPrimary: true },
          { name: 'bucket', type: 'varchar', length: '10', isPrimary: true },
          { name: 'val', type: 'varchar', length: '100', isPrimary: true },
          { name: 'enterprises', type: 'bigint' },
          { name: 'employees', type: 'bigint' },
        ],
      }),
    );
    if (queryRunner.connection.options.type !== 'better-sqlite3') {
      for (const table of ['coverage_ledger', 'coverage_journal', 'coverage_cells']) {
        await queryRunner.query(
          `ALTER TABLE ${table} CONVERT TO CHARACTER SET ${CHARACTER_SET} COLLATE ${COLLATION}`,
        );
      }
    }
    await new CoverageLedger(queryRunner.connection).rebuild(queryRunner.manager);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('coverage_cells');
    await queryRunner.dropTable('coverage_journal');
    await queryRunner.dropTable('coverage_ledger');
  }
}
