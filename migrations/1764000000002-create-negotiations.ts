import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { timestampColumns } from '../src/database/timestamp-columns';

const id = {
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment' as const,
};

export class CreateNegotiations1764000000002 implements MigrationInterface {
  name = 'CreateNegotiations1764000000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    const [createdAt] = timestampColumns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'negotiations',
        columns: [
          id,
          { name: 'agreement_kind', type: 'varchar', length: '20' },
          { name: 'scope', type: 'varchar', length: '20' },
          { name: 'title', type: 'varchar', length: '200', isNullable: true },
          { name: 'stage', type: 'varchar', length: '20' },
          { name: 'state', type: 'varchar', length: '60' },
          { name: 'snapshot', type: 'text' },
          { name: 'machine_version', type: 'integer' },
          { name: 'rule_set_version', type: 'varchar', length: '40' },
          { name: 'version', type: 'integer' },
          { name: 'renews_id', type: 'integer', isNullable: true },
          { name: 'created_on', type: 'date' },
          { name: 'created_by', type: 'integer', isNullable: true },
          { name: 'historical', type: 'boolean' },
          ...timestampColumns(queryRunner),
        ],
        indices: [{ name: 'IDX_negotiations_stage', columnNames: ['stage'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'negotiation_enterprises',
        columns: [
          { name: 'negotiation_id', type: 'integer', isPrimary: true },
          { name: 'enterprise_id', type: 'integer', isPrimary: true },
        ],
        indices: [{ name: 'IDX_negotiation_enterprises_enterprise_id', columnNames: ['enterprise_id'] }],
        foreignKeys: [
          {
            name: 'FK_negotiation_enterprises_negotiation',
            columnNames: ['negotiation_id'],
            referencedTableName: 'negotiations',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'NO ACTION',
          },
          {
            name: 'FK_negotiation_enterprises_enterprise',
            columnNames: ['enterprise_id'],
            referencedTableName: 'enterprises',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
            onUpdate: 'NO ACTION',
          },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'negotiation_events',
        columns: [
          id,
          { name: 'negotiation_id', type: 'integer' },
          { name: 'seq', type: 'integer' },
          { name: 'type', type: 'varchar', length: '40' },
          { name: 'occurred_on', type: 'date' },
          { ...createdAt, name: 'recorded_at' },
          { name: 'actor_id', type: 'integer', isNullable: true },
          { name: 'from_stage', type: 'varchar', length: '20' },
          { name: 'to_stage', type: 'varchar', length: '20' },
          { name: 'payload', type: 'text' },
        ],
        indices: [
          { name: 'UQ_negotiation_events_seq', columnNames: ['negotiation_id', 'seq'], isUnique: true },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'deadlines',
        columns: [
          id,
          { name: 'negotiation_id', type: 'integer' },
          { name: 'kind', type: 'varchar', length: '40' },
          { name: 'due_on', type: 'date' },
          { name: 'action', type: 'varchar', length: '10' },
          { name: 'event', type: 'varchar', length: '40', isNullable: true },
          { name: 'rule', type: 'varchar', length: '200' },
          { name: 'failed_reason', type: 'varchar', length: '500', isNullable: true },
        ],
        indices: [
          { name: 'IDX_deadlines_due', columnNames: ['action', 'due_on'] },
          { name: 'IDX_deadlines_negotiation_id', columnNames: ['negotiation_id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'agreements',
        columns: [
          id,
          { name: 'negotiation_id', type: 'integer' },
          { name: 'agreement_kind', type: 'varchar', length: '20' },
          { name: 'scope', type: 'varchar', length: '20' },
          { name: 'signed_on', type: 'date' },
          { name: 'effective_on', type: 'date', isNullable: true },
          { name: 'expires_on', type: 'date' },
          { name: 'terminated_on', type: 'date', isNullable: true },
          { name: 'term_months', type: 'integer' },
          { name: 'covered_employees', type: 'integer' },
          { name: 'wage_increase_pct', type: 'double', isNullable: true },
          { name: 'minimum_wage', type: 'integer', isNullable: true },
          { name: 'set_aside_on', type: 'date', isNullable: true },
        ],
        indices: [
          { name: 'IDX_agreements_negotiation_id', columnNames: ['negotiation_id'] },
          { name: 'IDX_agreements_kind_dates', columnNames: ['agreement_kind', 'signed_on', 'expires_on'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'agreements',
      'deadlines',
      'negotiation_events',
      'negotiation_enterprises',
      'negotiations',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
