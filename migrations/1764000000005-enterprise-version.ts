import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * Optimistic locking for enterprise edits (issue 14 item 10): `version` starts at 1, for the
 * rows that exist now as for new ones, and every write of an enterprise adds 1. A PATCH that
 * quotes an older version is refused with 409 instead of silently overwriting.
 */
export class EnterpriseVersion1764000000005 implements MigrationInterface {
  name = 'EnterpriseVersion1764000000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'enterprises',
      new TableColumn({ name: 'version', type: 'integer', default: 1, isNullable: false }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('enterprises', 'version');
  }
}
