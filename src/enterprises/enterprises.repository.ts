import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import type { Role } from '../access/roles';
import { type AccessScope, scopeCondition } from '../access/scope';
import { cleanCode } from '../common/text/plain-text';
import { ownershipTypesOf } from './domain/ownership';
import { ListEnterprisesQuery } from './dto/list-enterprises.query';
import { Enterprise } from './enterprise.entity';

export type EnterpriseFilter = Omit<ListEnterprisesQuery, 'page' | 'pageSize'> & {
  /** The actor's scope (`scopeOf`): only the enterprises in it. */
  access?: AccessScope;
};

@Injectable()
export class EnterprisesRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager): Repository<Enterprise> {
    return (manager ?? this.dataSource.manager).getRepository(Enterprise);
  }

  findById(id: number, manager?: EntityManager): Promise<Enterprise | null> {
    return this.repo(manager).findOneBy({ id });
  }

  /** The enterprises with these credit codes (any number: queried in chunks). */
  async findByCreditCodes(codes: string[], manager?: EntityManager): Promise<Enterprise[]> {
    const found: Enterprise[] = [];
    for (let i = 0; i < codes.length; i += 1000) {
      found.push(...(await this.repo(manager).findBy({ creditCode: In(codes.slice(i, i + 1000)) })));
    }
    return found;
  }

  /** Many new enterprises in one statement (imports). */
  async insertMany(enterprises: Enterprise[], manager: EntityManager): Promise<void> {
    await this.repo(manager).insert(enterprises);
  }

  /**
   * Compare-and-set: writes `changes` (and version + 1, which TypeORM adds to every UPDATE of
   * the entity) only while the row is still at `version`. False when another write got there
   * first; nothing is written then.
   */
  async updateAtVersion(
    manager: EntityManager,
    id: number,
    version: number,
    changes: Partial<Enterprise>,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Enterprise)
      .set(changes)
      .where('id = :id', { id })
      .andWhere('version = :version', { version })
      .execute();
    return result.affected === 1;
  }

  save(enterprise: Enterprise, manager?: EntityManager): Promise<Enterprise> {
    return this.repo(manager).save(enterprise);
  }

  create(fields: Partial<Enterprise>): Enterprise {
    return this.repo().create(fields);
  }

  /** One page in id order (stable across pages), and the total matching the filter. */
  async findPage(filter: EnterpriseFilter, page: number, pageSize: number): Promise<[Enterprise[], number]> {
    return this.filtered(filter)
      .orderBy('e.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
  }

  async findByIds(ids: number[]): Promise<Enterprise[]> {
    const found: Enterprise[] = [];
    for (let i = 0; i < ids.length; i += 1000)
      found.push(...(await this.repo().findBy({ id: In(ids.slice(i, i + 1000)) })));
    return found;
  }

  /**
   * The user if an active instructor, who may be assigned enterprises, with their unit. Read from the users
   * table here rather than through the users module, which depends on this one (it releases an
   * instructor's enterprises, {@link releaseInstructor}).
   */
  async activeInstructor(userId: number): Promise<{ id: number; orgUnitId: number | null } | null> {
    const role: Role = 'instructor';
    const found = await this.dataSource
      .createQueryBuilder()
      .select('u.id', 'id')
      .addSelect('u.org_unit_id', 'orgUnitId')
      .from('users', 'u')
      .where('u.id = :userId AND u.role = :role AND u.active = :active', { userId, role, active: true })
      .getRawOne<{ id: number | string; orgUnitId: number | string | null }>();
    if (!found) return null;
    return { id: Number(found.id), orgUnitId: found.orgUnitId === null ? null : Number(found.orgUnitId) };
  }

  /**
   * Unassigns every enterprise of an instructor (instructor_id is a reference to the user), in
   * the caller's transaction, and answers their ids.
   */
  async releaseInstructor(manager: EntityManager, instructorId: number): Promise<number[]> {
    const assigned = await manager.find(Enterprise, { select: { id: true }, where: { instructorId } });
    if (assigned.length > 0) await manager.update(Enterprise, { instructorId }, { instructorId: null });
    return assigned.map(({ id }) => id);
  }

  /** How many enterprises assigned to the instructor lie outside these units. */
  countAssignedOutside(instructorId: number, unitIds: readonly number[]): Promise<number> {
    const query = this.repo()
      .createQueryBuilder('e')
      .where('e.instructor_id = :instructorId', { instructorId });
    if (unitIds.length > 0)
      query.andWhere('(e.org_unit_id IS NULL OR e.org_unit_id NOT IN (:...unitIds))', { unitIds });
    return query.getCount();
  }

  /** The townships of the enterprises matching the filter, with how many each has, by name. */
  async townships(filter: EnterpriseFilter): Promise<Array<{ township: string; enterprises: number }>> {
    const rows = await this.filtered(filter)
      .select('e.township', 'township')
      .addSelect('COUNT(*)', 'enterprises')
      .groupBy('e.township')
      .orderBy('e.township', 'ASC')
      .getRawMany<{ township: string; enterprises: number | string }>();
    return rows.map((row) => ({ township: row.township, enterprises: Number(row.enterprises) }));
  }

  /** Every enterprise matching the filter, in id order (exports). */
  findAll(filter: EnterpriseFilter): Promise<Enterprise[]> {
    return this.filtered(filter).orderBy('e.id', 'ASC').getMany();
  }

  private filtered(filter: EnterpriseFilter): SelectQueryBuilder<Enterprise> {
    const query = this.repo().createQueryBuilder('e');
    if (filter.ownershipType) query.andWhere('e.ownershipType = :ownershipType', filter);
    if (filter.sector)
      query.andWhere('e.ownershipType IN (:...types)', { types: ownershipTypesOf(filter.sector) });
    if (filter.township) query.andWhere('e.township = :township', filter);
    if (filter.industry) query.andWhere('e.industry = :industry', filter);
    if (filter.instructorId) query.andWhere('e.instructorId = :instructorId', filter);
    const inScope = filter.access && scopeCondition(filter.access, 'e');
    if (inScope) query.andWhere(inScope.sql, inScope.params);
    if (filter.q) {
      // '!' as the escape character: a backslash means different things in MySQL and SQLite literals.
      query.andWhere("(e.name LIKE :q ESCAPE '!' OR e.creditCode LIKE :qUpper ESCAPE '!')", {
        q: `%${escapeLike(filter.q)}%`,
        // Codes are stored half-width; a name keeps its full-width （） and is matched as typed.
        qUpper: `%${escapeLike(cleanCode(filter.q).toUpperCase())}%`,
      });
    }
    return query;
  }
}

/** Makes `%` and `_` in user input match themselves in a LIKE pattern. */
function escapeLike(text: string): string {
  return text.replace(/[!%_]/g, (c) => `!${c}`);
}
