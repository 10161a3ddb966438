import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { type SchedulerConfig, schedulerConfig } from '../common/scheduler/scheduler.config';
import { TimersService } from './timers.service';

/** Runs due timers at start-up and every minute; only delegates. */
@Injectable()
export class TimersScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(TimersScheduler.name);
  private running = false;

  constructor(
    private readonly timers: TimersService,
    @Inject(schedulerConfig.KEY) private readonly scheduler: SchedulerConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.tick();
  }

  @Interval('workflow-timers', 60_000)
  async tick(): Promise<void> {
    if (!this.scheduler.enabled || this.running) return;
    this.running = true;
    try {
      await this.timers.runDue();
    } catch (error) {
      this.logger.error(`timer run failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.running = false;
    }
  }
}
