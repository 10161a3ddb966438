import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull, Repository } from 'typeorm';
import { childPath, type OrgUnitLevel } from './domain/org-unit-code';
import { OrgUnit } from './org-unit.entity';

/** The one write path of organisation units, and the hierarchy's reads. */
@Injectable()
export class OrgUnitsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager): Repository<OrgUnit> {
    return (manager ?? this.dataSource.manager).getRepository(OrgUnit);
  }

  findById(id: number, manager?: EntityManager): Promise<OrgUnit | null> {
    return this.repo(manager).findOneBy({ id });
  }

  findByCode(code: string, manager?: EntityManager): Promise<OrgUnit | null> {
    return this.repo(manager).findOneBy({ code });
  }

  findByIds(ids: readonly number[], manager?: EntityManager): Promise<OrgUnit[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.repo(manager).findBy({ id: In([...ids]) });
  }

  /** The units directly under `parentId` (null: the roots), by code. */
  children(parentId: number | null, manager?: EntityManager): Promise<OrgUnit[]> {
    return this.repo(manager).find({ where: { parentId: parentId ?? IsNull() }, order: { code: 'ASC' } });
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
