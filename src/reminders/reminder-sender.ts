import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common/clock/clock';
import { claimToken } from '../database/work-lease';
import { type MailConfig, mailConfig } from './mail.config';
import { classifyFailure, MailTransport } from './mail-transport';
import type { Reminder } from './reminder.entity';
import { RemindersRepository } from './reminders.repository';

/** How long a sender holds the rows it claimed; a crashed sender's rows come back after it. */
export const LEASE_MS = 2 * 60_000;
const BATCH = 50;
const PARALLEL = 5;

/** Exponential back-off: 30 s, 1 min, 2 min, … capped at 1 h. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
}

export interface DeliveryReport {
  sent: number;
  failed: number;
  parked: number;
}

/**
 * Delivers the outbox. Rows are claimed with a lease (database/work-lease.ts: several instances,
 * on one database or on the nodes of a cluster, share the work and never take the same row),
 * sent, then marked. A crash after sending and before marking leaves the lease to expire and the
 * row is sent again: the only duplicate allowed, and it carries the same Message-ID. A sender
 * that stops finishes the messages in hand and gives the rest of its claim back.
 */
@Injectable()
export class ReminderSender implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ReminderSender.name);
  private stopping = false;
  /** Deliveries under way, which a stop waits for. */
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    private readonly transport: MailTransport,
    private readonly reminders: RemindersRepository,
    private readonly clock: Clock,
    @Inject(mailConfig.KEY) private readonly mail: MailConfig,
  ) {}

  async deliverDue(maxRows = 10_000): Promise<DeliveryReport> {
    const run = this.deliverUpTo(maxRows);
    this.running.add(run);
    try {
      return await run;
    } finally {
      this.running.delete(run);
    }
  }

  private async deliverUpTo(maxRows: number): Promise<DeliveryReport> {
    const report: DeliveryReport = { sent: 0, failed: 0, parked: 0 };
    while (!this.stopping && report.sent + report.failed + report.parked < maxRows) {
      const owner = claimToken();
      const batch = await this.claim(
        Math.min(BATCH, maxRows - report.sent - report.failed - report.parked),
        owner,
      );
      if (batch.length === 0) break;
      let delivered = 0;
      for (; delivered < batch.length && !this.stopping; delivered += PARALLEL) {
        const outcomes = await Promise.all(
          batch.slice(delivered, delivered + PARALLEL).map((row) => this.deliver(row)),
        );
        for (const outcome of outcomes) report[outcome] += 1;
      }
      // Stopped: the rows not sent go back at once (a failure instead leaves them to their lease).
      const unsent = batch.slice(delivered).map((row) => row.id);
      await this.reminders.releaseLeases(unsent, owner);
    }
    if (report.sent + report.failed + report.parked > 0)
      this.logger.log(`reminders: ${JSON.stringify(report)}`);
    return report;
  }

  /** Stopping: the messages being sent are finished and marked, the rest of the claim given back. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.running]);
  }

  private claim(limit: number, owner: string): Promise<Reminder[]> {
    const now = this.clock.now();
    const leaseUntil = new Date(now.getTime() + LEASE_MS);
    return this.reminders.claimDue(now, leaseUntil, limit, owner);
  }

  private async deliver(row: Reminder): Promise<keyof DeliveryReport> {
    try {
      await this.transport.send(row);
    } catch (error) {
      return this.recordFailure(row, error);
    }
    await this.reminders.markSent(row.id, this.clock.now());
    return 'sent';
  }

  private async recordFailure(row: Reminder, error: unknown): Promise<'failed' | 'parked'> {
    const attempts = row.attempts + 1;
    const message = error instanceof Error ? error.message : String(error);
    const park = classifyFailure(error) === 'permanent' || attempts >= this.mail.maxAttempts;
    await this.reminders.markFailed(row.id, {
      status: park ? 'parked' : 'failed',
      attempts,
      lastError: message.slice(0, 1000),
      nextAttemptAt: new Date(this.clock.now().getTime() + backoffMs(attempts)),
    });
    if (park) this.logger.warn(`reminder ${row.id} to ${row.recipientEmail} parked: ${message}`);
    return park ? 'parked' : 'failed';
  }
}
