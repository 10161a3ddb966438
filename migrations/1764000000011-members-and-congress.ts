import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { CHARACTER_SET, COLLATION } from '../src/database/charset';

/**
 * Enterprises gain `member_count` (会员人数) and `workers_congress_on` (职代会建立日期), both
 * empty for the enterprises stored before, and the history of the member count,
 * `enterprise_member_changes`: one row per write that sets or changes an enterprise's count,
 * with the day it was recorded, the new count and its increase (members added in a period are
 * the increases recorded in it: docs/domain.md, Wave 2: definitions). Existing counts do not
 * exist, so there is no history to fill in.
 *
 * The columns by plain ALTER TABLE: on SQLite, TypeORM's addColumn rebuilds the table and loses
 * the descending gap-list index (1764000000007). The new table's default character set is named
 * on MySQL/MariaDB, as 1764000000008 set it for the database: it holds no text today, but a
 * column added later must not fall back to a latin1 default.
 */
export class MembersAndCongress1764000000011 implements MigrationInterface {
  name = 'MembersAndCongress1764000000011';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE enterprises ADD COLUMN member_count integer NULL');
    await queryRunner.query('ALTER TABLE enterprises ADD COLUMN workers_congress_on date NULL');
    await queryRunner.createTable(
      new Table({
        name: 'enterprise_member_changes',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'enterprise_id', type: 'integer' },
          { name: 'recorded_on', type: 'date' },
          { name: 'member_count', type: 'integer' },
          { name: 'increase', type: 'integer' },
        ],
        indices: [
          {
            name: 'IDX_enterprise_member_changes_recorded_on',
            columnNames: ['recorded_on', 'enterprise_id'],
          },
          { name: 'IDX_enterprise_member_changes_enterprise_id', columnNames: ['enterprise_id'] },
        ],
        foreignKeys: [
          {
            name: 'FK_enterprise_member_changes_enterprise',
            columnNames: ['enterprise_id'],
            referencedTableName: 'enterprises',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'NO ACTION',
          },
        ],
      }),
    );
    if (queryRunner.connection.options.type !== 'better-sqlite3') {
      await queryRunner.query(
        `ALTER TABLE enterprise_member_changes CONVERT TO CHARACTER SET ${CHARACTER_SET} COLLATE ${COLLATION}`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('enterprise_member_changes');
    await queryRunner.query('ALTER TABLE enterprises DROP COLUMN workers_congress_on');
    await queryRunner.query('ALTER TABLE enterprises DROP COLUMN member_count');
  }
}
