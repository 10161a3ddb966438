import { api } from './client';
import type { Page } from './types';

export const REMINDER_STATUSES = ['pending', 'failed', 'parked', 'sent'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

export interface Reminder {
  id: number;
  recipientId: number;
  recipientEmail: string;
  slotKind: 'instructor_digest' | 'supervisor_summary';
  slotDate: string;
  dedupeKey: string;
  subject: string;
  status: ReminderStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
}

export const fetchReminders = (status: ReminderStatus, page: number, pageSize: number) =>
  api.get<Page<Reminder>>('/reminders', { status, page, pageSize });

/** Puts a failed or parked reminder back in the queue (admin). */
export const retryReminder = (id: number) => api.post<Reminder>(`/reminders/${id}/retry`);

/** Builds today's digests and summaries now (admin); those built already are not built again. */
export const runReminders = () => api.post<{ queued: number }>('/reminders/run');
