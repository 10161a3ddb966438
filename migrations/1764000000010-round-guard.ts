import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `enterprises.rounds_opened`: how many negotiations have been opened for the enterprise, counted
 * by the transaction that opens one. That write is what keeps two requests from opening two
 * rounds of one kind for one enterprise at once: on one server it queues the second behind the
 * first, as the row lock it replaces did; on a Galera cluster, where a lock is local to a node,
 * two such writes through two nodes conflict at commit and the loser is retried, then sees the
 * round the winner opened (409). Existing enterprises start at 0. Plain ALTER TABLE: on SQLite,
 * TypeORM's addColumn rebuilds the table and loses the descending gap-list index (1764000000007).
 */
export class RoundGuard1764000000010 implements MigrationInterface {
  name = 'RoundGuard1764000000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE enterprises ADD COLUMN rounds_opened integer NOT NULL DEFAULT 0');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE enterprises DROP COLUMN rounds_opened');
  }
}
