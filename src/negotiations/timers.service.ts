import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../access/actor';
import { Clock } from '../common/clock/clock';
import { AppError } from '../common/errors/app-error';
import { isMysqlFamily, writeTransaction } from '../database/transactions';
import { NegotiationWriter } from './negotiation-writer';
import { NegotiationsRepository } from './negotiations.repository';

/** Enough for any county's backlog after a long outage; the next run takes the rest. */
const MAX_TIMERS_PER_RUN = 10_000;

type Outcome = 'fired' | 'failed' | 'none';

/**
 * Fires due workflow timers (review period elapsed, agreement expired) through the one
 * write path. Each timer is claimed, applied and removed in one transaction, so it fires
 * once, also with several instances on one MySQL (rows are claimed with SKIP LOCKED).
 */
@Injectable()
export class TimersService {
  private readonly logger = new Logger(TimersService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly negotiations: NegotiationsRepository,
    private readonly writer: NegotiationWriter,
    private readonly clock: Clock,
  ) {}

  async runDue(): Promise<{ fired: number }> {
    let fired = 0;
    for (let i = 0; i < MAX_TIMERS_PER_RUN; i++) {
      const outcome = await this.fireNext();
      if (outcome === 'none') break;
      if (outcome === 'fired') fired += 1;
    }
    if (fired > 0) this.logger.log(`fired ${fired} workflow timer(s)`);
    return { fired };
  }

  private fireNext(): Promise<Outcome> {
    const today = this.clock.today();
    return writeTransaction(this.dataSource, async (manager) => {
      const timer = await this.negotiations.claimDueTimer(manager, today, isMysqlFamily(this.dataSource));
      if (!timer) return 'none';
      const row = await this.negotiations.findById(timer.negotiationId, manager);
      try {
        if (!row) throw new AppError(500, 'TIMER.ORPHAN', `negotiation ${timer.negotiationId} is gone`);
        // The event happens on the day the deadline fell due, not the day the timer ran.
        const result = this.writer.compute(row, { type: timer.event, occurredOn: timer.dueOn }, 'system');
        await this.writer.commit(manager, row, result, SYSTEM_ACTOR);
        return 'fired';
      } catch (error) {
        if (!(error instanceof AppError) || error.statusCode === 409) throw error;
        // The machine refused: keep the row with the reason rather than retry it for ever.
        this.logger.warn(
          `timer ${timer.id} (${timer.event}) of negotiation ${timer.negotiationId}: ${error.message}`,
        );
        await this.negotiations.markTimerFailed(manager, timer.id, error.message);
        return 'failed';
      }
    });
  }
}
