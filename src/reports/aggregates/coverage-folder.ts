import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { type SchedulerConfig, schedulerConfig } from '../../common/scheduler/scheduler.config';
import { isMysqlFamily } from '../../database/transactions';
import { CoverageLedger } from './coverage-ledger';

/** How often the journal is summed into the cells on MySQL/MariaDB. */
const FOLD_EVERY_MS = 1000;

/**
 * Sums the report aggregates' journal into their cells every second on MySQL/MariaDB (on SQLite
 * each write does it before it commits: CoverageLedger). Every instance does it: two folding at
 * once on one server queue on the journal rows' locks; on two Galera nodes one of them is
 * aborted as conflicting, and its rows are summed by the next round. Reports are exact either
 * way (they add the journal's rows); the fold only keeps the journal short, so that they stay fast.
 */
@Injectable()
export class CoverageFolder implements OnModuleDestroy {
  private readonly logger = new Logger(CoverageFolder.name);
  private running = false;
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: CoverageLedger,
    @Inject(schedulerConfig.KEY) private readonly scheduler: SchedulerConfig,
  ) {}

  onModuleDestroy(): void {
    this.stopping = true;
  }

  @Interval('coverage-fold', FOLD_EVERY_MS)
  async tick(): Promise<void> {
    if (
      !this.scheduler.enabled ||
      this.running ||
      this.stopping ||
      !this.dataSource.isInitialized ||
      !isMysqlFamily(this.dataSource)
    )
      return;
    this.running = true;
    try {
      await this.ledger.foldAll();
    } catch (error) {
      // A round cut short by the shutdown leaves its rows for the next start: nothing to report.
      if (!this.stopping)
        this.logger.warn(`report aggregates not folded this round: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
