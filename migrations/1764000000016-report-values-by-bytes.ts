import { MigrationInterface, QueryRunner } from 'typeorm';
import { CHARACTER_SET, COLLATION } from '../src/database/charset';

/** The collation that compares text by its bytes (SQLite's way, and the reader's maps'). */
const BY_BYTES = `${CHARACTER_SET}_bin`;

/**
 * A report value (`coverage_cells.val`: an ownership type, an industry, a township name, an
 * instructor, a child unit) compares by its bytes on MySQL/MariaDB, as on SQLite and in the
 * app's maps, and as the days are grouped (docs/architecture.md, "Report aggregates"). Under
 * the tables' utf8mb4_unicode_ci two township names equal but for case, accents, trailing
 * spaces or a character outside the Basic Multilingual Plane (some rare characters of Chinese
 * place names: that collation weighs them all alike) would share one cell row while the days
 * keep them apart. No rebuild here (1764000000017, the latest migration that changes the
 * aggregates' tables, rebuilds them; until it runs, a pair merged before stays merged). MySQL/MariaDB copy the table to change a key column: at
 * 1,000,000 enterprises (3.35 million rows) see docs/deployment.md. SQLite compares by bytes
 * already: nothing to do there.
 */
export class ReportValuesByBytes1764000000016 implements MigrationInterface {
  name = 'ReportValuesByBytes1764000000016';

  async up(queryRunner: QueryRunner): Promise<void> {
    await this.valCollation(queryRunner, BY_BYTES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.valCollation(queryRunner, COLLATION);
  }

  private async valCollation(queryRunner: QueryRunner, collation: string): Promise<void> {
    if (queryRunner.connection.options.type === 'better-sqlite3') return;
    await queryRunner.query(
      `ALTER TABLE coverage_cells MODIFY val varchar(100) CHARACTER SET ${CHARACTER_SET} COLLATE ${collation} NOT NULL`,
    );
  }
}
