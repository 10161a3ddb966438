import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { type SchedulerConfig, schedulerConfig } from '../common/scheduler/scheduler.config';
import { CampaignRunner } from './campaign-runner';

/**
 * Goes on with the campaigns still running, at start-up and every 30 s (one this process was
 * running when it stopped, or another instance's whose lease ran out); only delegates. With
 * SCHEDULER=off it does nothing: a start and POST /campaigns/:id/run still run a campaign.
 */
@Injectable()
export class CampaignsScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(CampaignsScheduler.name);
  private running = false;

  constructor(
    private readonly runner: CampaignRunner,
    @Inject(schedulerConfig.KEY) private readonly scheduler: SchedulerConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.tick();
  }

  @Interval('offer-campaigns', 30_000)
  async tick(): Promise<void> {
    if (!this.scheduler.enabled || this.running) return;
    this.running = true;
    try {
      await this.runner.runPending();
    } catch (error) {
      this.logger.error(`campaign run failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.running = false;
    }
  }
}
