import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { schedulerConfig } from '../common/scheduler/scheduler.config';
import { PlannerStatistics } from './planner-statistics';
import { PlannerStatisticsScheduler } from './planner-statistics.scheduler';

/** The database's own upkeep: the query planner's statistics (the connection is TypeOrmModule's). */
@Module({
  imports: [ConfigModule.forFeature(schedulerConfig)],
  providers: [PlannerStatistics, PlannerStatisticsScheduler],
  exports: [PlannerStatistics],
})
export class DatabaseModule {}
