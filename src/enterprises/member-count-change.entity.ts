import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One change of an enterprise's member count (会员人数), appended by the enterprises' write path
 * (EnterprisesRepository) in the transaction that writes the count: by the API, the roster
 * import and the demo loader alike (migration 1764000000011). Members added in a period are the
 * sum of `increase` over the rows recorded in it (docs/domain.md, Wave 2: definitions).
 */
@Entity({ name: 'enterprise_member_changes' })
// The period's sum, joined to the enterprises in scope: by recordedOn, then the enterprise.
@Index('IDX_enterprise_member_changes_recorded_on', ['recordedOn', 'enterpriseId'])
export class MemberCountChange {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** Also what an enterprise's last recorded count is found by (and what the foreign key needs on MySQL). */
  @Index('IDX_enterprise_member_changes_enterprise_id')
  @Column({ name: 'enterprise_id', type: 'integer' })
  @ForeignKey('enterprises', { name: 'FK_enterprise_member_changes_enterprise', onDelete: 'CASCADE' })
  enterpriseId!: number;

  /** The business day (Asia/Shanghai, the app's Clock) the change was recorded on. */
  @Column({ name: 'recorded_on', type: 'date' })
  recordedOn!: string;

  /** The new count. */
  @Column({ name: 'member_count', type: 'integer' })
  memberCount!: number;

  /** max(0, new − previous count), the previous being 0 when there was none (domain/member-count.ts). */
  @Column({ type: 'integer' })
  increase!: number;
}
