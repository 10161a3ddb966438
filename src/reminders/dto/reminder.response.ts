import { ApiProperty } from '@nestjs/swagger';
import {
  REMINDER_STATUSES,
  type ReminderStatus,
  SLOT_KINDS,
  type SlotKind,
  type Reminder,
} from '../reminder.entity';

export class ReminderResponse {
  @ApiProperty() id!: number;
  @ApiProperty() recipientId!: number;
  @ApiProperty() recipientEmail!: string;
  @ApiProperty({ enum: SLOT_KINDS }) slotKind!: SlotKind;
  @ApiProperty({ format: 'date' }) slotDate!: string;
  @ApiProperty({ description: 'recipient + slot kind + slot date; also the Message-ID' }) dedupeKey!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ enum: REMINDER_STATUSES }) status!: ReminderStatus;
  @ApiProperty() attempts!: number;
  @ApiProperty({ format: 'date-time' }) nextAttemptAt!: string;
  @ApiProperty({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) sentAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static from(row: Reminder): ReminderResponse {
    return {
      id: row.id,
      recipientId: row.recipientId,
      recipientEmail: row.recipientEmail,
      slotKind: row.slotKind,
      slotDate: row.slotDate,
      dedupeKey: row.dedupeKey,
      subject: row.subject,
      status: row.status,
      attempts: row.attempts,
      nextAttemptAt: row.nextAttemptAt.toISOString(),
      lastError: row.lastError,
      sentAt: row.sentAt ? row.sentAt.toISOString() : null,
      createdAt: row.createdAt.toISOString(),
    };
  }
}

export class ReminderPage {
  @ApiProperty({ type: [ReminderResponse] }) items!: ReminderResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
