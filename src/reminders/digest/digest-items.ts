import { DEADLINE_KINDS } from '@wagetrack/shared';
import { addDays, type BusinessDate, daysBetween } from '../../common/dates/business-date';
import { isOverdue } from '../../negotiations/workflow/deadlines';

/**
 * What an instructor's digest lists (docs/domain.md, Reminders): the deadlines of their
 * negotiations due within the horizon or overdue, agreements expiring soon, negotiations
 * stalled, and their unionised enterprises with no valid agreement. Pure: the database
 * delivers the facts, this decides what is worth an e-mail and in what order.
 */
/** Every deadline kind, in the workflow's order, then the enterprises with no agreement. */
export const DIGEST_KINDS = [...DEADLINE_KINDS, 'uncovered'] as const;
export type DigestKind = (typeof DIGEST_KINDS)[number];

/**
 * An enterprise as the agenda names it: several may share a name (issue 14 item 17), so the
 * credit code and township come with it.
 */
export interface AgendaEnterprise {
  id: number;
  name: string;
  creditCode: string;
  township: string;
}

export interface DeadlineFact {
  negotiationId: number;
  kind: string;
  dueOn: BusinessDate;
  rule: string;
  /** The instructor's enterprises the negotiation covers. */
  enterprises: AgendaEnterprise[];
  /** The offer campaign (集中要约行动) that opened the negotiation, by name, if one did. */
  campaign?: string | null;
  /** The working-day calendar lacked the year: the date is counted in calendar days. */
  calendarMissing?: boolean;
}

export interface UncoveredFact extends AgendaEnterprise {
  employeeCount: number;
}

export interface DigestItem {
  kind: DigestKind;
  negotiationId: number | null;
  /** The enterprises' names (the first two and a count for a regional round): the e-mail's words. */
  enterprise: string;
  /** The same enterprises one by one, with what tells them apart. */
  enterprises: AgendaEnterprise[];
  dueOn: BusinessDate | null;
  /** Days from today to dueOn: negative when overdue, null for an uncovered enterprise. */
  daysLeft: number | null;
  overdue: boolean;
  rule: string;
  /** The offer campaign that opened the negotiation (present only when one did). */
  campaign?: string;
  /** Present (true) when the working-day calendar lacked the year: counted in calendar days. */
  calendarMissing?: boolean;
}

export interface DigestHorizons {
  /** Deadlines due within this many days are listed (issue 6: 7). */
  dueWithinDays: number;
  /** Agreements expiring within this many days are listed (issue 6: 90). */
  expiringWithinDays: number;
}

export const DEFAULT_HORIZONS: DigestHorizons = { dueWithinDays: 7, expiringWithinDays: 90 };

/** The signing-rate target behind the "no valid agreement" items (docs/domain.md, Signing rate). */
export const UNCOVERED_RULE = '县总工会签订率目标（已建会企业普遍签订工资集体协议）';

export function digestItems(
  deadlines: readonly DeadlineFact[],
  uncovered: readonly UncoveredFact[],
  today: BusinessDate,
  horizons: DigestHorizons = DEFAULT_HORIZONS,
): DigestItem[] {
  const items: DigestItem[] = [];
  for (const fact of deadlines) {
    if (!isDigestKind(fact.kind) || !isListed(fact, today, horizons)) continue;
    const daysLeft = daysBetween(today, fact.dueOn);
    items.push({
      kind: fact.kind,
      negotiationId: fact.negotiationId,
      enterprise: enterpriseLabel(fact.enterprises.map((enterprise) => enterprise.name)),
      enterprises: fact.enterprises,
      dueOn: fact.dueOn,
      daysLeft,
      // A stalled warning or an open renewal window is a state, not lateness.
      overdue: isOverdue(fact, today),
      rule: fact.rule,
      ...(fact.campaign ? { campaign: fact.campaign } : {}),
      ...(fact.calendarMissing ? { calendarMissing: true } : {}),
    });
  }
  for (const { employeeCount: _size, ...enterprise } of uncovered) {
    items.push({
      kind: 'uncovered',
      negotiationId: null,
      enterprise: enterprise.name,
      enterprises: [enterprise],
      dueOn: null,
      daysLeft: null,
      overdue: false,
      rule: UNCOVERED_RULE,
    });
  }
  return items.sort(byKindThenDate);
}

function isListed(fact: DeadlineFact, today: BusinessDate, horizons: DigestHorizons): boolean {
  if (fact.kind === 'stalled') return fact.dueOn <= today;
  if (fact.kind === 'expiry')
    return fact.dueOn > today && fact.dueOn <= addDays(today, horizons.expiringWithinDays);
  return fact.dueOn <= addDays(today, horizons.dueWithinDays);
}

function isDigestKind(kind: string): kind is Exclude<DigestKind, 'uncovered'> {
  return (DIGEST_KINDS as readonly string[]).includes(kind) && kind !== 'uncovered';
}

function enterpriseLabel(names: readonly string[]): string {
  if (names.length <= 2) return names.join('、');
  return `${names.slice(0, 2).join('、')} 等 ${names.length} 家`;
}

function byKindThenDate(a: DigestItem, b: DigestItem): number {
  const kind = DIGEST_KINDS.indexOf(a.kind) - DIGEST_KINDS.indexOf(b.kind);
  if (kind !== 0) return kind;
  return (a.dueOn ?? '').localeCompare(b.dueOn ?? '') || a.enterprise.localeCompare(b.enterprise);
}

export interface DigestCounts {
  overdue: number;
  dueSoon: number;
  uncovered: number;
  total: number;
}

export function digestCounts(items: readonly DigestItem[]): DigestCounts {
  const uncovered = items.filter((item) => item.kind === 'uncovered').length;
  const overdue = items.filter((item) => item.overdue).length;
  return { overdue, dueSoon: items.length - uncovered - overdue, uncovered, total: items.length };
}
