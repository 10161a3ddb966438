import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { timestampColumns } from '../src/database/timestamp-columns';

export class CreateEnterprises1764000000000 implements MigrationInterface {
  name = 'CreateEnterprises1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'enterprises',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'credit_code', type: 'varchar', length: '18' },
          { name: 'ownership_type', type: 'varchar', length: '20' },
          { name: 'township', type: 'varchar', length: '100' },
          { name: 'community', type: 'varchar', length: '100', isNullable: true },
          { name: 'industry', type: 'varchar', length: '1' },
          { name: 'employee_count', type: 'integer' },
          { name: 'union_founded_on', type: 'date', isNullable: true },
          { name: 'instructor_id', type: 'integer', isNullable: true },
          { name: 'registered_on', type: 'date', isNullable: true },
          { name: 'closed_on', type: 'date', isNullable: true },
          ...timestampColumns(queryRunner),
        ],
        indices: [
          { name: 'UQ_enterprises_credit_code', columnNames: ['credit_code'], isUnique: true },
          { name: 'IDX_enterprises_ownership_type', columnNames: ['ownership_type'] },
          { name: 'IDX_enterprises_township', columnNames: ['township'] },
          { name: 'IDX_enterprises_instructor_id', columnNames: ['instructor_id'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('enterprises');
  }
}
