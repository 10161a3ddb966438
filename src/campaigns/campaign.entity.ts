import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AgreementKind } from '../negotiations/workflow';
import type { CampaignFilter, ExclusionCounts } from './domain/eligibility';

export const CAMPAIGN_STATUSES = ['running', 'done', 'failed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/**
 * An offer campaign (集中要约行动): the offers it sends, to whom (its filter, within `unitId`'s
 * subtree), and what it found when it started. Its target enterprises are its items.
 */
@Entity({ name: 'campaigns' })
export class Campaign {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ name: 'agreement_kind', type: 'varchar', length: 20 })
  agreementKind!: AgreementKind;

  /** The day the offers were sent and received (OFFER_SENT's occurredOn and receivedOn). */
  @Column({ name: 'offer_on', type: 'date' })
  offerOn!: string;

  @Column({ type: 'simple-json' })
  filter!: CampaignFilter;

  /**
   * The unit whose subtree the campaign covers: the filter's unit, else the creator's (when the
   * creator's scope is a unit's); null: the whole deployment. Who may read it is judged by it.
   */
  @Column({ name: 'unit_id', type: 'integer', nullable: true })
  unitId!: number | null;

  @Index('IDX_campaigns_status')
  @Column({ type: 'varchar', length: 10 })
  status!: CampaignStatus;

  /** How many target enterprises it froze when it started (its items). */
  @Column({ type: 'integer' })
  eligible!: number;

  /** The enterprises of the filter it did not target when it started, by reason. */
  @Column({ type: 'simple-json' })
  excluded!: ExclusionCounts;

  /** The signing-rate base (open unionised enterprises of the filter) on offerOn. */
  @Column({ name: 'base_at_start', type: 'integer' })
  baseAtStart!: number;

  /** Those of the base covered by an agreement of the kind on offerOn. */
  @Column({ name: 'covered_at_start', type: 'integer' })
  coveredAtStart!: number;

  @Column({ name: 'created_by', type: 'integer', nullable: true })
  createdBy!: number | null;

  @Column({ name: 'finished_at', type: 'datetime', nullable: true })
  finishedAt!: Date | null;

  @Column({ name: 'failed_reason', type: 'varchar', length: 500, nullable: true })
  failedReason!: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
