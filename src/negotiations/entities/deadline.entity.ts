import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { DeadlineKind } from '../workflow';

/**
 * An open deadline of a negotiation, recomputed and replaced with every event. `fire` rows
 * are picked up by the timer runner, which sends `event` through the one write path.
 */
@Entity({ name: 'deadlines' })
@Index('IDX_deadlines_due', ['action', 'dueOn'])
export class Deadline {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Index('IDX_deadlines_negotiation_id')
  @Column({ name: 'negotiation_id', type: 'integer' })
  negotiationId!: number;

  @Column({ type: 'varchar', length: 40 })
  kind!: DeadlineKind;

  @Column({ name: 'due_on', type: 'date' })
  dueOn!: string;

  @Column({ type: 'varchar', length: 10 })
  action!: 'remind' | 'fire';

  @Column({ type: 'varchar', length: 40, nullable: true })
  event!: string | null;

  /** The legal rule behind the date, e.g. `集体合同规定 art. 42`. */
  @Column({ type: 'varchar', length: 200 })
  rule!: string;

  /** Calendar days or working days (工作日), as the negotiation's rule set counts this limit. */
  @Column({ type: 'varchar', length: 10, default: 'calendar' })
  unit!: 'calendar' | 'workday';

  /** The working-day calendar lacked the year: counted in calendar days, not moved to a working day. */
  @Column({ name: 'calendar_missing', type: 'boolean', default: false })
  calendarMissing!: boolean;

  /** When a `fire` row could not be fired (the machine refused), why: it is not retried. */
  @Column({ name: 'failed_reason', type: 'varchar', length: 500, nullable: true })
  failedReason!: string | null;

  /** The timer runner that has claimed this `fire` row, until `leaseUntil` (database/work-lease.ts). */
  @Column({ name: 'lease_owner', type: 'varchar', length: 100, nullable: true })
  leaseOwner!: string | null;

  @Column({ name: 'lease_until', type: 'datetime', nullable: true })
  leaseUntil!: Date | null;
}
