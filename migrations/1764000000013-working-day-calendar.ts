import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { CHARACTER_SET, COLLATION } from '../src/database/charset';

/**
 * The official working-day calendar (README, "The working-day calendar"): `calendar_years`, one
 * row per year with its holidays and 调休 working weekend days (JSON arrays of dates), where
 * they came from (`source`: the npm package and version that seeded it, or `admin`) and who
 * replaced it when. The app seeds the years the package knows on start-up.
 *
 * Deadlines gain how they were counted (`unit`: calendar or workday) and `calendar_missing`
 * (the year was not in the calendar); the rows stored before were counted in calendar days.
 * The columns by plain ALTER TABLE, as 1764000000011 (SQLite's addColumn rebuilds the table).
 */
export class WorkingDayCalendar1764000000013 implements MigrationInterface {
  name = 'WorkingDayCalendar1764000000013';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'calendar_years',
        columns: [
          { name: 'year', type: 'integer', isPrimary: true },
          { name: 'source', type: 'varchar', length: '100' },
          { name: 'holidays', type: 'text' },
          { name: 'workdays', type: 'text' },
          { name: 'updated_by_id', type: 'integer', isNullable: true },
          { name: 'updated_by_name', type: 'varchar', length: '100', isNullable: true },
          { name: 'updated_at', type: 'datetime', isNullable: true },
        ],
      }),
    );
    if (queryRunner.connection.options.type !== 'better-sqlite3') {
      await queryRunner.query(
        `ALTER TABLE calendar_years CONVERT TO CHARACTER SET ${CHARACTER_SET} COLLATE ${COLLATION}`,
      );
    }
    await queryRunner.query("ALTER TABLE deadlines ADD COLUMN unit varchar(10) NOT NULL DEFAULT 'calendar'");
    await queryRunner.query('ALTER TABLE deadlines ADD COLUMN calendar_missing boolean NOT NULL DEFAULT 0');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE deadlines DROP COLUMN calendar_missing');
    await queryRunner.query('ALTER TABLE deadlines DROP COLUMN unit');
    await queryRunner.dropTable('calendar_years');
  }
}
