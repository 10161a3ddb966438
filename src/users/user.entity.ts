import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Role } from '../access/roles';
import type { Language } from './domain/account';

@Entity({ name: 'users' })
export class User {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Index('UQ_users_username', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  username!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName!: string;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  @Column({ type: 'varchar', length: 20 })
  role!: Role;

  @Column({ type: 'varchar', length: 10 })
  language!: Language;

  @Column({ name: 'digest_opt_out', type: 'boolean' })
  digestOptOut!: boolean;

  @Column({ type: 'boolean' })
  active!: boolean;

  /** The organisation unit the user belongs to; an admin or supervisor governs its subtree. Null: the whole deployment. */
  @Column({ name: 'org_unit_id', type: 'integer', nullable: true })
  @ForeignKey('org_units', { name: 'FK_users_org_unit', onDelete: 'RESTRICT' })
  orgUnitId!: number | null;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash!: string;

  /** Bumped on password change and deactivation; tokens carry it, so older tokens stop working. */
  @Column({ name: 'token_version', type: 'integer' })
  tokenVersion!: number;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
