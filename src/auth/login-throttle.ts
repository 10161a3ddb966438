import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, LessThan, MoreThan } from 'typeorm';
import { LoginFailure } from './login-failure.entity';

/** After 5 failures for one username from one address within 15 minutes, logins wait. */
export const MAX_LOGIN_FAILURES = 5;
export const LOGIN_FAILURE_WINDOW_MS = 15 * 60 * 1000;

/** Login throttling on a table, so that every app instance sees the same count. */
@Injectable()
export class LoginThrottle {
  constructor(private readonly dataSource: DataSource) {}

  /** Seconds to wait before another attempt, or 0 when one is allowed now. */
  async retryAfterSeconds(username: string, ip: string, now = new Date()): Promise<number> {
    const recent = await this.dataSource.getRepository(LoginFailure).find({
      where: { username, ip, at: MoreThan(new Date(now.getTime() - LOGIN_FAILURE_WINDOW_MS)) },
      order: { at: 'DESC' },
      take: MAX_LOGIN_FAILURES,
    });
    if (recent.length < MAX_LOGIN_FAILURES) return 0;
    const oldestCounted = recent[recent.length - 1].at.getTime();
    return Math.max(1, Math.ceil((oldestCounted + LOGIN_FAILURE_WINDOW_MS - now.getTime()) / 1000));
  }

  async recordFailure(manager: EntityManager, username: string, ip: string, now = new Date()): Promise<void> {
    const failures = manager.getRepository(LoginFailure);
    await failures.delete({ at: LessThan(new Date(now.getTime() - LOGIN_FAILURE_WINDOW_MS)) });
    await failures.insert({ username, ip, at: now });
  }

  async reset(manager: EntityManager, username: string, ip: string): Promise<void> {
    await manager.getRepository(LoginFailure).delete({ username, ip });
  }
}
