import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../access/actor';
import { Clock } from '../common/clock/clock';
import { AppError } from '../common/errors/app-error';
import { writeTransaction } from '../database/transactions';
import { claimToken } from '../database/work-lease';
import { NegotiationWriter } from './negotiation-writer';
import { NegotiationsRepository } from './negotiations.repository';

/** Enough for any county's backlog after a long outage; the next run takes the rest. */
const MAX_TIMERS_PER_RUN = 10_000;

/** How long a runner holds a timer it claimed; one that died lets it go after this. */
export const TIMER_LEASE_MS = 60_000;

type Outcome = 'fired' | 'failed' | 'gone' | 'none';

/**
 * Fires due workflow timers (review period elapsed, agreement expired) through the one write
 * path. A timer is first claimed with a lease (database/work-lease.ts: correct across instances
 * and cluster nodes without a lock), then applied and removed in one transaction: it fires once,
 * whichever instances run timers at the same time. One whose negotiation moved meanwhile (the
 * event replaced its deadlines) is gone and skipped.
 */
@Injectable()
export class TimersService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(TimersService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly negotiations: NegotiationsRepository,
    private readonly writer: NegotiationWriter,
    private readonly clock: Clock,
  ) {}

  private stopping = false;
  /** Runs under way, which a stop waits for. */
  private readonly running = new Set<Promise<unknown>>();

  async runDue(): Promise<{ fired: number }> {
    const run = this.fireDue();
    this.running.add(run);
    try {
      return await run;
    } finally {
      this.running.delete(run);
    }
  }

  private async fireDue(): Promise<{ fired: number }> {
    let fired = 0;
    for (let i = 0; i < MAX_TIMERS_PER_RUN && !this.stopping; i++) {
      const outcome = await this.fireNext();
      if (outcome === 'none') break;
      if (outcome === 'fired') fired += 1;
    }
    if (fired > 0) this.logger.log(`fired ${fired} workflow timer(s)`);
    return { fired };
  }

  /** Stopping: the timer in hand is finished, no other is claimed. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.running]);
  }

  private async fireNext(): Promise<Outcome> {
    const today = this.clock.today();
    const now = this.clock.now();
    const owner = claimToken();
    const claimed = await this.negotiations.claimDueTimer(
      today,
      now,
      owner,
      new Date(now.getTime() + TIMER_LEASE_MS),
    );
    if (!claimed) return 'none';
    try {
      const outcome = await this.fire(claimed.id, owner);
      if (outcome === 'fired' && claimed.event) this.writer.committed(claimed.event, 'system');
      return outcome;
    } catch (error) {
      // The negotiation moved under the timer (a user's event won): nothing was written. Its
      // deadlines were replaced, or the lease runs out and a later run fires the timer.
      if (error instanceof AppError && error.statusCode === 409) return 'gone';
      throw error;
    }
  }

  private fire(timerId: number, owner: string): Promise<Exclude<Outcome, 'none'>> {
    return writeTransaction(this.dataSource, async (manager) => {
      const timer = await this.negotiations.claimedTimer(manager, timerId, owner);
      if (!timer) return 'gone';
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
