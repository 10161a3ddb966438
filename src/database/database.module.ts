import { Module } from '@nestjs/common';
import { PlannerStatistics } from './planner-statistics';
import { PlannerStatisticsScheduler } from './planner-statistics.scheduler';

/** The database's own upkeep: the query planner's statistics (the connection is TypeOrmModule's). */
@Module({
  providers: [PlannerStatistics, PlannerStatisticsScheduler],
  exports: [PlannerStatistics],
})
export class DatabaseModule {}
