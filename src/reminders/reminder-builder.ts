import { ruleZh } from '../negotiations/labels-zh';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../access/actor';
import { Clock } from '../common/clock/clock';
import { addDays, type BusinessDate } from '../common/dates/business-date';
import { isUniqueViolation } from '../database/database-errors';
import { writeTransaction } from '../database/transactions';
import { SECTORS, type Sector } from '../enterprises/domain/ownership';
import { type NegotiationsConfig, negotiationsConfig } from '../negotiations/negotiations.config';
import { isOverdue } from '../negotiations/workflow/deadlines';
import { type ReportsConfig, reportsConfig } from '../reports/reports.config';
import { ReportsRepository } from '../reports/reports.repository';
import { ReportsService, type TargetGapsResult } from '../reports/reports.service';
import { UsersService } from '../users/users.service';
import type { Language } from '../users/domain/account';
import type { User } from '../users/user.entity';
import {
  DEFAULT_HORIZONS,
  type DigestItem,
  digestCounts,
  digestItems,
  DIGEST_KINDS,
  type UncoveredFact,
} from './digest/digest-items';
import { MailLabels, MailTemplates } from './mail-templates';
import { ReminderFactsRepository } from './reminder-facts.repository';
import { type NewReminder, RemindersRepository } from './reminders.repository';
import type { SlotKind } from './reminder.entity';
import { dedupeKey } from './slots';

export type PlannedReminder = NewReminder;

/**
 * Builds a slot's e-mails (the instructors' digests, the supervisors' weekly summary) and
 * writes them to the outbox in one transaction. Building a slot again adds nothing: rows
 * whose dedupe key exists are skipped.
 */
