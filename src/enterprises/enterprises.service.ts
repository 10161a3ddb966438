import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock/clock';
import type { BusinessDate } from '../common/dates/business-date';
import {
  closesBeforeRegistered,
  congressDatesChanged,
  registeredOnProblem,
  unionDatesChanged,
  unionFoundedOnProblem,
  workersCongressOnProblem,
} from './domain/enterprise-dates';
import { ENTERPRISE_FIELDS } from './domain/enterprise-fields';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuditPage } from '../audit/dto/audit-entry.response';
import { auditCreated, auditDiff } from '../audit/audit-diff';
import { ForbiddenFieldError } from '../access/access.errors';
import type { Actor } from '../access/actor';
import { readsClientAddresses } from '../access/roles';
import { inScope, scopeOf, withinUnits } from '../access/scope';
import { OrgUnitsRepository } from '../org-units/org-units.repository';
import { OrgUnitsService } from '../org-units/org-units.service';
import { Page, PageQuery } from '../common/http/page';
import { definedFields } from '../common/validation/defined-fields';
import { isUniqueViolation } from '../database/database-errors';
import { writeTransaction } from '../database/transactions';
import { CreateEnterpriseDto } from './dto/create-enterprise.dto';
import { EnterpriseResponse, TownshipResponse } from './dto/enterprise.response';
import { ListEnterprisesQuery } from './dto/list-enterprises.query';
import { UpdateEnterpriseDto } from './dto/update-enterprise.dto';
import { Enterprise } from './enterprise.entity';
import {
  ClosedBeforeRegisteredError,
  UnionFoundedOnError,
  DuplicateCreditCodeError,
  EnterpriseNotFoundError,
  EnterprisePlacementError,
  InstructorOutsideUnitError,
  EnterpriseVersionConflictError,
  RegisteredOnError,
  UnknownInstructorError,
  WorkersCongressOnError,
} from './enterprises.errors';
import { type EnterpriseFilter, EnterprisesRepository } from './enterprises.repository';
import { type Placement, TownshipResolver } from './township-resolver';

/** Judging a stored placement again: the enterprise is already in scope. */
const UNRESTRICTED_PLACER = { governedUnitIds: null };

/** A PATCH without expectedVersion that keeps meeting newer writes gives up (409) after this many tries. */
const MAX_UPDATE_ATTEMPTS = 3;

/**
 * How a write is recorded. `recordedOn`: the day a member count it sets is recorded on, for the
 * demo loader's history of past months only; every other write records today (the Clock's).
 */
export interface WriteOptions {
  recordedOn?: BusinessDate;
}

/**
 * The enterprise registry. Scope (`scopeOf`, access/scope.ts): admins and supervisors see the
 * enterprises of the units they govern (all, without a unit), an instructor only those assigned
 * to them (others are "not found"); only admins assign instructors. Every enterprise sits in a
 * township unit the writer governs (TownshipResolver), and its instructor in or above it.
 */
