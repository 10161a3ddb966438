import type { SqlCondition } from '../access/scope';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, Repository } from 'typeorm';
import type { Role } from '../access/roles';
import { User } from './user.entity';

@Injectable()
export class UsersRepository {
  /** Users read for authentication, with when they were read (see findRecentById). */
  private readonly recent = new Map<number, { user: User | null; readAt: number }>();

  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager): Repository<User> {
    return (manager ?? this.dataSource.manager).getRepository(User);
  }

  create(fields: Partial<User>): User {
    return this.repo().create(fields);
  }

  findById(id: number, manager?: EntityManager): Promise<User | null> {
    return this.repo(manager).findOneBy({ id });
  }

  /**
   * The user as read at most `maxAgeMs` ago: every request checks the user behind its token,
   * and a client's requests come seconds apart. Writers call {@link forget} once committed.
   */
  async findRecentById(id: number, maxAgeMs: number): Promise<User | null> {
    const now = Date.now();
    const known = this.recent.get(id);
    if (known && now - known.readAt < maxAgeMs) return known.user;
    const user = await this.findById(id);
    if (maxAgeMs > 0) this.recent.set(id, { user, readAt: now });
    return user;
  }

  /** Forgets one user, or all (after users were written around this repository). */
  forget(id?: number): void {
    if (id === undefined) this.recent.clear();
    else this.recent.delete(id);
  }

  findByUsername(username: string): Promise<User | null> {
    return this.repo().findOneBy({ username });
  }

  save(user: User, manager?: EntityManager): Promise<User> {
    return this.repo(manager).save(user);
  }

  /** Every user (of one role if given), by id. */
  findAll(role?: Role): Promise<User[]> {
    return this.repo().find({ where: role === undefined ? {} : { role }, order: { id: 'ASC' } });
  }

  count(): Promise<number> {
    return this.repo().count();
  }

  countActiveAdmins(manager?: EntityManager): Promise<number> {
    return this.repo(manager).countBy({ role: 'admin', active: true });
  }

  /** `scope`: the actor's (`userScopeCondition` on `u.id`), null for every user. */
  findPage(
    page: number,
    pageSize: number,
    role?: Role,
    scope: SqlCondition | null = null,
  ): Promise<[User[], number]> {
    const query = this.repo().createQueryBuilder('u');
    if (role) query.andWhere('u.role = :role', { role });
    if (scope) query.andWhere(scope.sql, scope.params);
    return query
      .orderBy('u.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
  }
}
