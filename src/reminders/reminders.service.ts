import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CalendarService } from '../calendar/calendar.service';
import type { Actor } from '../access/actor';
import { userScopeCondition } from '../access/scope';
import { type BusinessTimeConfig, businessTimeConfig } from '../common/clock/business-time.config';
import { Clock } from '../common/clock/clock';
import type { BusinessDate } from '../common/dates/business-date';
import { Page } from '../common/http/page';
import { writeTransaction } from '../database/transactions';
import { ListRemindersQuery } from './dto/list-reminders.query';
import { ReminderResponse } from './dto/reminder.response';
import { type MailConfig, mailConfig } from './mail.config';
import { type PlannedReminder, ReminderBuilder } from './reminder-builder';
import { ReminderGatherer } from './reminder-gatherer';
import type { SlotKind } from './reminder.entity';
import { RemindersRepository } from './reminders.repository';
import { ReminderAlreadySentError, ReminderNotFoundError } from './reminders.errors';
import { dueSlotDate } from './slots';

export interface RunResult {
  queued: number;
  planned: PlannedReminder[];
}

/**
 * The reminders' use cases: build a slot (gather its facts, build its e-mails, add them to
 * the outbox), list the outbox, requeue a reminder. The sender delivers what is queued.
 */
@Injectable()
export class RemindersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly gatherer: ReminderGatherer,
    private readonly builder: ReminderBuilder,
    private readonly reminders: RemindersRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(mailConfig.KEY) private readonly mail: MailConfig,
    @Inject(businessTimeConfig.KEY) private readonly businessTime: BusinessTimeConfig,
    private readonly calendar: CalendarService,
  ) {}

  /**
   * Builds today's slots now, whatever the schedule says (`POST /reminders/run`, the CLI):
   * the instructors' digests, and the supervisors' summary too when `includeSummary`.
   * With `dryRun` nothing is written.
   */
  async runNow(options: { dryRun?: boolean; includeSummary?: boolean } = {}): Promise<RunResult> {
    const today = this.clock.today();
    const planned = [
      ...(await this.plan('instructor_digest', today)),
      ...(options.includeSummary === false ? [] : await this.plan('supervisor_summary', today)),
    ];
    if (options.dryRun) return { queued: 0, planned };
    return { queued: await this.reminders.enqueue(planned, this.clock.now()), planned };
  }

  /** The slots whose scheduled time has passed today (checked every minute by the scheduler). */
  async buildDueSlots(now = this.clock.now()): Promise<number> {
    const schedules: [SlotKind, string][] = [
      ['instructor_digest', this.mail.digestCron],
      ['supervisor_summary', this.mail.summaryCron],
    ];
    let queued = 0;
    for (const [kind, cron] of schedules) {
      const slotDate = dueSlotDate(cron, this.businessTime.timeZone, now);
      // Digests go out on the official calendar's working days: not on a holiday, yes on a 调休
      // Saturday; a year the calendar lacks is Monday to Friday. The weekly summary keeps its cron.
      if (kind === 'instructor_digest' && slotDate && !this.calendar.current().isWorkingDay(slotDate))
        continue;
      if (slotDate) queued += await this.build(kind, slotDate);
    }
    return queued;
  }

  async build(kind: SlotKind, slotDate: BusinessDate): Promise<number> {
    const planned = await this.plan(kind, slotDate);
    return this.reminders.enqueue(planned, this.clock.now());
  }

  /** A slot's e-mails, built from the facts of its day; nothing is written. */
  private async plan(kind: SlotKind, slotDate: BusinessDate): Promise<PlannedReminder[]> {
    if (kind === 'instructor_digest') {
      return this.builder.digests(await this.gatherer.digestFacts(slotDate), slotDate);
    }
    return this.builder.summaries(await this.gatherer.summaryFacts(slotDate), slotDate);
  }

  /** The outbox, of the recipients in the actor's scope (`userScopeCondition`). */
  async list(query: ListRemindersQuery, actor: Actor): Promise<Page<ReminderResponse>> {
    const { page, pageSize, status, recipientId } = query;
    const [rows, total] = await this.reminders.findPage(
      { status, recipientId },
      page,
      pageSize,
      userScopeCondition(actor, 'r.recipient_id'),
    );
    return { items: rows.map((row) => ReminderResponse.from(row)), total, page, pageSize };
  }

  /** Puts a failed or parked reminder back in the queue, to go out with the next delivery run. */
  async retry(id: number, actor: Actor): Promise<ReminderResponse> {
    return writeTransaction(this.dataSource, async (manager) => {
      const row = await this.reminders.findById(id, manager);
      if (!row || !(await this.reminders.inScope(id, userScopeCondition(actor, 'r.recipient_id'))))
        throw new ReminderNotFoundError(id);
      if (row.status === 'sent') throw new ReminderAlreadySentError(id);
      const before = row.status;
      const saved = await this.reminders.requeue(manager, row, this.clock.now());
      await this.audit.record(manager, actor, {
        action: 'reminder.retry',
        entityType: 'reminder',
        entityId: id,
        changes: { status: { from: before, to: 'pending' } },
      });
      return ReminderResponse.from(saved);
    });
  }
}
