import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import type { Role } from '../access/roles';
import { type AccessScope, scopeCondition } from '../access/scope';
import type { BusinessDate } from '../common/dates/business-date';
import { cleanCode } from '../common/text/plain-text';
import { ReportAggregates } from '../database/report-aggregates.port';
import { isMysqlFamily } from '../database/transactions';
import { OrgUnit } from '../org-units/org-unit.entity';
import { memberIncrease, recordsMemberCount } from './domain/member-count';
import { ownershipTypesOf } from './domain/ownership';
import { ListEnterprisesQuery } from './dto/list-enterprises.query';
import { Enterprise } from './enterprise.entity';
import { MemberCountChange } from './member-count-change.entity';

export type EnterpriseFilter = Omit<ListEnterprisesQuery, 'page' | 'pageSize'> & {
  /** The actor's scope (`scopeOf`): only the enterprises in it. */
  access?: AccessScope;
};

/** A stored enterprise as an update is made on: the version it is written at, the count it had. */
export type StoredEnterprise = Pick<Enterprise, 'id' | 'version' | 'memberCount'>;

/** A member count written for an enterprise, beside the one it replaces (null: none). */
interface MemberCountWrite {
  enterpriseId: number;
  previous: number | null;
  next: number | null | undefined;
}

/** Change rows are inserted this many at a time (5 parameters each, well inside SQLite's limit). */
const CHANGE_ROWS_PER_INSERT = 500;

/**
 * The enterprises' table and the history of their member counts. The one write path of an
 * enterprise's fields is here: `insert`, `insertMany` and `updateAtVersion` (the API, the roster
 * import and the demo loader all write through them), and each records a member count it sets or
 * changes in `enterprise_member_changes` in the caller's transaction, on the business day it is
 * given (the Clock's today; only the demo loader gives past days, for its history).
 * (`releaseInstructor` unassigns an instructor and touches no count.) Each brings the report
 * aggregates of the enterprises it wrote up to date in the same transaction (ReportAggregates).
 */
