import type { SqlCondition } from '../access/scope';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { isUniqueViolation } from '../database/database-errors';
import { persistentValue } from '../database/persistent-value';
import { writeTransaction } from '../database/transactions';
import type { ReminderStatus } from './reminder.entity';
import { Reminder } from './reminder.entity';

/** A reminder as built, before it enters the outbox. */
export type NewReminder = Pick<
  Reminder,
  | 'recipientId'
  | 'recipientEmail'
  | 'slotKind'
  | 'slotDate'
  | 'dedupeKey'
  | 'subject'
  | 'textBody'
  | 'htmlBody'
>;

/**
 * The outbox table (docs/architecture.md, Reminders): every read and write of reminder rows. The
 * service adds what it built, the sender claims and marks, the admin API lists and requeues.
 */
@Injectable()
export class RemindersRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /**
   * Adds to the outbox, due `now`, the reminders whose dedupe key is not there yet; returns
   * how many rows were added. Building a slot again adds nothing (invariant 4).
   */
  async enqueue(reminders: NewReminder[], now: Date): Promise<number> {
    if (reminders.length === 0) return 0;
    for (let attempt = 1; ; attempt++) {
      try {
        return await writeTransaction(this.dataSource, async (manager) => {
          const existing = await this.existingKeys(
            manager,
            reminders.map((reminder) => reminder.dedupeKey),
          );
          const fresh = reminders.filter((reminder) => !existing.has(reminder.dedupeKey));
          await this.insertPending(manager, fresh, now);
          return fresh.length;
        });
      } catch (error) {
        // Another instance built the same slot at the same moment: its rows are there now.
        if (!isUniqueViolation(error) || attempt >= 3) throw error;
      }
    }
  }

  /** Which of these dedupe keys are in the outbox already. */
  private async existingKeys(manager: EntityManager, keys: string[]): Promise<Set<string>> {
    const existing = new Set<string>();
    for (let i = 0; i < keys.length; i += 500) {
      const rows = await manager.find(Reminder, {
        select: { dedupeKey: true },
        where: { dedupeKey: In(keys.slice(i, i + 500)) },
      });
      for (const row of rows) existing.add(row.dedupeKey);
    }
    return existing;
  }

  /** Adds reminders to the outbox, due now. */
  private async insertPending(manager: EntityManager, reminders: NewReminder[], now: Date): Promise<void> {
    for (let i = 0; i < reminders.length; i += 200) {
      await manager.insert(
        Reminder,
        reminders.slice(i, i + 200).map((reminder) => ({
          ...reminder,
          status: 'pending' as const,
          attempts: 0,
          nextAttemptAt: now,
          leaseUntil: null,
          lastError: null,
          sentAt: null,
          createdAt: now,
        })),
      );
    }
  }

  /**
   * Claims up to `limit` reminders due for delivery whose lease is free or has run out, oldest
   * due first, for `owner` until `leaseUntil` (database/work-lease.ts): one UPDATE takes them, and
   * the rows that then name `owner` are the claim. A sender racing for the same rows (another
   * instance, another cluster node) gets the others or none, never the same.
   */
  async claimDue(now: Date, leaseUntil: Date, limit: number, owner: string): Promise<Reminder[]> {
    const at = (date: Date) => persistentValue(this.dataSource, Reminder, 'nextAttemptAt', date);
    const due =
      'status IN (:...statuses) AND next_attempt_at <= :now AND (lease_until IS NULL OR lease_until < :now)';
    const params = { statuses: ['pending', 'failed'], now: at(now) };
    const candidates = await this.dataSource
      .getRepository(Reminder)
      .createQueryBuilder('r')
      .select('r.id', 'id')
      .where(due, params)
      .orderBy('r.next_attempt_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(limit)
      .getRawMany<{ id: number | string }>();
    if (candidates.length === 0) return [];
    const ids = candidates.map((row) => Number(row.id));
    await writeTransaction(this.dataSource, (manager) =>
      manager
        .createQueryBuilder()
        .update(Reminder)
        .set({ leaseOwner: owner, leaseUntil })
        .where(`id IN (:...ids) AND ${due}`, { ...params, ids })
        .execute(),
    );
    return this.dataSource.getRepository(Reminder).find({
      where: { id: In(ids), leaseOwner: owner },
      order: { nextAttemptAt: 'ASC', id: 'ASC' },
    });
  }

  /** Gives back the rows of a claim not yet delivered (a sender that stops), for others to take now. */
  async releaseLeases(ids: number[], owner: string): Promise<void> {
    if (ids.length === 0) return;
    await writeTransaction(this.dataSource, (manager) =>
      manager.update(Reminder, { id: In(ids), leaseOwner: owner }, { leaseOwner: null, leaseUntil: null }),
    );
  }

  async markSent(id: number, sentAt: Date): Promise<void> {
    await writeTransaction(this.dataSource, (manager) =>
      manager.update(Reminder, { id }, { status: 'sent', sentAt, leaseUntil: null, lastError: null }),
    );
  }

  /** A failed attempt: to be tried again at `nextAttemptAt` (failed), or never (parked). */
  async markFailed(
    id: number,
    failure: { status: 'failed' | 'parked'; attempts: number; lastError: string; nextAttemptAt: Date },
  ): Promise<void> {
    await writeTransaction(this.dataSource, (manager) =>
      manager.update(Reminder, { id }, { ...failure, leaseUntil: null }),
    );
  }

  /** Back in the queue, due now, attempts counted afresh. */
  async requeue(manager: EntityManager, row: Reminder, now: Date): Promise<Reminder> {
    Object.assign(row, { status: 'pending', attempts: 0, nextAttemptAt: now, leaseUntil: null });
    return manager.save(Reminder, row);
  }

  findById(id: number, manager?: EntityManager): Promise<Reminder | null> {
    return this.manager(manager).findOneBy(Reminder, { id });
  }

  /** Newest first. `scope`: the actor's (`userScopeCondition` on the recipient), null for every reminder. */
  findPage(
    filter: { status?: ReminderStatus; recipientId?: number },
    page: number,
    pageSize: number,
    scope: SqlCondition | null = null,
  ): Promise<[Reminder[], number]> {
    const query = this.manager().getRepository(Reminder).createQueryBuilder('r');
    if (filter.status) query.andWhere('r.status = :status', { status: filter.status });
    if (filter.recipientId)
      query.andWhere('r.recipient_id = :recipientId', { recipientId: filter.recipientId });
    if (scope) query.andWhere(scope.sql, scope.params);
    return query
      .orderBy('r.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
  }

  /** Whether the reminder's recipient is in the scope (`userScopeCondition` on the recipient). */
  async inScope(id: number, scope: SqlCondition | null): Promise<boolean> {
    if (!scope) return true;
    const query = this.manager().getRepository(Reminder).createQueryBuilder('r').where('r.id = :id', { id });
    return (await query.andWhere(scope.sql, scope.params).getCount()) > 0;
  }
}
