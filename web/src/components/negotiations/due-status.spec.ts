import { describe, expect, it } from 'vitest';
import { dueStatus } from './due-status';

describe('dueStatus', () => {
  it('reads a time limit as days left, due today or overdue', () => {
    expect(dueStatus('offer_reply', 12)).toEqual({ key: 'left', n: 12, tone: 'info' });
    expect(dueStatus('offer_reply', 7)).toEqual({ key: 'left', n: 7, tone: 'warning' });
    expect(dueStatus('publication', 0)).toEqual({ key: 'today', n: 0, tone: 'warning' });
    expect(dueStatus('submission_for_review', -9)).toEqual({ key: 'overdue', n: 9, tone: 'danger' });
  });

  it('reads a stalled warning and an open renewal window as how long they have lasted', () => {
    expect(dueStatus('stalled', -24)).toEqual({ key: 'stalled', n: 24, tone: 'warning' });
    expect(dueStatus('renewal_window_opens', -6)).toEqual({ key: 'opened', n: 6, tone: 'info' });
    expect(dueStatus('renewal_window_opens', 6)).toEqual({ key: 'left', n: 6, tone: 'warning' });
  });

  it('has nothing to say without a date', () => {
    expect(dueStatus('uncovered', null)).toBeNull();
  });
});