@Injectable()
export class EnterprisesRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly coverage: ReportAggregates,
  ) {}

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

  /** A new enterprise; the member count it is given is recorded as an increase from zero. */
  async insert(
    enterprise: Enterprise,
    manager: EntityManager,
    recordedOn: BusinessDate,
  ): Promise<Enterprise> {
    await this.copyTownshipNames([enterprise], manager);
    const saved = await this.repo(manager).save(enterprise);
    await this.recordMemberCounts(
      manager,
      [{ enterpriseId: saved.id, previous: null, next: saved.memberCount }],
      recordedOn,
    );
    await this.coverage.refresh(manager, [saved.id]);
    return saved;
  }

  /**
   * Many new enterprises in one statement (imports), answered as stored: read back by credit
   * code, since ids counted from the first one are wrong on a Galera cluster (they step by the
   * number of nodes). Their member counts are recorded as for `insert`.
   */
  async insertMany(
    enterprises: Enterprise[],
    manager: EntityManager,
    recordedOn: BusinessDate,
  ): Promise<Enterprise[]> {
    await this.copyTownshipNames(enterprises, manager);
    await this.repo(manager).insert(enterprises);
    const created = await this.findByCreditCodes(
      enterprises.map((e) => e.creditCode),
      manager,
    );
    await this.recordMemberCounts(
      manager,
      created.map((e) => ({ enterpriseId: e.id, previous: null, next: e.memberCount })),
      recordedOn,
    );
    await this.coverage.refresh(
      manager,
      created.map((e) => e.id),
    );
    return created;
  }

  /**
   * Compare-and-set: writes `changes` (and version + 1, which TypeORM adds to every UPDATE of
   * the entity) only while the row is still at `before.version`. False when another write got
   * there first; nothing is written then. A member count it sets or changes is recorded against
   * `before.memberCount`, the count the row had at that version (or, when it had none, the last
   * one recorded: a count cleared and given again adds only what it grew by meanwhile).
   */
  async updateAtVersion(
    manager: EntityManager,
    before: StoredEnterprise,
    changes: Partial<Enterprise>,
    recordedOn: BusinessDate,
  ): Promise<boolean> {
    if (changes.orgUnitId != null) await this.copyTownshipNames([changes], manager);
    const result = await manager
      .createQueryBuilder()
      .update(Enterprise)
      .set(changes)
      .where('id = :id', { id: before.id })
      .andWhere('version = :version', { version: before.version })
      .execute();
    if (result.affected !== 1) return false;
    await this.coverage.refresh(manager, [before.id]);
    if (recordsMemberCount(before.memberCount, changes.memberCount)) {
      const previous = before.memberCount ?? (await this.lastRecordedCount(manager, before.id));
      await this.recordMemberCounts(
        manager,
        [{ enterpriseId: before.id, previous, next: changes.memberCount }],
        recordedOn,
      );
    }
    return true;
  }

  /**
   * An enterprise's `township` is a copy of its township unit's name (docs/domain.md), which
   * `OrgUnitsRepository.rename` rewrites on the unit's enterprises. Whatever name the caller
   * resolved earlier, the copy is written from the unit row as it stands inside the caller's
   * transaction, locked on MySQL/MariaDB: a rename in flight either commits first (this reads
   * its new name) or waits for this transaction (and then finds the enterprise in the unit).
   * SQLite runs one write transaction at a time, so the read alone is current there.
   */
  private async copyTownshipNames(
    rows: Pick<Enterprise, 'orgUnitId' | 'township'>[] | Partial<Enterprise>[],
    manager: EntityManager,
  ): Promise<void> {
    const ids = [...new Set(rows.map((row) => row.orgUnitId).filter((id): id is number => id != null))];
    if (ids.length === 0) return;
    const query = manager
      .getRepository(OrgUnit)
      .createQueryBuilder('u')
      .select(['u.id', 'u.name'])
      .where('u.id IN (:...ids)', { ids });
    if (isMysqlFamily(manager.connection)) query.setLock('pessimistic_write');
    const names = new Map((await query.getMany()).map((unit) => [unit.id, unit.name]));
    for (const row of rows) {
      const name = row.orgUnitId == null ? undefined : names.get(row.orgUnitId);
      if (name !== undefined) row.township = name;
    }
  }

  /** The last member count recorded for the enterprise, null when none was. */
  async lastRecordedCount(manager: EntityManager, enterpriseId: number): Promise<number | null> {
    const last = await manager.getRepository(MemberCountChange).findOne({
      select: { memberCount: true },
      where: { enterpriseId },
      order: { id: 'DESC' },
    });
    return last?.memberCount ?? null;
  }

  /**
   * One change row per count written, with its increase over the previous one
   * (domain/member-count.ts); a write that gives no count records nothing.
   */
  private async recordMemberCounts(
    manager: EntityManager,
    writes: MemberCountWrite[],
    recordedOn: BusinessDate,
  ): Promise<void> {
    const rows = writes.flatMap(({ enterpriseId, previous, next }) =>
      next === null || next === undefined
        ? []
        : [{ enterpriseId, recordedOn, memberCount: next, increase: memberIncrease(previous, next) }],
    );
    for (let i = 0; i < rows.length; i += CHANGE_ROWS_PER_INSERT) {
      // No generated values read back: nothing needs them, and MySQL would count them from the first id.
      await manager
        .createQueryBuilder()
        .insert()
        .into(MemberCountChange)
        .values(rows.slice(i, i + CHANGE_ROWS_PER_INSERT))
        .updateEntity(false)
        .execute();
    }
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
    if (assigned.length > 0) {
      await manager.update(Enterprise, { instructorId }, { instructorId: null });
      await this.coverage.refresh(
        manager,
        assigned.map(({ id }) => id),
      );
    }
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
