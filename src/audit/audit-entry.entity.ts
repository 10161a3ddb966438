import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const AUDIT_ENTITY_TYPES = [
  'enterprise',
  'negotiation',
  'agreement',
  'user',
  'reminder',
  'auth',
  'org_unit',
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

export type AuditChanges = Record<string, { from: unknown; to: unknown }>;

/** One write, as it happened. Append-only: the application never updates or deletes these rows. */
@Entity({ name: 'audit_entries' })
@Index('IDX_audit_entity', ['entityType', 'entityId'])
export class AuditEntry {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Index('IDX_audit_at')
  @CreateDateColumn({ name: 'at' })
  at!: Date;

  @Index('IDX_audit_actor_id')
  @Column({ name: 'actor_id', type: 'integer', nullable: true })
  actorId!: number | null;

  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ name: 'entity_type', type: 'varchar', length: 20 })
  entityType!: AuditEntityType;

  @Column({ name: 'entity_id', type: 'varchar', length: 64 })
  entityId!: string;

  @Column({ type: 'simple-json', nullable: true })
  changes!: AuditChanges | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;
}
