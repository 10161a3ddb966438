/**
 * How a date of the workflow reads against today, as the reminder e-mail words it: a time limit
 * is "N days left" or, when the API says it is overdue, "N days overdue". A date that has come but
 * is not overdue starts a state (the API never calls those late): a stalled round says how long
 * nothing was recorded, an open renewal window how long it has been open. A renewal window's
 * opening is no deadline either: before it, it says when the window opens ("271 天后开始").
 */

export type Tone = 'danger' | 'warning' | 'info';

export interface DueStatus {
  /** The i18n key under `negotiation.due`. */
  key: 'overdue' | 'today' | 'left' | 'stalled' | 'opened' | 'opensIn' | 'opensToday';
  n: number;
  tone: Tone;
}

/** A date as the API gives it, on a deadline or an agenda item. */
export interface DueDate {
  kind: string;
  daysLeft: number | null;
  overdue: boolean;
}

const SOON_DAYS = 7;

/** `stalledAfterDays` (from the rule set) turns a stalled warning's date into days without news. */
export function dueStatus(
  { kind, daysLeft, overdue }: DueDate,
  stalledAfterDays: number | null,
): DueStatus | null {
  if (daysLeft === null) return null;
  if (overdue) return { key: 'overdue', n: -daysLeft, tone: 'danger' };
  if (kind === 'renewal_window_opens') return renewalWindow(daysLeft);
  if (daysLeft > 0) return { key: 'left', n: daysLeft, tone: daysLeft <= SOON_DAYS ? 'warning' : 'info' };
  if (kind === 'stalled') {
    return stalledAfterDays === null
      ? null
      : { key: 'stalled', n: stalledAfterDays - daysLeft, tone: 'warning' };
  }
  return { key: 'today', n: 0, tone: 'warning' };
}

/** The 3 months before expiry in which renewal may be proposed (集体合同规定第三十八条): a start, not a limit. */
function renewalWindow(daysLeft: number): DueStatus {
  if (daysLeft > 0) return { key: 'opensIn', n: daysLeft, tone: 'info' };
  if (daysLeft === 0) return { key: 'opensToday', n: 0, tone: 'info' };
  return { key: 'opened', n: -daysLeft, tone: 'info' };
}
