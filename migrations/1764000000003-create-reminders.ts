import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { timestampColumns } from '../src/database/timestamp-columns';

export class CreateReminders1764000000003 implements MigrationInterface {
  name = 'CreateReminders1764000000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    const [createdAt] = timestampColumns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'reminders',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'recipient_id', type: 'integer' },
          { name: 'recipient_email', type: 'varchar', length: '254' },
          { name: 'slot_kind', type: 'varchar', length: '30' },
          { name: 'slot_date', type: 'date' },
          { name: 'dedupe_key', type: 'varchar', length: '100' },
          { name: 'subject', type: 'varchar', length: '300' },
          { name: 'text_body', type: 'text' },
          { name: 'html_body', type: 'text' },
          { name: 'status', type: 'varchar', length: '10' },
          { name: 'attempts', type: 'integer' },
          { name: 'next_attempt_at', type: 'datetime' },
          { name: 'lease_until', type: 'datetime', isNullable: true },
          { name: 'last_error', type: 'varchar', length: '1000', isNullable: true },
          { name: 'sent_at', type: 'datetime', isNullable: true },
          createdAt,
        ],
        indices: [
          { name: 'UQ_reminders_dedupe_key', columnNames: ['dedupe_key'], isUnique: true },
          { name: 'IDX_reminders_due', columnNames: ['status', 'next_attempt_at'] },
          { name: 'IDX_reminders_recipient_id', columnNames: ['recipient_id'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('reminders');
  }
}
