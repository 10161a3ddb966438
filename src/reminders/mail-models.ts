import type { BusinessDate } from '../common/dates/business-date';
import type { Sector } from '../enterprises/domain/ownership';
import { ruleZh } from '../negotiations/labels-zh';
import type { Language } from '../users/domain/account';
import type { User } from '../users/user.entity';
import {
  type DigestCounts,
  digestCounts,
  type DigestItem,
  DIGEST_KINDS,
  type DigestKind,
} from './digest/digest-items';
import type { MailLabels } from './mail-templates';
import type { SummaryFacts } from './reminder-gatherer';

/**
 * What the templates fill in (`templates/<language>/{digest,summary}.*.hbs`): the gathered
 * facts worded for one recipient, in their language. Pure: no database, no files.
 */

/** Who a mail is written for. */
export type MailRecipient = Pick<User, 'id' | 'email' | 'displayName' | 'language'>;

export interface DigestModel {
  displayName: string;
  /** The recipient's unit, where they have one ('' without: the templates leave it out). */
  unitName: string;
  todayLabel: string;
  counts: DigestCounts;
  sections: {
    kind: DigestKind;
    title: string;
    items: {
      enterprise: string;
      dueLabel: string;
      when: string;
      rule: string;
      overdue: boolean;
      /** The offer campaign that opened the round ('' for none: the templates leave it out). */
      campaign: string;
    }[];
  }[];
}

export interface SummaryModel {
  displayName: string;
  /** The unit summarised: its name (the whole deployment's label without one). */
  unitName: string;
  todayLabel: string;
  sectors: {
    label: string;
    enterprises: number;
    covered: number;
    ratePct: string;
    targetPct: string;
    meets: boolean;
    shortBy: number | '';
  }[];
  total: SummaryFacts['rates']['total'];
  totalRatePct: string;
  instructors: { name: string; overdue: number; stalled: number }[];
  overdueTotal: number;
  stalledTotal: number;
  gaps: { name: string; sector: string; township: string; employeeCount: number; instructor: string }[];
}

/** An instructor's digest: the items by kind, in the order of DIGEST_KINDS, empty kinds left out. */
export function digestModel(
  recipient: MailRecipient,
  items: readonly DigestItem[],
  today: BusinessDate,
  labels: MailLabels,
  stalledAfterDays: number,
  unitName: string | null = null,
): DigestModel {
  const sections = DIGEST_KINDS.map((kind) => ({
    kind,
    title: labels.kinds[kind],
    items: items
      .filter((item) => item.kind === kind)
      .map((item) => ({
        enterprise: item.enterprise,
        dueLabel: item.dueOn ? dateLabel(item.dueOn, recipient.language) : '',
        when: whenText(item, labels, stalledAfterDays),
        rule: recipient.language === 'zh-CN' ? ruleZh(item.rule) : item.rule,
        overdue: item.overdue,
        campaign: item.campaign ?? '',
      })),
  })).filter((section) => section.items.length > 0);
  return {
    displayName: recipient.displayName,
    unitName: unitName ?? '',
    todayLabel: dateLabel(today, recipient.language),
    counts: digestCounts(items),
    sections,
  };
}

/**
 * A supervisor's weekly summary of their unit: the signing rates by sector, the instructors
 * with overdue or stalled negotiations, and the ten largest enterprises without agreement.
 */
export function summaryModel(
  recipient: MailRecipient,
  facts: Omit<SummaryFacts, 'recipients'>,
  slotDate: BusinessDate,
  labels: MailLabels,
): SummaryModel {
  const { rates, instructorNames: names, workloads, gaps } = facts;
  const pct = (value: number | null | undefined) =>
    value === null || value === undefined ? '' : `${(value * 100).toFixed(1)}%`;
  return {
    displayName: recipient.displayName,
    unitName: facts.unit?.name ?? labels.allUnits,
    todayLabel: dateLabel(slotDate, recipient.language),
    sectors: rates.rows.map((row) => ({
      label: labels.sectors[row.group] ?? row.group,
      enterprises: row.enterprises,
      covered: row.covered,
      ratePct: pct(row.rate) || '—',
      targetPct: pct(row.target),
      meets: row.meetsTarget ?? true,
      shortBy: row.shortBy ?? '',
    })),
    total: rates.total,
    totalRatePct: pct(rates.total.rate) || '—',
    instructors: workloads
      .filter((i) => i.overdue + i.stalled > 0)
      .map((i) => ({ name: names.get(i.id) ?? `#${i.id}`, overdue: i.overdue, stalled: i.stalled })),
    overdueTotal: workloads.reduce((sum, i) => sum + i.overdue, 0),
    stalledTotal: workloads.reduce((sum, i) => sum + i.stalled, 0),
    gaps: gaps.slice(0, 10).map((gap) => ({
      name: gap.name,
      sector: labels.sectors[gap.sector as Sector] ?? gap.sector,
      township: gap.township,
      employeeCount: gap.employeeCount,
      instructor:
        gap.instructorId === null
          ? labels.unassigned
          : (names.get(gap.instructorId) ?? `#${gap.instructorId}`),
    })),
  };
}

function whenText(item: DigestItem, labels: MailLabels, stalledAfter: number): string {
  if (item.daysLeft === null) return labels.noAgreement;
  if (item.kind === 'stalled') return labels.stalled.replace('{n}', String(stalledAfter - item.daysLeft));
  if (item.kind === 'renewal_window_opens' && item.daysLeft < 0)
    return labels.opened.replace('{n}', String(-item.daysLeft));
  if (item.daysLeft < 0) return labels.overdue.replace('{n}', String(-item.daysLeft));
  if (item.daysLeft === 0) return labels.dueToday;
  return labels.dueIn.replace('{n}', String(item.daysLeft));
}

/** 2026年11月25日 / 25 Nov 2026, the way people read dates in each language. */
export function dateLabel(date: BusinessDate, language: Language): string {
  const [year, month, day] = date.split('-').map(Number);
  if (language === 'zh-CN') return `${year}年${month}月${day}日`;
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, day)));
}
