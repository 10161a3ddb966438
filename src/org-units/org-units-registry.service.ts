import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../access/actor';
import { governsUnit, mayAddRootUnit } from '../access/scope';
import { auditCreated } from '../audit/audit-diff';
import type { AuditChanges } from '../audit/audit-entry.entity';
import { AuditService } from '../audit/audit.service';
import type { Page } from '../common/http/page';
import { isUniqueViolation } from '../database/database-errors';
import { writeTransaction } from '../database/transactions';
import { idsOnPath, placementProblems } from './domain/org-unit-code';
import type { EffectiveTargets } from './domain/unit-targets';
import type { CreateOrgUnitDto } from './dto/create-org-unit.dto';
import type { ListOrgUnitsQuery } from './dto/list-org-units.query';
import type {
  OrgUnitResponse,
  OrgUnitTargetsResponse,
  OwnTargetsResponse,
  TargetSourcesResponse,
} from './dto/org-unit.response';
import type { PutTargetsDto } from './dto/put-targets.dto';
import type { UpdateOrgUnitDto } from './dto/update-org-unit.dto';
import { ORG_UNIT_AUDITED_FIELDS, OrgUnit } from './org-unit.entity';
import { type OrgUnitsConfig, orgUnitsConfig } from './org-units.config';
import { DuplicateOrgUnitCodeError, OrgUnitPlacementError, OutsideSubtreeError } from './org-units.errors';
import { OrgUnitsRepository } from './org-units.repository';
import { OrgUnitsService } from './org-units.service';
import { TARGET_KEYS } from './target-keys';

/**
 * The units as the API shows and changes them. Who sees what: everyone (instructors too, for
 * the pickers) reads the units they govern (`governsUnit`: their unit's subtree, everything
 * without a unit); the ancestors of their unit appear only on paths. Outside that a unit is 404.
 * Admins add units under a unit they govern (403 `AUTH.FORBIDDEN_UNIT` otherwise; a new root
 * only without a unit), correct names and set targets of units they govern. Every write is one
 * transaction with its audit row, through OrgUnitsRepository, and forgets the governed units.
 */
