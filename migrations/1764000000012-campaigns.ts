import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { timestampColumns } from '../src/database/timestamp-columns';

const id = {
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment' as const,
};

/**
 * Offer campaigns (集中要约行动, docs/domain.md, Offer campaigns): a campaign and the target
 * enterprises it froze when it started, one item each, claimed in batches with lease rows
 * (src/database/work-lease.ts) and marked opened in the transaction that opens the negotiation.
 */
export class Campaigns1764000000012 implements MigrationInterface {
  name = 'Campaigns1764000000012';

  async up(queryRunner: QueryRunner): Promise<void> {
    const [createdAt, updatedAt] = timestampColumns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'campaigns',
        columns: [
          id,
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'agreement_kind', type: 'varchar', length: '20' },
          { name: 'offer_on', type: 'date' },
          { name: 'filter', type: 'text' },
          { name: 'unit_id', type: 'integer', isNullable: true },
          { name: 'status', type: 'varchar', length: '10' },
          { name: 'eligible', type: 'integer' },
          { name: 'excluded', type: 'text' },
          { name: 'base_at_start', type: 'integer' },
          { name: 'covered_at_start', type: 'integer' },
          { name: 'created_by', type: 'integer', isNullable: true },
          { name: 'finished_at', type: 'datetime', isNullable: true },
          { name: 'failed_reason', type: 'varchar', length: '500', isNullable: true },
          createdAt,
          updatedAt,
        ],
        indices: [{ name: 'IDX_campaigns_status', columnNames: ['status'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'campaign_items',
        columns: [
          id,
          { name: 'campaign_id', type: 'integer' },
          { name: 'enterprise_id', type: 'integer' },
          { name: 'status', type: 'varchar', length: '10' },
          { name: 'negotiation_id', type: 'integer', isNullable: true },
          { name: 'reason', type: 'varchar', length: '30', isNullable: true },
          { name: 'lease_owner', type: 'varchar', length: '100', isNullable: true },
          { name: 'lease_until', type: 'datetime', isNullable: true },
        ],
        indices: [
          {
            name: 'UQ_campaign_items_enterprise',
            columnNames: ['campaign_id', 'enterprise_id'],
            isUnique: true,
          },
          { name: 'IDX_campaign_items_status', columnNames: ['campaign_id', 'status'] },
          { name: 'IDX_campaign_items_negotiation_id', columnNames: ['negotiation_id'] },
        ],
        foreignKeys: [
          {
            name: 'FK_campaign_items_campaign',
            columnNames: ['campaign_id'],
            referencedTableName: 'campaigns',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'NO ACTION',
          },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('campaign_items');
    await queryRunner.dropTable('campaigns');
  }
}
