import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isMysqlFamily, writeTransaction } from './transactions';

/**
 * `PRAGMA optimize` with bits 0x10000 (check every table, not only those this connection has
 * queried) and 0x00002 (ANALYZE the tables that need it): a table is analyzed when one of its
 * indexes has no statistics yet or its row count has changed about tenfold since the last
 * ANALYZE; otherwise nothing is done. Without 0x00010 there is no analysis limit, so the
 * statistics are exact (about 0.6 s at 100,000 enterprises, and only when a table needs it).
 * SQLite 3.46+ (better-sqlite3 12 ships 3.53): https://sqlite.org/pragma.html#pragma_optimize
 */
const SQLITE_OPTIMIZE = 0x10002;
/** The same checks in debugging mode (0x00001): lists the ANALYZE statements, runs none. */
const SQLITE_OPTIMIZE_PLAN = SQLITE_OPTIMIZE | 0x00001;

/**
 * The tables the reports read, whose statistics decide their plans (docs/benchmarks.md); by
 * name, as the migrations create them, so that this folder imports no feature.
 */
const REPORT_TABLES = ['enterprises', 'negotiations', 'negotiation_enterprises', 'agreements'];

export type StatisticsOccasion = 'import' | 'bulk write' | 'schedule' | 'start-up';

/**
 * Keeps the query planner's statistics current, so that the reports keep their plans after a
 * county imports its data (issue 14 item 19: with no statistics at all, SQLite joined the
 * covered set by scanning it once per enterprise: 17–328 s instead of 0.1–1 s).
 *
 * SQLite keeps none by itself: `PRAGMA optimize` analyzes what needs it. MySQL/MariaDB
 * (InnoDB) keep persistent statistics and recalculate them in the background after 10 % of a
 * table changed; `ANALYZE TABLE` (a sampled, quick read) makes them current at once after a
 * bulk write, before the next report, and on the daily schedule.
 *
 * Called by the imports after their last commit, by the demo loader, and by
 * PlannerStatisticsScheduler (at start-up and daily). Never fails its caller: a refusal is
 * logged, and the data it would describe is already committed.
 */
@Injectable()
export class PlannerStatistics {
  private readonly logger = new Logger(PlannerStatistics.name);

  constructor(private readonly dataSource: DataSource) {}

  /** Brings the statistics up to date; answers the tables it analyzed. */
  async refresh(occasion: StatisticsOccasion): Promise<string[]> {
    const started = performance.now();
    try {
      const analyzed = isMysqlFamily(this.dataSource)
        ? await this.analyzeMysql(occasion)
        : await this.optimizeSqlite();
      if (analyzed.length > 0) {
        this.logger.log(
          `planner statistics (${occasion}): analyzed ${analyzed.join(', ')} in ${Math.round(performance.now() - started)} ms`,
        );
      }
      return analyzed;
    } catch (error) {
      this.logger.warn(
        `planner statistics (${occasion}) not refreshed: ${error instanceof Error ? error.message : String(error)}`,
      );
      return [];
    }
  }

  /**
   * The tables `PRAGMA optimize` finds in need, then the pragma itself, in one write
   * transaction: on SQLite's one connection it must not run inside another request's
   * transaction (whose rollback would drop the statistics).
   */
  private optimizeSqlite(): Promise<string[]> {
    return writeTransaction(this.dataSource, async (manager) => {
      const planned: Record<string, string>[] = await manager.query(
        `PRAGMA optimize=${SQLITE_OPTIMIZE_PLAN}`,
      );
      if (planned.length === 0) return [];
      await manager.query(`PRAGMA optimize=${SQLITE_OPTIMIZE}`);
      // Each row is one statement, e.g. `ANALYZE "main"."enterprises"`.
      return planned.map((row) => /"([^"]+)"\s*$/.exec(Object.values(row)[0] ?? '')?.[1] ?? '?');
    });
  }

  /**
   * InnoDB always has statistics (computed when a table is first opened), so at start-up
   * there is nothing to do; otherwise the report tables are analyzed.
   */
  private async analyzeMysql(occasion: StatisticsOccasion): Promise<string[]> {
    if (occasion === 'start-up') return [];
    const tables = REPORT_TABLES.map((table) => this.dataSource.driver.escape(table));
    await this.dataSource.query(`ANALYZE TABLE ${tables.join(', ')}`);
    return REPORT_TABLES;
  }
}
