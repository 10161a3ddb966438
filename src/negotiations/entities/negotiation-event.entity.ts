import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Stage } from '../workflow';

/** The append-only, gap-free history of a negotiation: `seq` 1, 2, 3… per negotiation. */
@Entity({ name: 'negotiation_events' })
@Index('UQ_negotiation_events_seq', ['negotiationId', 'seq'], { unique: true })
export class NegotiationEvent {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'negotiation_id', type: 'integer' })
  negotiationId!: number;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ type: 'varchar', length: 40 })
  type!: string;

  /** The day it really happened (business date), not the day it was typed in. */
  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn!: string;

  @CreateDateColumn({ name: 'recorded_at' })
  recordedAt!: Date;

  /** null for the system (timers, imports). */
  @Column({ name: 'actor_id', type: 'integer', nullable: true })
  actorId!: number | null;

  @Column({ name: 'from_stage', type: 'varchar', length: 20 })
  fromStage!: Stage;

  @Column({ name: 'to_stage', type: 'varchar', length: 20 })
  toStage!: Stage;

  /** The event as the machine accepted it (its fields, without type and occurredOn). */
  @Column({ type: 'simple-json' })
  payload!: Record<string, unknown>;
}
