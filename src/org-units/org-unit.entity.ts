import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { OrgUnitLevel } from './domain/org-unit-code';

/** A unit of the trade-union hierarchy: province, city, county or township (docs/domain.md). */
@Entity({ name: 'org_units' })
export class OrgUnit {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** 统计用区划代码, 12 digits; never changes. */
  @Index('UQ_org_units_code', { unique: true })
  @Column({ type: 'varchar', length: 12 })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 10 })
  level!: OrgUnitLevel;

  @Column({ name: 'parent_id', type: 'integer', nullable: true })
  @ForeignKey('org_units', { name: 'FK_org_units_parent', onDelete: 'RESTRICT' })
  @Index('IDX_org_units_parent')
  parentId!: number | null;

  /** Ids from the root down to this unit, `/1/4/17/`: a subtree is `path LIKE '/1/4/%'`. Never changes. */
  @Index('IDX_org_units_path')
  @Column({ type: 'varchar', length: 100 })
  path!: string;

  /** The unit's own signing-rate targets (fractions 0–1); null = inherited. */
  @Column({ name: 'target_state', type: 'double', nullable: true })
  targetState!: number | null;

  @Column({ name: 'target_non_public', type: 'double', nullable: true })
  targetNonPublic!: number | null;

  @Column({ name: 'target_collective', type: 'double', nullable: true })
  targetCollective!: number | null;

  @Column({ name: 'target_other', type: 'double', nullable: true })
  targetOther!: number | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}

/** What the audit trail keeps of a unit, created through the API or an import. */
export const ORG_UNIT_AUDITED_FIELDS = [
  'code',
  'name',
  'level',
  'parentId',
] as const satisfies readonly (keyof OrgUnit)[];