@Injectable()
export class EnterprisesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly enterprises: EnterprisesRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly resolver: TownshipResolver,
    private readonly units: OrgUnitsRepository,
    private readonly orgUnits: OrgUnitsService,
  ) {}

  async create(
    dto: CreateEnterpriseDto,
    actor: Actor,
    options: WriteOptions = {},
  ): Promise<EnterpriseResponse> {
    const enterprise = this.enterprises.create({
      community: null,
      unionFoundedOn: null,
      instructorId: null,
      registeredOn: null,
      closedOn: null,
      memberCount: null,
      workersCongressOn: null,
      ...definedFields(dto),
    });
    const placement = (await this.placementOf(dto, actor))!;
    await this.assertValid(enterprise);
    await this.assertInstructorCovers(enterprise.instructorId, placement);
    const unit = await this.resolver.placeNow(placement, actor);
    enterprise.orgUnitId = unit.id;
    enterprise.township = unit.name;
    const saved = await this.writeUnique(enterprise.creditCode, async (manager) => {
      const created = await this.enterprises.insert(
        enterprise,
        manager,
        options.recordedOn ?? this.clock.today(),
      );
      await this.audit.record(manager, actor, {
        action: 'enterprise.create',
        entityType: 'enterprise',
        entityId: created.id,
        changes: auditCreated(created, ENTERPRISE_FIELDS),
      });
      return created;
    });
    return EnterpriseResponse.from(saved);
  }

  async get(id: number, actor: Actor): Promise<EnterpriseResponse> {
    return EnterpriseResponse.from(await this.loadInScope(id, actor));
  }

  /** The enterprise's audit rows, for whoever may see the enterprise (404 otherwise, as `get`). */
  async history(id: number, { page, pageSize }: PageQuery, actor: Actor): Promise<AuditPage> {
    await this.loadInScope(id, actor);
    return this.audit.list(
      { entityType: 'enterprise', entityId: String(id), page, pageSize },
      { withIp: readsClientAddresses(actor.role) },
    );
  }

  /**
   * Changes the fields the client sent. With `expectedVersion` (body, or If-Match: the
   * controller settles which) the change is made only at that version, else 409 with the
   * current one. Without it the latest write wins, as it always did, but each attempt is
   * still written at the version it was checked against and redone on the fresh row when
   * another write slipped in between, so no check is ever judged on a stale record.
   */
  async update(
    id: number,
    dto: UpdateEnterpriseDto,
    actor: Actor,
    expectedVersion?: number,
    options: WriteOptions = {},
  ): Promise<EnterpriseResponse> {
    const { expectedVersion: _sent, ...fields } = definedFields(dto);
    if (actor.role !== 'admin' && 'instructorId' in fields)
      throw new ForbiddenFieldError('instructorId', actor.role);
    for (let attempt = 1; ; attempt++) {
      const enterprise = await this.loadInScope(id, actor);
      if (expectedVersion !== undefined && enterprise.version !== expectedVersion)
        throw new EnterpriseVersionConflictError(expectedVersion, enterprise.version);
      const before = { ...enterprise };
      const placement = await this.placementOf(fields, actor, before);
      Object.assign(enterprise, fields);
      await this.assertValid(enterprise, before);
      if (placement || enterprise.instructorId !== before.instructorId)
        await this.assertInstructorCovers(
          enterprise.instructorId,
          placement ?? (await this.resolver.byId(before.orgUnitId ?? 0, UNRESTRICTED_PLACER)),
        );
      if (placement) {
        const unit = await this.resolver.placeNow(placement, actor);
        enterprise.orgUnitId = unit.id;
        enterprise.township = unit.name;
      }
      const changes = auditDiff(before, enterprise, ENTERPRISE_FIELDS);
      if (Object.keys(changes).length === 0) return EnterpriseResponse.from(before); // nothing to write
      const changed = Object.fromEntries(
        Object.keys(changes).map((field) => [field, enterprise[field as keyof Enterprise]]),
      ) as Partial<Enterprise>;
      const saved = await this.writeUnique(enterprise.creditCode, async (manager) => {
        const recordedOn = options.recordedOn ?? this.clock.today();
        if (!(await this.enterprises.updateAtVersion(manager, before, changed, recordedOn))) return null;
        await this.audit.record(manager, actor, {
          action: 'enterprise.update',
          entityType: 'enterprise',
          entityId: id,
          changes,
        });
        return this.enterprises.findById(id, manager);
      });
      if (saved) return EnterpriseResponse.from(saved);
      if (expectedVersion !== undefined || attempt >= MAX_UPDATE_ATTEMPTS) {
        const current = await this.enterprises.findById(id);
        if (!current) throw new EnterpriseNotFoundError(id);
        throw new EnterpriseVersionConflictError(expectedVersion ?? null, current.version);
      }
    }
  }

  async list(query: ListEnterprisesQuery, actor: Actor): Promise<Page<EnterpriseResponse>> {
    const { page, pageSize, ...filter } = query;
    const scoped = await this.scopedFilter(filter, actor);
    const [rows, total] = await this.enterprises.findPage(scoped, page, pageSize);
    return { items: rows.map((row) => EnterpriseResponse.from(row)), total, page, pageSize };
  }

  /** The townships of the enterprises the actor may see (filter pickers), by name. */
  async townships(actor: Actor): Promise<Page<TownshipResponse>> {
    const items = await this.enterprises.townships({ access: scopeOf(actor) });
    return { items, total: items.length, page: 1, pageSize: items.length };
  }

  /** Every enterprise the actor may see that matches the filter (for exports). */
  async all(filter: Omit<ListEnterprisesQuery, 'page' | 'pageSize'>, actor: Actor): Promise<Enterprise[]> {
    const { page: _page, pageSize: _pageSize, ...rest } = filter as ListEnterprisesQuery;
    return this.enterprises.findAll(await this.scopedFilter(rest, actor));
  }

  /**
   * A list's filter within the actor's scope; `orgUnitId` (a unit the actor governs, else 404)
   * keeps its subtree.
   */
  private async scopedFilter(
    filter: Omit<ListEnterprisesQuery, 'page' | 'pageSize'>,
    actor: Actor,
  ): Promise<EnterpriseFilter> {
    const { orgUnitId, ...rest } = filter;
    if (orgUnitId === undefined) return { ...rest, access: scopeOf(actor) };
    const unit = await this.orgUnits.governedUnit(orgUnitId, actor);
    return { ...rest, access: withinUnits(scopeOf(actor), await this.units.subtreeIds(unit)) };
  }

  /**
   * Where the written fields place the enterprise (TownshipResolver): by `orgUnitId`, else by
   * the `township` name; nothing when neither changes (an update sending the stored name). Both
   * given must agree.
   */
  private async placementOf(
    fields: { orgUnitId?: number | null; township?: string },
    actor: Actor,
    before?: Enterprise,
  ): Promise<Placement | null> {
    const { orgUnitId, township } = fields;
    if (orgUnitId !== undefined && orgUnitId !== null) {
      if (
        before &&
        orgUnitId === before.orgUnitId &&
        (township === undefined || township === before.township)
      )
        return null;
      const placement = await this.resolver.byId(orgUnitId, actor);
      if ('unit' in placement && township !== undefined && township !== placement.unit.name)
        throw new EnterprisePlacementError(
          'township',
          `乡镇（街道）“${township}”与 orgUnitId 所指的${placement.unit.name}不符`,
        );
      return placement;
    }
    if (township === undefined || (before && township === before.township)) {
      if (!before) throw new EnterprisePlacementError('township', '请填写乡镇（街道）或 orgUnitId');
      return null;
    }
    return this.resolver.byName(township, actor);
  }

  /** An instructor sits in or above the township of their enterprises (422 naming instructorId). */
  private async assertInstructorCovers(instructorId: number | null, placement: Placement): Promise<void> {
    if (instructorId === null || 'problem' in placement) return;
    const instructor = await this.enterprises.activeInstructor(instructorId);
    if (!instructor) throw new UnknownInstructorError(instructorId);
    const township = 'unit' in placement ? placement.unit : placement.county;
    const name = 'unit' in placement ? placement.unit.name : placement.newTownship;
    if (!this.resolver.covers(instructor.orgUnitId, township))
      throw new InstructorOutsideUnitError(instructorId, name);
  }

  /** How many enterprises assigned to the instructor lie outside these units. */
  countAssignedOutside(instructorId: number, unitIds: readonly number[]): Promise<number> {
    return this.enterprises.countAssignedOutside(instructorId, unitIds);
  }

  byIds(ids: number[]): Promise<Enterprise[]> {
    return this.enterprises.findByIds(ids);
  }

  /**
   * An instructor who leaves (deactivated, or given another role) leaves their enterprises
   * unassigned, in the caller's transaction (the user's update) and audited, rather than
   * assigned to someone nobody reminds: they show as 未分配 in the reports until an admin
   * assigns them again.
   */
  async releaseInstructor(manager: EntityManager, instructorId: number, actor: Actor): Promise<void> {
    const released = await this.enterprises.releaseInstructor(manager, instructorId);
    await this.audit.recordMany(
      manager,
      actor,
      released.map((id) => ({
        action: 'enterprise.update',
        entityType: 'enterprise',
        entityId: id,
        changes: { instructorId: { from: instructorId, to: null } },
      })),
    );
  }

  private async loadInScope(id: number, actor: Actor): Promise<Enterprise> {
    const enterprise = await this.enterprises.findById(id);
    if (!enterprise || !inScope(scopeOf(actor), enterprise)) throw new EnterpriseNotFoundError(id);
    return enterprise;
  }

  /** `before`: the stored enterprise, when this is an update. */
  private async assertValid(enterprise: Enterprise, before?: Enterprise): Promise<void> {
    const { registeredOn, closedOn, instructorId } = enterprise;
    // Judged when it changes, as the union date below.
    const registeredProblem =
      !before || before.registeredOn !== registeredOn
        ? registeredOnProblem(registeredOn, this.clock.today())
        : null;
    if (registeredProblem) throw new RegisteredOnError(registeredProblem.en);
    if (closesBeforeRegistered(enterprise)) throw new ClosedBeforeRegisteredError(registeredOn!, closedOn!);
    // Judged when one of its dates changes, so a record stored before the rule stays editable.
    const unionProblem =
      !before || unionDatesChanged(before, enterprise)
        ? unionFoundedOnProblem(enterprise, this.clock.today())
        : null;
    if (unionProblem) throw new UnionFoundedOnError(unionProblem.en);
    const congressProblem =
      !before || congressDatesChanged(before, enterprise)
        ? workersCongressOnProblem(enterprise, this.clock.today())
        : null;
    if (congressProblem) throw new WorkersCongressOnError(congressProblem.en);
    if (instructorId !== null && !(await this.enterprises.activeInstructor(instructorId))) {
      throw new UnknownInstructorError(instructorId);
    }
  }

  /** Writes (and audits) in one transaction; a taken credit code becomes a 409. */
  private async writeUnique<T>(creditCode: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await writeTransaction(this.dataSource, work);
    } catch (error) {
      if (isUniqueViolation(error)) throw new DuplicateCreditCodeError(creditCode);
      throw error;
    }
  }
}
