import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AgreementKind, Scope } from '../workflow';

/**
 * A signed agreement of a negotiation, kept in step with its snapshot by every event: what
 * the reports count. Covered enterprises are the negotiation's (negotiation_enterprises).
 * A signing that is later undone (review objection, abandonment) keeps its row with
 * `setAsideOn`, so a report for an earlier date still sees it (architecture invariant 5);
 * a negotiation has at most one row without it, its current agreement.
 */
@Entity({ name: 'agreements' })
// Covers the reports' "running on asOf" condition (migration 1764000000004).
@Index('IDX_agreements_running', [
  'agreementKind',
  'expiresOn',
  'signedOn',
  'terminatedOn',
  'setAsideOn',
  'negotiationId',
])
export class Agreement {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Index('IDX_agreements_negotiation_id')
  @Column({ name: 'negotiation_id', type: 'integer' })
  negotiationId!: number;

  @Column({ name: 'agreement_kind', type: 'varchar', length: 20 })
  agreementKind!: AgreementKind;

  @Column({ type: 'varchar', length: 20 })
  scope!: Scope;

  @Column({ name: 'signed_on', type: 'date' })
  signedOn!: string;

  @Column({ name: 'effective_on', type: 'date', nullable: true })
  effectiveOn!: string | null;

  /** The first day the agreement no longer applies. */
  @Column({ name: 'expires_on', type: 'date' })
  expiresOn!: string;

  @Column({ name: 'terminated_on', type: 'date', nullable: true })
  terminatedOn!: string | null;

  @Column({ name: 'term_months', type: 'integer' })
  termMonths!: number;

  @Column({ name: 'covered_employees', type: 'integer' })
  coveredEmployees!: number;

  @Column({ name: 'wage_increase_pct', type: 'double', nullable: true })
  wageIncreasePct!: number | null;

  @Column({ name: 'minimum_wage', type: 'integer', nullable: true })
  minimumWage!: number | null;

  /** The day the signed text stopped counting: a review objection or the round abandoned. */
  @Column({ name: 'set_aside_on', type: 'date', nullable: true })
  setAsideOn!: string | null;
}
