/**
 * How a date of the workflow reads against today, as the reminder e-mail words it: a time limit
 * is "N days left" or "N days overdue"; a stalled round says how long nothing was recorded and an
 * open renewal window how long it has been open: states, not lateness.
 */

export type Tone = 'danger' | 'warning' | 'info';

export interface DueStatus {
  /** The i18n key under `negotiation.due`. */
  key: 'overdue' | 'today' | 'left' | 'stalled' | 'opened';
  n: number;
  tone: Tone;
}

const SOON_DAYS = 7;

/** `stalledAfterDays` (from the rule set) turns a stalled warning's date into days without news. */
export function dueStatus(
  kind: string,
  daysLeft: number | null,
  stalledAfterDays: number | null,
): DueStatus | null {
  if (daysLeft === null) return null;
  if (kind === 'stalled' && daysLeft <= 0) {
    return stalledAfterDays === null
      ? null
      : { key: 'stalled', n: stalledAfterDays - daysLeft, tone: 'warning' };
  }
  if (kind === 'renewal_window_opens' && daysLeft <= 0) return { key: 'opened', n: -daysLeft, tone: 'info' };
  if (daysLeft < 0) return { key: 'overdue', n: -daysLeft, tone: 'danger' };
  if (daysLeft === 0) return { key: 'today', n: 0, tone: 'warning' };
  return { key: 'left', n: daysLeft, tone: daysLeft <= SOON_DAYS ? 'warning' : 'info' };
}
