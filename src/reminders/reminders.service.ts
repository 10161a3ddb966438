import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../access/actor';
import { type BusinessTimeConfig, businessTimeConfig } from '../common/clock/business-time.config';
import { Clock } from '../common/clock/clock';
import type { BusinessDate } from '../common/dates/business-date';
import { Page } from '../common/http/page';
import { writeTransaction } from '../database/transactions';
import { ListRemindersQuery } from './dto/list-reminders.query';
import { ReminderResponse } from './dto/reminder.response';
import { type MailConfig, mailConfig } from './mail.config';
import { type PlannedReminder, ReminderBuilder } from './reminder-builder';
import type { SlotKind } from './reminder.entity';
import { RemindersRepository } from './reminders.repository';
import { ReminderAlreadySentError, ReminderNotFoundError } from './reminders.errors';
import { dueSlotDate } from './slots';

export interface RunResult {
  queued: number;
  planned: PlannedReminder[];
}

@Injectable()
export class RemindersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly builder: ReminderBuilder,
    private readonly reminders: RemindersRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(mailConfig.KEY) private readonly mail: MailConfig,
    @Inject(businessTimeConfig.KEY) private readonly businessTime: BusinessTimeConfig,
  ) {}

  /**
   * Builds today's slots now, whatever the schedule says (`POST /reminders/run`, the CLI):
   * the instructors' digests, and the supervisors' summary too when `includeSummary`.
   * With `dryRun` nothing is written.
   */
  async runNow(options: { dryRun?: boolean; includeSummary?: boolean } = {}): Promise<RunResult> {
    const today = this.clock.today();
    const planned = [
      ...(await this.builder.planDigests(today)),
      ...(options.includeSummary === false ? [] : await this.builder.planSummaries(today)),
    ];
    if (options.dryRun) return { queued: 0, planned };
    return { queued: await this.builder.enqueue(planned), planned };
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
      if (slotDate) queued += await this.build(kind, slotDate);
    }
    return queued;
  }

  async build(kind: SlotKind, slotDate: BusinessDate): Promise<number> {
    const planned =
      kind === 'instructor_digest'
        ? await this.builder.planDigests(slotDate)
        : await this.builder.planSummaries(slotDate);
    return this.builder.enqueue(planned);
  }

  async list(query: ListRemindersQuery): Promise<Page<ReminderResponse>> {
    const { page, pageSize, status, recipientId } = query;
    const [rows, total] = await this.reminders.findPage({ status, recipientId }, page, pageSize);
    return { items: rows.map((row) => ReminderResponse.from(row)), total, page, pageSize };
  }

  /** Puts a failed or parked reminder back in the queue, to go out with the next delivery run. */
  async retry(id: number, actor: Actor): Promise<ReminderResponse> {
    return writeTransaction(this.dataSource, async (manager) => {
      const row = await this.reminders.findById(id, manager);
      if (!row) throw new ReminderNotFoundError(id);
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
