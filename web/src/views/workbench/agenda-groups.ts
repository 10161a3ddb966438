import type { AgendaItem } from '../../api/agenda';

export interface AgendaGroups {
  overdue: AgendaItem[];
  dueThisWeek: AgendaItem[];
  /** Renewal windows, expiring agreements, stalled negotiations, uncovered enterprises. */
  other: AgendaItem[];
}

/** Kinds that describe a situation rather than a time limit falling due. */
const SITUATIONS: readonly string[] = ['renewal_window_opens', 'expiry', 'stalled', 'uncovered'];
const WEEK_DAYS = 7;

/** The digest's items in the workbench's three groups, each in the order the API gave. */
export function groupAgenda(items: readonly AgendaItem[]): AgendaGroups {
  const groups: AgendaGroups = { overdue: [], dueThisWeek: [], other: [] };
  for (const item of items) {
    if (item.overdue) groups.overdue.push(item);
    else if (
      !SITUATIONS.includes(item.kind) &&
      item.daysLeft !== null &&
      item.daysLeft >= 0 &&
      item.daysLeft <= WEEK_DAYS
    )
      groups.dueThisWeek.push(item);
    else groups.other.push(item);
  }
  return groups;
}
