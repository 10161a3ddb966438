import { api } from './client';
import type { AnswerOf, QueryOf, Schema } from './schema-types';

export type Reminder = Schema<'ReminderResponse'>;
export type ReminderStatus = Reminder['status'];
export const REMINDER_STATUSES = [
  'pending',
  'failed',
  'parked',
  'sent',
] as const satisfies readonly ReminderStatus[];

export const fetchReminders = (status: ReminderStatus, page: number, pageSize: number) =>
  api.get<AnswerOf<'/reminders'>>('/reminders', { status, page, pageSize } satisfies QueryOf<'/reminders'>);

/** Puts a failed or parked reminder back in the queue (admin). */
export const retryReminder = (id: number) =>
  api.post<AnswerOf<'/reminders/{id}/retry', 'post'>>(`/reminders/${id}/retry`);

/** Builds today's digests and summaries now (admin); those built already are not built again. */
export const runReminders = () => api.post<AnswerOf<'/reminders/run', 'post'>>('/reminders/run');
