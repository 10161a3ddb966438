import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { SkipReason } from './domain/eligibility';

export const CAMPAIGN_ITEM_STATUSES = ['pending', 'opened', 'skipped'] as const;
export type CampaignItemStatus = (typeof CAMPAIGN_ITEM_STATUSES)[number];

/**
 * One target enterprise of a campaign, frozen when it started. Pending until a runner that
 * claimed it (lease_owner, lease_until: database/work-lease.ts) opens its negotiation, in the
 * same transaction that marks it opened; skipped, with the reason, when the enterprise got an
 * open round or an agreement (or closed, or lost its union) in the meantime.
 */
@Entity({ name: 'campaign_items' })
@Index('UQ_campaign_items_enterprise', ['campaignId', 'enterpriseId'], { unique: true })
@Index('IDX_campaign_items_status', ['campaignId', 'status'])
export class CampaignItem {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'campaign_id', type: 'integer' })
  @ForeignKey('campaigns', { name: 'FK_campaign_items_campaign', onDelete: 'CASCADE' })
  campaignId!: number;

  @Column({ name: 'enterprise_id', type: 'integer' })
  enterpriseId!: number;

  @Column({ type: 'varchar', length: 10 })
  status!: CampaignItemStatus;

  @Index('IDX_campaign_items_negotiation_id')
  @Column({ name: 'negotiation_id', type: 'integer', nullable: true })
  negotiationId!: number | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  reason!: SkipReason | null;

  @Column({ name: 'lease_owner', type: 'varchar', length: 100, nullable: true })
  leaseOwner!: string | null;

  @Column({ name: 'lease_until', type: 'datetime', nullable: true })
  leaseUntil!: Date | null;
}
