import { MigrationInterface, QueryRunner } from 'typeorm';
import { CHARACTER_SET, COLLATION } from '../src/database/charset';

/**
 * Every table in utf8mb4 on MySQL/MariaDB, whatever the database was created with. The earlier
 * migrations create their tables in the database's default character set, which is latin1 for a
 * plain `CREATE DATABASE` on MariaDB: the first Chinese name then fails to save ("Incorrect
 * string value"). This sets the database's default (so later tables are utf8mb4 too) and
 * converts every table that is not yet in utf8mb4 with the house collation. A database created
 * as the README says is already in it: nothing is converted. SQLite stores text as UTF-8.
 * Nothing to undo: the tables hold the same text either way.
 */
export class Utf8mb41764000000008 implements MigrationInterface {
  name = 'Utf8mb41764000000008';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'better-sqlite3') return;
    await queryRunner.query(`ALTER DATABASE CHARACTER SET ${CHARACTER_SET} COLLATE ${COLLATION}`);
    const tables: Array<{ name: string }> = await queryRunner.query(
      `SELECT TABLE_NAME AS name FROM information_schema.TABLES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'
          AND (TABLE_COLLATION IS NULL OR TABLE_COLLATION <> ?)`,
      [COLLATION],
    );
    for (const { name } of tables) {
      await queryRunner.query(
        `ALTER TABLE \`${name}\` CONVERT TO CHARACTER SET ${CHARACTER_SET} COLLATE ${COLLATION}`,
      );
    }
  }

  async down(): Promise<void> {
    // The text is the same in utf8mb4; converting back could only lose characters.
  }
}
