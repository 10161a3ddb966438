import { describe, expect, it } from 'vitest';
import type { AgendaItem } from '../../api/agenda';
import { groupAgenda } from './agenda-groups';

const item = (kind: AgendaItem['kind'], daysLeft: number | null, overdue = false): AgendaItem => ({
  kind,
  negotiationId: kind === 'uncovered' ? null : 1,
  enterprise: '金八角水泥有限公司',
  enterprises: [{ id: 1, name: '金八角水泥有限公司', creditCode: '91360828MA35F0XK2Q', township: '万安镇' }],
  dueOn: daysLeft === null ? null : '2026-03-05',
  daysLeft,
  overdue,
  rule: '集体合同规定 art. 32',
  ruleZh: '集体合同规定第三十二条',
});

describe('groupAgenda', () => {
  it('puts overdue items first, time limits of the coming week next, and the situations apart', () => {
    const late = item('submission_for_review', -3, true);
    const today = item('offer_reply', 0);
    const inAWeek = item('publication', 7);
    const stalled = item('stalled', -20);
    const window = item('renewal_window_opens', 5);
    const expiring = item('expiry', 40);
    const uncovered = item('uncovered', null);
    expect(groupAgenda([late, today, inAWeek, stalled, window, expiring, uncovered])).toEqual({
      overdue: [late],
      dueThisWeek: [today, inAWeek],
      other: [stalled, window, expiring, uncovered],
    });
  });
});
