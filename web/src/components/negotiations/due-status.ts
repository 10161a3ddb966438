/**
 * How a date of the workflow reads against today, as the reminder e-mail words it: a time limit
 * is "N days left" or "N days overdue"; a stalled warning or an open renewal window is a state
 * that has lasted N days, not lateness.
 */

export type Tone = 'danger' | 'warning' | 'info';

export interface DueStatus {
  /** The i18n key under `negotiation.due`. */
  key: 'overdue' | 'today' | 'left' | 'stalled' | 'opened';
  n: number;
  tone: Tone;
}

const SOON_DAYS = 7;

export function dueStatus(kind: string, daysLeft: number | null): DueStatus | null {
  if (daysLeft === null) return null;
  if (kind === 'stalled' && daysLeft <= 0) return { key: 'stalled', n: -daysLeft, tone: 'warning' };
  if (kind === 'renewal_window_opens' && daysLeft <= 0) return { key: 'opened', n: -daysLeft, tone: 'info' };
  if (daysLeft < 0) return { key: 'overdue', n: -daysLeft, tone: 'danger' };
  if (daysLeft === 0) return { key: 'today', n: 0, tone: 'warning' };
  return { key: 'left', n: daysLeft, tone: daysLeft <= SOON_DAYS ? 'warning' : 'info' };
}
