import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { type SchedulerConfig, schedulerConfig } from '../common/scheduler/scheduler.config';
import { ReminderSender } from './reminder-sender';
import { RemindersService } from './reminders.service';

/** Every minute: build the slots that are due (cron + TZ_BUSINESS); every 15 s: deliver. Only delegates. */
@Injectable()
export class RemindersScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(RemindersScheduler.name);
  private building = false;
  private sending = false;

  constructor(
    private readonly reminders: RemindersService,
    private readonly sender: ReminderSender,
    @Inject(schedulerConfig.KEY) private readonly scheduler: SchedulerConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.buildSlots();
  }

  @Interval('reminder-slots', 60_000)
  async buildSlots(): Promise<void> {
    if (!this.scheduler.enabled || this.building) return;
    this.building = true;
    try {
      const queued = await this.reminders.buildDueSlots();
      if (queued > 0) this.logger.log(`queued ${queued} reminder(s)`);
      await this.deliver();
    } catch (error) {
      this.logger.error(
        `building reminders failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      this.building = false;
    }
  }

  @Interval('reminder-sender', 15_000)
  async deliver(): Promise<void> {
    if (!this.scheduler.enabled || this.sending) return;
    this.sending = true;
    try {
      await this.sender.deliverDue();
    } catch (error) {
      this.logger.error(
        `delivering reminders failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      this.sending = false;
    }
  }
}
