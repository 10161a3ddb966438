import { api } from './client';

/** The signed-in instructor's agenda: the items of their reminder digest, as of today. */

export const AGENDA_KINDS = [
  'offer_reply',
  'submission_for_review',
  'review_period_end',
  'publication',
  'suspension_resume',
  'renewal_window_opens',
  'expiry',
  'stalled',
  'uncovered',
] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

export interface AgendaItem {
  kind: AgendaKind;
  /** Null for `uncovered`: an enterprise with no valid agreement and no negotiation. */
  negotiationId: number | null;
  /** The enterprise's name, or the first two and a count for a regional agreement. */
  enterprise: string;
  /** The same enterprises one by one, with what tells same-named ones apart. */
  enterprises: Array<{ id: number; name: string; creditCode: string; township: string }>;
  dueOn: string | null;
  daysLeft: number | null;
  overdue: boolean;
  rule: string;
  /** The same rule as Chinese cites it. */
  ruleZh: string;
}

export interface Agenda {
  /** The business date the items were computed for. */
  today: string;
  items: AgendaItem[];
}

export const fetchAgenda = () => api.get<Agenda>('/me/agenda');
