import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { Interval } from '@nestjs/schedule';
import { appConfig } from '../config/app.config';
import { TimersService } from './timers.service';

/** Runs due timers at start-up and every minute; only delegates. */
@Injectable()
export class TimersScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(TimersScheduler.name);
  private running = false;

  constructor(
    private readonly timers: TimersService,
    @Inject(appConfig.KEY) private readonly config: ConfigType<typeof appConfig>,
  ) {}

  onApplicationBootstrap(): void {
    void this.tick();
  }

  @Interval('workflow-timers', 60_000)
  async tick(): Promise<void> {
    if (!this.config.schedulerEnabled || this.running) return;
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
