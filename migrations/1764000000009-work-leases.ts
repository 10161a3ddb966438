import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * Work is claimed with lease rows (src/database/work-lease.ts): an instance takes a
 * due timer or reminder with an UPDATE that names it `lease_owner` until `lease_until`, and the
 * affected-row count decides who has it. Row locks (`FOR UPDATE SKIP LOCKED`) decided before;
 * on a Galera cluster they are local to a node, so two instances on two nodes took the same
 * row. Reminders had `lease_until` already; deadlines had neither.
 */
export class WorkLeases1764000000009 implements MigrationInterface {
  name = 'WorkLeases1764000000009';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'deadlines',
      new TableColumn({ name: 'lease_owner', type: 'varchar', length: '100', isNullable: true }),
    );
    await queryRunner.addColumn(
      'deadlines',
      new TableColumn({ name: 'lease_until', type: 'datetime', isNullable: true }),
    );
    await queryRunner.addColumn(
      'reminders',
      new TableColumn({ name: 'lease_owner', type: 'varchar', length: '100', isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('reminders', 'lease_owner');
    await queryRunner.dropColumn('deadlines', 'lease_until');
    await queryRunner.dropColumn('deadlines', 'lease_owner');
  }
}
