import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { PersistedSnapshot } from '../workflow';
import type { AgreementKind, Scope, Stage } from '../workflow';

/**
 * One round of bargaining for one agreement. `snapshot` is a cache of the event log
 * (negotiation_events); `version` is bumped by every event and guards against lost updates.
 * Written only by NegotiationWriter.
 */
@Entity({ name: 'negotiations' })
export class Negotiation {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'agreement_kind', type: 'varchar', length: 20 })
  agreementKind!: AgreementKind;

  @Column({ type: 'varchar', length: 20 })
  scope!: Scope;

  @Column({ type: 'varchar', length: 200, nullable: true })
  title!: string | null;

  @Index('IDX_negotiations_stage')
  @Column({ type: 'varchar', length: 20 })
  stage!: Stage;

  /** Full state path, e.g. `consultation.suspended`. */
  @Column({ type: 'varchar', length: 60 })
  state!: string;

  @Column({ type: 'simple-json' })
  snapshot!: PersistedSnapshot;

  @Column({ name: 'machine_version', type: 'integer' })
  machineVersion!: number;

  @Column({ name: 'rule_set_version', type: 'varchar', length: 40 })
  ruleSetVersion!: string;

  @Column({ type: 'integer' })
  version!: number;

  /** The negotiation whose agreement this round renews. */
  @Column({ name: 'renews_id', type: 'integer', nullable: true })
  renewsId!: number | null;

  @Column({ name: 'created_on', type: 'date' })
  createdOn!: string;

  @Column({ name: 'created_by', type: 'integer', nullable: true })
  createdBy!: number | null;

  /** Recorded, not negotiated here (an agreement signed before the product was used). */
  @Column({ type: 'boolean' })
  historical!: boolean;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