@Injectable()
export class OrgUnitsRegistryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly units: OrgUnitsRepository,
    private readonly orgUnits: OrgUnitsService,
    private readonly audit: AuditService,
    @Inject(orgUnitsConfig.KEY) private readonly config: OrgUnitsConfig,
  ) {}

  async list(query: ListOrgUnitsQuery, actor: Actor): Promise<Page<OrgUnitResponse>> {
    if (query.parentId !== undefined) await this.visible(query.parentId, actor);
    const [rows, total] = await this.units.page(
      { parentId: query.parentId, level: query.level, ids: actor.governedUnitIds },
      query.page,
      query.pageSize,
    );
    return { items: await this.responses(rows), total, page: query.page, pageSize: query.pageSize };
  }

  async get(id: number, actor: Actor): Promise<OrgUnitResponse> {
    return (await this.responses([await this.visible(id, actor)]))[0];
  }

  async create(dto: CreateOrgUnitDto, actor: Actor): Promise<OrgUnitResponse> {
    const parent = await this.parentFor(dto.parentId ?? null, actor);
    const problems = placementProblems(dto.code, dto.level, parent);
    if (problems.length > 0) throw new OrgUnitPlacementError(problems);
    if (await this.units.findByCode(dto.code)) throw new DuplicateOrgUnitCodeError(dto.code);
    let created: OrgUnit;
    try {
      created = await writeTransaction(this.dataSource, async (manager) => {
        const unit = await this.units.insert(
          { code: dto.code, name: dto.name, level: dto.level },
          parent,
          manager,
        );
        await this.audit.record(manager, actor, {
          action: 'org_unit.create',
          entityType: 'org_unit',
          entityId: unit.id,
          changes: auditCreated(unit, ORG_UNIT_AUDITED_FIELDS),
        });
        return unit;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DuplicateOrgUnitCodeError(dto.code);
      throw error;
    }
    this.orgUnits.forget();
    // Not through `visible`: the actor's governed units were read before this one existed.
    return (await this.responses([created]))[0];
  }

  /** Corrects the name (the only field that changes). */
  async update(id: number, dto: UpdateOrgUnitDto, actor: Actor): Promise<OrgUnitResponse> {
    const unit = await this.visible(id, actor);
    if (dto.name !== undefined && dto.name !== unit.name) {
      const name = dto.name;
      await writeTransaction(this.dataSource, async (manager) => {
        await this.units.rename(id, name, manager);
        await this.audit.record(manager, actor, {
          action: 'org_unit.update',
          entityType: 'org_unit',
          entityId: id,
          changes: { name: { from: unit.name, to: name } },
        });
      });
      this.orgUnits.forget();
    }
    return this.get(id, actor);
  }

  async targets(id: number, actor: Actor): Promise<OrgUnitTargetsResponse> {
    const unit = await this.visible(id, actor);
    return targetsResponse(unit, await this.orgUnits.targetsOf(unit, this.config.defaultTargets));
  }

  /** Sets the unit's own targets: a sector given is set, null inherits again, one left out stays. */
  async putTargets(id: number, dto: PutTargetsDto, actor: Actor): Promise<OrgUnitTargetsResponse> {
    const unit = await this.visible(id, actor);
    const changes: AuditChanges = {};
    const columns: Partial<Record<(typeof TARGET_KEYS)[number]['column'], number | null>> = {};
    for (const { key, column } of TARGET_KEYS) {
      const value = dto[key];
      if (value === undefined || value === unit[column]) continue;
      changes[key] = { from: unit[column], to: value };
      columns[column] = value;
    }
    if (Object.keys(changes).length > 0) {
      await writeTransaction(this.dataSource, async (manager) => {
        await this.units.setOwnTargets(id, columns, manager);
        await this.audit.record(manager, actor, {
          action: 'org_unit.targets',
          entityType: 'org_unit',
          entityId: id,
          changes,
        });
      });
      this.orgUnits.forget();
    }
    return this.targets(id, actor);
  }

  /** A unit the actor may see; 404 whether it does not exist or lies outside their units. */
  private visible(id: number, actor: Actor): Promise<OrgUnit> {
    return this.orgUnits.governedUnit(id, actor);
  }

  /**
   * The parent a new unit goes under: one the actor governs (403 otherwise, whether or not it
   * exists), or none for a new root, which only an admin without a unit adds.
   */
  private async parentFor(parentId: number | null, actor: Actor): Promise<OrgUnit | null> {
    if (parentId === null) {
      if (!mayAddRootUnit(actor)) throw new OutsideSubtreeError('新的顶级单位');
      return null;
    }
    if (!governsUnit(actor, parentId)) throw new OutsideSubtreeError(`上级单位 ${parentId} `);
    const parent = await this.units.findById(parentId);
    if (!parent) {
      throw new OrgUnitPlacementError([
        { field: 'parentId', message: `parentId（上级单位）${parentId} 不存在` },
      ]);
    }
    return parent;
  }

  /** Units with their paths, the units on every path read at once. */
  private async responses(units: OrgUnit[]): Promise<OrgUnitResponse[]> {
    const known = new Map(units.map((unit) => [unit.id, unit]));
    const missing = [...new Set(units.flatMap((unit) => idsOnPath(unit.path)))].filter(
      (id) => !known.has(id),
    );
    for (const unit of await this.units.findByIds(missing)) known.set(unit.id, unit);
    return units.map((unit) => ({
      id: unit.id,
      code: unit.code,
      name: unit.name,
      level: unit.level,
      parentId: unit.parentId,
      path: idsOnPath(unit.path)
        .map((id) => known.get(id))
        .filter((step): step is OrgUnit => step !== undefined)
        .map(({ id, code, name, level }) => ({ id, code, name, level })),
    }));
  }
}

function targetsResponse(unit: OrgUnit, effective: EffectiveTargets): OrgUnitTargetsResponse {
  const own: OwnTargetsResponse = {};
  const applied: OwnTargetsResponse = {};
  const sources: TargetSourcesResponse = {};
  for (const { key, sector, column } of TARGET_KEYS) {
    if (unit[column] !== null) own[key] = unit[column];
    const value = effective.targets[sector];
    if (value === undefined) continue;
    applied[key] = value;
    sources[key] = effective.sources[sector] ?? null;
  }
  return { own, effective: applied, inheritedFrom: effective.inheritedFrom, sources };
}
