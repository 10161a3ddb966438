import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { User } from './user.entity';

@Injectable()
export class UsersRepository {
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

  findByUsername(username: string): Promise<User | null> {
    return this.repo().findOneBy({ username });
  }

  save(user: User, manager?: EntityManager): Promise<User> {
    return this.repo(manager).save(user);
  }

  findAll(): Promise<User[]> {
    return this.repo().find({ order: { id: 'ASC' } });
  }

  count(): Promise<number> {
    return this.repo().count();
  }

  countActiveAdmins(manager?: EntityManager): Promise<number> {
    return this.repo(manager).countBy({ role: 'admin', active: true });
  }

  findPage(page: number, pageSize: number): Promise<[User[], number]> {
    return this.repo()
      .createQueryBuilder('u')
      .orderBy('u.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
  }
}
