import { CreateDateColumn, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A failed login, kept 15 minutes for throttling; shared by every app instance. */
@Entity({ name: 'login_failures' })
@Index('IDX_login_failures_username_ip', ['username', 'ip'])
export class LoginFailure {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 64 })
  username!: string;

  @Column({ type: 'varchar', length: 64 })
  ip!: string;

  @CreateDateColumn({ name: 'at' })
  at!: Date;
}
