import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull, Repository } from 'typeorm';
import { ReportAggregates } from '../database/report-aggregates.port';
import { execute } from '../database/sql';
import { childPath, type OrgUnitLevel } from './domain/org-unit-code';
import { OrgUnit } from './org-unit.entity';

/** Rows read or written per statement: SQLite takes at most 999 parameters in older builds. */
const CHUNK = 300;

/** The one write path of organisation units, and the hierarchy's reads. */
@Injectable()
export class OrgUnitsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly coverage: ReportAggregates,
  ) {}

  private repo(manager?: EntityManager): Repository<OrgUnit> {
    return (manager ?? this.dataSource.manager).getRepository(OrgUnit);
  }

  findById(id: number, manager?: EntityManager): Promise<OrgUnit | null> {
    return this.repo(manager).findOneBy({ id });
  }

  findByCode(code: string, manager?: EntityManager): Promise<OrgUnit | null> {
    return this.repo(manager).findOneBy({ code });
  }

  /** The units of these codes (12 digits), read a chunk at a time (an import names thousands). */
  async findByCodes(codes: readonly string[], manager?: EntityManager): Promise<OrgUnit[]> {
    const unique = [...new Set(codes)];
    const found: OrgUnit[] = [];
    for (let i = 0; i < unique.length; i += CHUNK) {
      found.push(...(await this.repo(manager).findBy({ code: In(unique.slice(i, i + CHUNK)) })));
    }
    return found;
  }

  /**
   * A page of units by code (a parent sorts before its children), narrowed to `parentId`'s
   * children and to `level` when given, and to `ids` (the units a caller may see; null: all).
   */
  page(
    filter: { parentId?: number; level?: OrgUnitLevel; ids: readonly number[] | null },
    page: number,
    pageSize: number,
  ): Promise<[OrgUnit[], number]> {
    const query = this.repo().createQueryBuilder('u');
    if (filter.ids !== null) {
      if (filter.ids.length === 0) query.andWhere('1 = 0');
      else query.andWhere('u.id IN (:...visibleIds)', { visibleIds: filter.ids });
    }
    if (filter.parentId !== undefined)
      query.andWhere('u.parent_id = :parentId', { parentId: filter.parentId });
    if (filter.level !== undefined) query.andWhere('u.level = :level', { level: filter.level });
    return query
      .orderBy('u.code', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
  }

  findByIds(ids: readonly number[], manager?: EntityManager): Promise<OrgUnit[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.repo(manager).findBy({ id: In([...ids]) });
  }

  /** The units directly under `parentId` (null: the roots), by code. */
  children(parentId: number | null, manager?: EntityManager): Promise<OrgUnit[]> {
    return this.repo(manager).find({ where: { parentId: parentId ?? IsNull() }, order: { code: 'ASC' } });
  }

  /** The township units of that name, anywhere in the hierarchy, by code. */
  townshipsNamed(name: string, manager?: EntityManager): Promise<OrgUnit[]> {
    return this.repo(manager).find({ where: { name, level: 'township' }, order: { code: 'ASC' } });
  }

  /** At most `limit` units of a level (e.g. two counties: whether the deployment has only one). */
  ofLevel(level: OrgUnitLevel, limit: number, manager?: EntityManager): Promise<OrgUnit[]> {
    return this.repo(manager).find({ where: { level }, order: { code: 'ASC' }, take: limit });
  }

  roots(manager?: EntityManager): Promise<OrgUnit[]> {
    return this.children(null, manager);
  }

  count(manager?: EntityManager): Promise<number> {
    return this.repo(manager).count();
  }

  countRoots(manager?: EntityManager): Promise<number> {
    return this.repo(manager).createQueryBuilder('u').where('u.parent_id IS NULL').getCount();
  }

  /** The unit and every unit below it. */
  subtree(unit: Pick<OrgUnit, 'path'>, manager?: EntityManager): Promise<OrgUnit[]> {
    return this.repo(manager)
      .createQueryBuilder('u')
      .where('u.path LIKE :path', { path: `${unit.path}%` })
      .orderBy('u.code', 'ASC')
      .getMany();
  }

  /** The paths of some units (those that exist), by id: a roll-up's groups, not a whole subtree. */
  async pathsOf(ids: readonly number[], manager?: EntityManager): Promise<Map<number, string>> {
    const paths = new Map<number, string>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await this.repo(manager)
        .createQueryBuilder('u')
        .select('u.id', 'id')
        .addSelect('u.path', 'path')
        .where('u.id IN (:...ids)', { ids: ids.slice(i, i + CHUNK) })
        .getRawMany<{ id: number | string; path: string }>();
      for (const row of rows) paths.set(Number(row.id), row.path);
    }
    return paths;
  }

  /** Ids of the unit and every unit below it. */
  async subtreeIds(unit: Pick<OrgUnit, 'path'>, manager?: EntityManager): Promise<number[]> {
    const rows = await this.repo(manager)
      .createQueryBuilder('u')
      .select('u.id', 'id')
      .where('u.path LIKE :path', { path: `${unit.path}%` })
      .getRawMany<{ id: number | string }>();
    return rows.map((row) => Number(row.id));
  }

  /** The units on a unit's path, root first, the unit itself last. */
  async chain(unit: Pick<OrgUnit, 'path'>, manager?: EntityManager): Promise<OrgUnit[]> {
    const ids = unit.path.split('/').filter(Boolean).map(Number);
    const units = await this.repo(manager).findBy(ids.map((id) => ({ id })));
    const byId = new Map(units.map((found) => [found.id, found]));
    return ids.map((id) => byId.get(id)).filter((found): found is OrgUnit => found !== undefined);
  }

  /** Corrects a unit's name (its code, level and parent never change). */
  async rename(id: number, name: string, manager: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, { name });
    // An enterprise's township is the name of its township unit (docs/domain.md): its copy in
    // enterprises.township follows the unit's, in the same transaction. Not an edit of the
    // enterprise: its version and history stay as they are.
    await manager.query('UPDATE enterprises SET township = ? WHERE org_unit_id = ?', [name, id]);
    await this.coverage.refreshUnit(manager, id);
  }

  /** Sets a unit's own targets: a field given as null is inherited again, one left out kept. */
  async setOwnTargets(
    id: number,
    targets: Partial<Pick<OrgUnit, 'targetState' | 'targetNonPublic' | 'targetCollective' | 'targetOther'>>,
    manager: EntityManager,
  ): Promise<void> {
    if (Object.keys(targets).length > 0) await this.repo(manager).update({ id }, targets);
  }

  /**
   * Creates many units at once (an imported list), each under a parent that exists already, a
   * chunk at a time: one INSERT, one read of the new ids, one UPDATE of their paths per chunk.
   */
  async insertMany(
    units: readonly {
      code: string;
      name: string;
      level: OrgUnitLevel;
      parent: Pick<OrgUnit, 'id' | 'path'> | null;
    }[],
    manager: EntityManager,
  ): Promise<OrgUnit[]> {
    const created: OrgUnit[] = [];
    for (let i = 0; i < units.length; i += CHUNK) {
      const chunk = units.slice(i, i + CHUNK);
      await manager
        .createQueryBuilder()
        .insert()
        .into(OrgUnit)
        .values(
          chunk.map(({ code, name, level, parent }) => ({
            code,
            name,
            level,
            parentId: parent?.id ?? null,
            path: '/',
          })),
        )
        .updateEntity(false)
        .execute();
      const parents = new Map(chunk.map((unit) => [unit.code, unit.parent]));
      const stored = await this.findByCodes(
        chunk.map((unit) => unit.code),
        manager,
      );
      for (const unit of stored) unit.path = childPath(parents.get(unit.code)?.path ?? null, unit.id);
      await execute(
        manager,
        `UPDATE org_units SET path = CASE id ${stored.map(() => 'WHEN ? THEN ?').join(' ')} END WHERE id IN (${stored.map(() => '?').join(', ')})`,
        [...stored.flatMap((unit) => [unit.id, unit.path]), ...stored.map((unit) => unit.id)],
      );
      created.push(...stored);
    }
    return created;
  }

  /** Creates a unit under `parent` (null: a root), with its path. */
  async insert(
    fields: { code: string; name: string; level: OrgUnitLevel },
    parent: Pick<OrgUnit, 'id' | 'path'> | null,
    manager: EntityManager,
  ): Promise<OrgUnit> {
    const repo = this.repo(manager);
    const saved = await repo.save(repo.create({ ...fields, parentId: parent?.id ?? null, path: '/' }));
    saved.path = childPath(parent?.path ?? null, saved.id);
    await repo.update({ id: saved.id }, { path: saved.path });
    return saved;
  }
}
