import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../access/actor';
import { governsUnit } from '../access/scope';
import { auditCreated } from '../audit/audit-diff';
import { AuditService } from '../audit/audit.service';
import { isUniqueViolation } from '../database/database-errors';
import { writeTransaction } from '../database/transactions';
import { normalizeCode, significantPrefix } from '../org-units/domain/org-unit-code';
import { ORG_UNIT_AUDITED_FIELDS, type OrgUnit } from '../org-units/org-unit.entity';
import { OrgUnitsRepository } from '../org-units/org-units.repository';
import { OrgUnitsService } from '../org-units/org-units.service';
import { EnterprisePlacementError } from './enterprises.errors';

/** Who places an enterprise: the units they govern (null: the whole deployment). */
export type Placer = Pick<Actor, 'governedUnitIds'>;

/**
 * Where an enterprise goes: a township unit, or a township still to create under the only county
 * of a one-county deployment (a name typed for the first time, as before units existed), or why
 * neither (the field to correct and what to say, in Chinese).
 */
export type Placement =
  | { unit: OrgUnit }
  | { newTownship: string; county: OrgUnit }
  | { problem: { field: 'orgUnitId' | 'township'; message: string } };

/**
 * Settles the township unit of an enterprise (docs/contract.md, Enterprises) from its
 * `orgUnitId`, its code (the roster's 区划代码) or the township's name (`township`, the legacy
 * free text): always a township unit the caller governs. A name is looked up among the
 * townships of the caller's subtree: none or several is a problem naming it, except that a
 * deployment of a single county (the one-county product this was) creates a new name's township
 * under that county when the enterprise is written ({@link place}).
 */
@Injectable()
export class TownshipResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly units: OrgUnitsRepository,
    private readonly orgUnits: OrgUnitsService,
    private readonly audit: AuditService,
  ) {}

  async byId(id: number, placer: Placer, manager?: EntityManager): Promise<Placement> {
    const unit = await this.units.findById(id, manager);
    return this.judged(unit, String(id), 'orgUnitId', placer);
  }

  /** By the statistical division code (6, 9 or 12 digits). */
  async byCode(raw: string, placer: Placer, manager?: EntityManager): Promise<Placement> {
    const code = normalizeCode(raw);
    if (code === null)
      return { problem: { field: 'orgUnitId', message: `区划代码 ${raw} 须为 6、9 或 12 位数字` } };
    return this.judged(await this.units.findByCode(code, manager), raw, 'orgUnitId', placer);
  }

  /** By the township's name, among the townships the placer governs. */
  async byName(name: string, placer: Placer, manager?: EntityManager): Promise<Placement> {
    const named = (await this.units.townshipsNamed(name, manager)).filter((unit) =>
      governsUnit(placer, unit.id),
    );
    if (named.length === 1) return { unit: named[0] };
    if (named.length > 1) {
      const codes = named.map((unit) => unit.code).join('、');
      return {
        problem: {
          field: 'township',
          message: `乡镇（街道）“${name}”不止一个（区划代码 ${codes}），请填写区划代码或 orgUnitId`,
        },
      };
    }
    const counties = await this.units.ofLevel('county', 2, manager);
    if (counties.length === 1 && governsUnit(placer, counties[0].id))
      return { newTownship: name, county: counties[0] };
    return {
      problem: {
        field: 'township',
        message: `您管辖的单位中没有名为“${name}”的乡镇（街道）`,
      },
    };
  }

  /**
   * The unit of a placement, creating a new township (in `manager`'s transaction, with its audit
   * row naming `actor` as a unit created through the API would); throws a problem as a 422.
   */
  async place(placement: Placement, manager: EntityManager, actor: Actor | null): Promise<OrgUnit> {
    if ('problem' in placement)
      throw new EnterprisePlacementError(placement.problem.field, placement.problem.message);
    if ('unit' in placement) return placement.unit;
    const { newTownship: name, county } = placement;
    const children = await this.units.children(county.id, manager);
    const existing = children.find((child) => child.name === name && child.level === 'township');
    if (existing) return existing;
    const prefix = significantPrefix(county.code, county.level);
    const used = children
      .filter((child) => child.code.startsWith(prefix))
      .map((child) => Number(child.code.slice(6, 9)));
    const next = Math.max(0, ...used) + 1;
    if (next > 999)
      throw new EnterprisePlacementError(
        'township',
        `${county.name}的乡镇（街道）区划代码已用尽，请先在单位管理中添加`,
      );
    const code = `${prefix}${String(next).padStart(3, '0')}000`;
    const created = await this.units.insert({ code, name, level: 'township' }, county, manager);
    await this.audit.record(manager, actor, {
      action: 'org_unit.create',
      entityType: 'org_unit',
      entityId: created.id,
      changes: auditCreated(created, ORG_UNIT_AUDITED_FIELDS),
    });
    this.orgUnits.forget(); // the county's people govern one more unit
    return created;
  }

  /**
   * The unit of a placement written by the API: a new township is created in a transaction of its
   * own first (two requests naming the same new township at once: the second finds the first's).
   */
  async placeNow(placement: Placement, actor: Actor | null): Promise<OrgUnit> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await writeTransaction(this.dataSource, (manager) => this.place(placement, manager, actor));
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= 3) throw error;
      }
    }
  }

  /**
   * Whether an instructor of unit `instructorUnitId` (null: the whole deployment) covers a
   * township: they sit in it or above it.
   */
  covers(instructorUnitId: number | null, township: Pick<OrgUnit, 'path'>): boolean {
    return instructorUnitId === null || township.path.includes(`/${instructorUnitId}/`);
  }

  private judged(unit: OrgUnit | null, given: string, field: 'orgUnitId', placer: Placer): Placement {
    if (!unit || !governsUnit(placer, unit.id))
      return { problem: { field, message: `单位 ${given} 不存在或不在您的管辖范围内` } };
    if (unit.level !== 'township')
      return {
        problem: { field, message: `${unit.name}（${unit.code}）不是乡镇（街道），企业须归属乡镇（街道）` },
      };
    return { unit };
  }
}
