import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const SLOT_KINDS = ['instructor_digest', 'supervisor_summary'] as const;
export type SlotKind = (typeof SLOT_KINDS)[number];

/** pending: never tried · failed: a temporary failure, retried later · sent · parked: given up. */
export const REMINDER_STATUSES = ['pending', 'failed', 'sent', 'parked'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

/**
 * The outbox (docs/architecture.md): one e-mail per recipient and slot, written whole before it is
 * sent. The unique dedupe key makes building a slot twice harmless and is the Message-ID.
 */
@Entity({ name: 'reminders' })
@Index('IDX_reminders_due', ['status', 'nextAttemptAt'])
export class Reminder {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Index('IDX_reminders_recipient_id')
  @Column({ name: 'recipient_id', type: 'integer' })
  recipientId!: number;

  @Column({ name: 'recipient_email', type: 'varchar', length: 254 })
  recipientEmail!: string;

  @Column({ name: 'slot_kind', type: 'varchar', length: 30 })
  slotKind!: SlotKind;

  @Column({ name: 'slot_date', type: 'date' })
  slotDate!: string;

  @Index('UQ_reminders_dedupe_key', { unique: true })
  @Column({ name: 'dedupe_key', type: 'varchar', length: 100 })
  dedupeKey!: string;

  @Column({ type: 'varchar', length: 300 })
  subject!: string;

  @Column({ name: 'text_body', type: 'text' })
  textBody!: string;

  @Column({ name: 'html_body', type: 'text' })
  htmlBody!: string;

  @Column({ type: 'varchar', length: 10 })
  status!: ReminderStatus;

  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'datetime' })
  nextAttemptAt!: Date;

  /** A sender holds the row until then; a crashed sender's rows are taken again after it. */
  @Column({ name: 'lease_until', type: 'datetime', nullable: true })
  leaseUntil!: Date | null;

  /** The sender that has claimed the row, until `leaseUntil` (database/work-lease.ts). */
  @Column({ name: 'lease_owner', type: 'varchar', length: 100, nullable: true })
  leaseOwner!: string | null;

  @Column({ name: 'last_error', type: 'varchar', length: 1000, nullable: true })
  lastError!: string | null;

  @Column({ name: 'sent_at', type: 'datetime', nullable: true })
  sentAt!: Date | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
