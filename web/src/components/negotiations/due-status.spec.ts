import { describe, expect, it } from 'vitest';
import { dueStatus } from './due-status';

const due = (kind: string, daysLeft: number | null, overdue = false) => ({ kind, daysLeft, overdue });

describe('dueStatus', () => {
  it('reads a time limit as days left, due today or, as the API says, overdue', () => {
    expect(dueStatus(due('offer_reply', 12), 30)).toEqual({ key: 'left', n: 12, tone: 'info' });
    expect(dueStatus(due('offer_reply', 7), 30)).toEqual({ key: 'left', n: 7, tone: 'warning' });
    expect(dueStatus(due('publication', 0), 30)).toEqual({ key: 'today', n: 0, tone: 'warning' });
    expect(dueStatus(due('submission_for_review', -9, true), 30)).toEqual({
      key: 'overdue',
      n: 9,
      tone: 'danger',
    });
  });

  it('reads a stalled round as the days since its last event, an open renewal window as how long it is open', () => {
    expect(dueStatus(due('stalled', -24), 30)).toEqual({ key: 'stalled', n: 54, tone: 'warning' });
    expect(dueStatus(due('stalled', 0), 30)).toEqual({ key: 'stalled', n: 30, tone: 'warning' });
    expect(dueStatus(due('stalled', 5), 30)).toEqual({ key: 'left', n: 5, tone: 'warning' });
    expect(dueStatus(due('stalled', -24), null)).toBeNull();
    expect(dueStatus(due('renewal_window_opens', -6), 30)).toEqual({ key: 'opened', n: 6, tone: 'info' });
  });

  it('reads a renewal window’s opening as a start, not a deadline: opens in N days, today, open for N days', () => {
    expect(dueStatus(due('renewal_window_opens', 271), 30)).toEqual({ key: 'opensIn', n: 271, tone: 'info' });
    expect(dueStatus(due('renewal_window_opens', 6), 30)).toEqual({ key: 'opensIn', n: 6, tone: 'info' });
    expect(dueStatus(due('renewal_window_opens', 0), 30)).toEqual({ key: 'opensToday', n: 0, tone: 'info' });
    expect(dueStatus(due('renewal_window_opens', -6), 30)).toEqual({ key: 'opened', n: 6, tone: 'info' });
  });

  it('has nothing to say without a date', () => {
    expect(dueStatus(due('uncovered', null), 30)).toBeNull();
  });
});
