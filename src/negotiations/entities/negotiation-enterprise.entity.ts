import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Enterprise } from '../../enterprises/enterprise.entity';
import { Negotiation } from './negotiation.entity';

/** The enterprises a negotiation covers: one for `enterprise` scope, many for regional/industry. */
@Entity({ name: 'negotiation_enterprises' })
export class NegotiationEnterprise {
  @PrimaryColumn({ name: 'negotiation_id', type: 'integer' })
  negotiationId!: number;

  @Index('IDX_negotiation_enterprises_enterprise_id')
  @PrimaryColumn({ name: 'enterprise_id', type: 'integer' })
  enterpriseId!: number;

  @ManyToOne(() => Negotiation, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'negotiation_id', foreignKeyConstraintName: 'FK_negotiation_enterprises_negotiation' })
  negotiation?: Negotiation;

  @ManyToOne(() => Enterprise, { onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'FK_negotiation_enterprises_enterprise' })
  enterprise?: Enterprise;
}