@Injectable()
export class ReminderBuilder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly facts: ReminderFactsRepository,
    private readonly reminders: RemindersRepository,
    private readonly reports: ReportsService,
    private readonly reportsRepository: ReportsRepository,
    private readonly templates: MailTemplates,
    private readonly clock: Clock,
    private readonly users: UsersService,
    @Inject(reportsConfig.KEY) private readonly reportsConfig: ReportsConfig,
    @Inject(negotiationsConfig.KEY) private readonly negotiationsConfig: NegotiationsConfig,
  ) {}

  async planDigests(slotDate: BusinessDate): Promise<PlannedReminder[]> {
    const recipients = await this.facts.recipients('instructor');
    if (recipients.length === 0) return [];
    const deadlines = await this.facts.deadlinesUntil(addDays(slotDate, DEFAULT_HORIZONS.expiringWithinDays));
    const uncovered = await this.reportsRepository.uncovered({
      asOf: slotDate,
      agreementKind: 'wage',
      base: 'unionised',
      status: 'signed',
    });
    const deadlinesOf = groupBy(deadlines, (fact) => fact.instructorId);
    const uncoveredOf = groupBy(uncovered, (e) => e.instructorId);
    const planned: PlannedReminder[] = [];
    for (const user of recipients) {
      const items = digestItems(
        deadlinesOf.get(user.id) ?? [],
        uncoveredFacts(uncoveredOf.get(user.id) ?? []),
        slotDate,
      );
      if (items.length === 0) continue; // nothing due: no mail
      planned.push(
        this.plan(user, 'instructor_digest', slotDate, 'digest', this.digestModel(user, items, slotDate)),
      );
    }
    return planned;
  }

  /**
   * What one instructor's digest would list on `date`, whether or not they get the mail
   * (the web workbench shows the same items).
   */
  async agenda(instructorId: number, date: BusinessDate): Promise<DigestItem[]> {
    const deadlines = await this.facts.deadlinesUntil(
      addDays(date, DEFAULT_HORIZONS.expiringWithinDays),
      instructorId,
    );
    const uncovered = await this.reportsRepository.uncovered({
      asOf: date,
      agreementKind: 'wage',
      base: 'unionised',
      status: 'signed',
      instructorId,
    });
    return digestItems(deadlines, uncoveredFacts(uncovered), date);
  }

  async planSummaries(slotDate: BusinessDate): Promise<PlannedReminder[]> {
    const recipients = await this.facts.recipients('supervisor');
    if (recipients.length === 0) return [];
    const query = {
      asOf: slotDate,
      agreementKind: 'wage' as const,
      base: 'unionised' as const,
      status: 'signed' as const,
    };
    const rates = await this.reports.signingRates({ ...query, groupBy: 'sector' }, SYSTEM_ACTOR);
    const deadlines = await this.facts.deadlinesUntil(slotDate);
    const names = await this.users.displayNames('instructor');
    const perInstructor = [...names.keys()].map((id) => {
      const mine = deadlines.filter((d) => d.instructorId === id);
      const count = (predicate: (d: (typeof mine)[number]) => boolean) =>
        new Set(mine.filter(predicate).map((d) => d.negotiationId)).size;
      return {
        id,
        // Overdue as the negotiation list's overdue=true and each deadline's `overdue` say.
        overdue: count((d) => isOverdue(d, slotDate)),
        stalled: count((d) => d.kind === 'stalled' && d.dueOn <= slotDate),
      };
    });
    const gaps: (TargetGapsResult['items'][number] & { sector: Sector })[] = [];
    for (const sector of SECTORS.filter((s) => this.reportsConfig.reportTargets[s] !== undefined)) {
      const result = await this.reports.targetGaps({ ...query, sector }, SYSTEM_ACTOR);
      gaps.push(...result.items.map((item) => ({ ...item, sector })));
    }
    gaps.sort((a, b) => b.employeeCount - a.employeeCount || a.enterpriseId - b.enterpriseId);

    return recipients.map((user) => {
      const labels = this.templates.labels(user.language);
      const pct = (value: number | null | undefined) =>
        value === null || value === undefined ? '' : `${(value * 100).toFixed(1)}%`;
      const model = {
        displayName: user.displayName,
        todayLabel: dateLabel(slotDate, user.language),
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
        instructors: perInstructor
          .filter((i) => i.overdue + i.stalled > 0)
          .map((i) => ({ name: names.get(i.id) ?? `#${i.id}`, overdue: i.overdue, stalled: i.stalled })),
        overdueTotal: perInstructor.reduce((sum, i) => sum + i.overdue, 0),
        stalledTotal: perInstructor.reduce((sum, i) => sum + i.stalled, 0),
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
      return this.plan(user, 'supervisor_summary', slotDate, 'summary', model);
    });
  }

  /** Writes what is not in the outbox yet; returns how many rows were added. */
  async enqueue(planned: PlannedReminder[]): Promise<number> {
    if (planned.length === 0) return 0;
    for (let attempt = 1; ; attempt++) {
      try {
        return await writeTransaction(this.dataSource, async (manager) => {
          const existing = await this.reminders.existingKeys(
            manager,
            planned.map((p) => p.dedupeKey),
          );
          const fresh = planned.filter((p) => !existing.has(p.dedupeKey));
          await this.reminders.insertPending(manager, fresh, this.clock.now());
          return fresh.length;
        });
      } catch (error) {
        // Another instance built the same slot at the same moment: its rows are there now.
        if (!isUniqueViolation(error) || attempt >= 3) throw error;
      }
    }
  }

  private digestModel(user: User, items: DigestItem[], today: BusinessDate): object {
    const labels = this.templates.labels(user.language);
    const stalledAfter = this.negotiationsConfig.ruleSets.current.stalledAfterDays;
    const sections = DIGEST_KINDS.map((kind) => ({
      kind,
      title: labels.kinds[kind],
      items: items
        .filter((item) => item.kind === kind)
        .map((item) => ({
          enterprise: item.enterprise,
          dueLabel: item.dueOn ? dateLabel(item.dueOn, user.language) : '',
          when: whenText(item, labels, stalledAfter),
          rule: user.language === 'zh-CN' ? ruleZh(item.rule) : item.rule,
          overdue: item.overdue,
        })),
    })).filter((section) => section.items.length > 0);
    return {
      displayName: user.displayName,
      todayLabel: dateLabel(today, user.language),
      counts: digestCounts(items),
      sections,
    };
  }

  private plan(
    user: User,
    kind: SlotKind,
    slotDate: BusinessDate,
    template: 'digest' | 'summary',
    model: object,
  ): PlannedReminder {
    const mail = this.templates.render(user.language, template, model);
    return {
      recipientId: user.id,
      recipientEmail: user.email!,
      slotKind: kind,
      slotDate,
      dedupeKey: dedupeKey(kind, user.id, slotDate),
      subject: mail.subject.slice(0, 300),
      textBody: mail.text,
      htmlBody: mail.html,
    };
  }
}

/** Items by key, in one pass: a county's facts are split per recipient without scanning them per recipient. */
function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
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

/** The report's uncovered enterprises as the digest's facts. */
function uncoveredFacts(
  rows: ReadonlyArray<{
    id: number;
    name: string;
    creditCode: string;
    township: string;
    employeeCount: number;
  }>,
): UncoveredFact[] {
  return rows.map(({ id, name, creditCode, township, employeeCount }) => ({
    id,
    name,
    creditCode,
    township,
    employeeCount,
  }));
}
