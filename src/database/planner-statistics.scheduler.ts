import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { type SchedulerConfig, schedulerConfig } from '../common/scheduler/scheduler.config';
import { PlannerStatistics } from './planner-statistics';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The planner statistics at start-up (a database copied or restored without them, or grown
 * by writes of an older version) and once a day (the county's gradual changes); only
 * delegates. The process that runs the schedules does it (SCHEDULER=on).
 */
@Injectable()
export class PlannerStatisticsScheduler implements OnApplicationBootstrap {
  private running = false;

  constructor(
    private readonly statistics: PlannerStatistics,
    @Inject(schedulerConfig.KEY) private readonly scheduler: SchedulerConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.run('start-up');
  }

  @Interval('planner-statistics', DAY_MS)
  async daily(): Promise<void> {
    await this.run('schedule');
  }

  private async run(occasion: 'start-up' | 'schedule'): Promise<void> {
    if (!this.scheduler.enabled || this.running) return;
    this.running = true;
    try {
      await this.statistics.refresh(occasion);
    } finally {
      this.running = false;
    }
  }
}
