import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { OwnershipType } from './domain/ownership';

/** The report indexes (migration 1764000000004): one per grouping column, covering what the reports read. */
const REPORT_COLUMNS = ['registeredOn', 'closedOn', 'unionFoundedOn', 'employeeCount'];

@Entity({ name: 'enterprises' })
@Index('IDX_enterprises_report_ownership', [
  'ownershipType',
  'township',
  'industry',
  'instructorId',
  ...REPORT_COLUMNS,
])
@Index('IDX_enterprises_report_township', [
  'township',
  'ownershipType',
  'industry',
  'instructorId',
  ...REPORT_COLUMNS,
])
@Index('IDX_enterprises_report_instructor', [
  'instructorId',
  'ownershipType',
  'township',
  'industry',
  ...REPORT_COLUMNS,
])
// A unit's reports read only this index: township too, for groupBy=township (docs/benchmarks.md, Federation hierarchy).
@Index('IDX_enterprises_report_org_unit', [
  'orgUnitId',
  'township',
  'ownershipType',
  'industry',
  'instructorId',
  ...REPORT_COLUMNS,
])
// The target-gaps list's order, largest first, then what its conditions read (migration
// 1764000000007, which makes employee_count DESC: TypeORM's indexes have no column order).
@Index('IDX_enterprises_gap_list', [
  'employeeCount',
  'id',
  'ownershipType',
  'registeredOn',
  'closedOn',
  'unionFoundedOn',
  'orgUnitId',
  'instructorId',
])
export class Enterprise {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Index('UQ_enterprises_credit_code', { unique: true })
  @Column({ name: 'credit_code', type: 'varchar', length: 18 })
  creditCode!: string;

  @Column({ name: 'ownership_type', type: 'varchar', length: 20 })
  ownershipType!: OwnershipType;

  /** The township unit's name (kept with the enterprise; the reports group by it). */
  @Column({ type: 'varchar', length: 100 })
  township!: string;

  /** The township unit the enterprise belongs to (migration 1764000000006); set on every write. */
  @Column({ name: 'org_unit_id', type: 'integer', nullable: true })
  @ForeignKey('org_units', { name: 'FK_enterprises_org_unit', onDelete: 'RESTRICT' })
  orgUnitId!: number | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  community!: string | null;

  @Column({ type: 'varchar', length: 1 })
  industry!: string;

  @Column({ name: 'employee_count', type: 'integer' })
  employeeCount!: number;

  @Column({ name: 'union_founded_on', type: 'date', nullable: true })
  unionFoundedOn!: string | null;

  /**
   * 会员人数: the union's members (migration 1764000000011); null = not known. Every write that
   * sets or changes it records the change in `enterprise_member_changes` (MemberCountChange).
   */
  @Column({ name: 'member_count', type: 'integer', nullable: true })
  memberCount!: number | null;

  /** 职代会建立日期: when the workers' congress (职工代表大会) was established; null = none yet. */
  @Column({ name: 'workers_congress_on', type: 'date', nullable: true })
  workersCongressOn!: string | null;

  /** The assigned instructor, a user (named by its table: the users module depends on this one). */
  @Column({ name: 'instructor_id', type: 'integer', nullable: true })
  @ForeignKey('users', { name: 'FK_enterprises_instructor', onDelete: 'SET NULL' })
  instructorId!: number | null;

  @Column({ name: 'registered_on', type: 'date', nullable: true })
  registeredOn!: string | null;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn!: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;

  /**
   * 1 when created, +1 on every write by any path (TypeORM adds it to each UPDATE): a PATCH
   * with `expectedVersion` is applied only at that version (migration 1764000000005).
   */
  @VersionColumn({ type: 'integer', default: 1 })
  version!: number;

  /**
   * Negotiations opened for the enterprise: written by the transaction that opens one, so that
   * two at once cannot both open a round, on one server or across cluster nodes (migration
   * 1764000000010). Not part of the API; not a change of the enterprise (its version stays).
   */
  @Column({ name: 'rounds_opened', type: 'integer', default: 0, select: false })
  roundsOpened!: number;
}
