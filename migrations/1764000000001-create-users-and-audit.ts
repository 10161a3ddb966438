import { MigrationInterface, QueryRunner, Table, TableForeignKey } from 'typeorm';
import { timestampColumns } from '../src/database/timestamp-columns';

export class CreateUsersAndAudit1764000000001 implements MigrationInterface {
  name = 'CreateUsersAndAudit1764000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const [createdAt] = timestampColumns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'username', type: 'varchar', length: '32' },
          { name: 'display_name', type: 'varchar', length: '100' },
          { name: 'email', type: 'varchar', length: '254', isNullable: true },
          { name: 'role', type: 'varchar', length: '20' },
          { name: 'language', type: 'varchar', length: '10' },
          { name: 'digest_opt_out', type: 'boolean' },
          { name: 'active', type: 'boolean' },
          { name: 'password_hash', type: 'varchar', length: '255' },
          { name: 'token_version', type: 'integer' },
          ...timestampColumns(queryRunner),
        ],
        indices: [{ name: 'UQ_users_username', columnNames: ['username'], isUnique: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'audit_entries',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { ...createdAt, name: 'at' },
          { name: 'actor_id', type: 'integer', isNullable: true },
          { name: 'action', type: 'varchar', length: '64' },
          { name: 'entity_type', type: 'varchar', length: '20' },
          { name: 'entity_id', type: 'varchar', length: '64' },
          { name: 'changes', type: 'text', isNullable: true },
          { name: 'ip', type: 'varchar', length: '64', isNullable: true },
        ],
        indices: [
          { name: 'IDX_audit_entity', columnNames: ['entity_type', 'entity_id'] },
          { name: 'IDX_audit_at', columnNames: ['at'] },
          { name: 'IDX_audit_actor_id', columnNames: ['actor_id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'login_failures',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'username', type: 'varchar', length: '64' },
          { name: 'ip', type: 'varchar', length: '64' },
          { ...createdAt, name: 'at' },
        ],
        indices: [{ name: 'IDX_login_failures_username_ip', columnNames: ['username', 'ip'] }],
      }),
    );
    await queryRunner.createForeignKey(
      'enterprises',
      new TableForeignKey({
        name: 'FK_enterprises_instructor',
        columnNames: ['instructor_id'],
        referencedTableName: 'users',
        referencedColumnNames: ['id'],
        onDelete: 'SET NULL',
        onUpdate: 'NO ACTION',
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropForeignKey('enterprises', 'FK_enterprises_instructor');
    await queryRunner.dropTable('login_failures');
    await queryRunner.dropTable('audit_entries');
    await queryRunner.dropTable('users');
  }
}
