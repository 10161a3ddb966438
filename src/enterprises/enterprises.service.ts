import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock/clock';
import {
  closesBeforeRegistered,
  registeredOnProblem,
  unionDatesChanged,
  unionFoundedOnProblem,
} from './domain/enterprise-dates';
import { ENTERPRISE_FIELDS } from './domain/enterprise-fields';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuditPage } from '../audit/dto/audit-entry.response';
import { auditCreated, auditDiff } from '../audit/audit-diff';
import { ForbiddenFieldError } from '../access/access.errors';
import type { Actor } from '../access/actor';
import { readsClientAddresses } from '../access/roles';
import { inScope, scopeOf } from '../access/scope';
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
  EnterpriseVersionConflictError,
  RegisteredOnError,
  UnknownInstructorError,
} from './enterprises.errors';
import { EnterprisesRepository } from './enterprises.repository';

/** A PATCH without expectedVersion that keeps meeting newer writes gives up (409) after this many tries. */
const MAX_UPDATE_ATTEMPTS = 3;

/**
 * The enterprise registry. Scope (`scopeOf`, access/scope.ts): admins and supervisors see every
 * enterprise, an instructor only those assigned to them (others are "not found"); only admins
 * assign instructors.
 */
@Injectable()
export class EnterprisesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly enterprises: EnterprisesRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(dto: CreateEnterpriseDto, actor: Actor): Promise<EnterpriseResponse> {
    const enterprise = this.enterprises.create({
      community: null,
      unionFoundedOn: null,
      instructorId: null,
      registeredOn: null,
      closedOn: null,
      ...definedFields(dto),
    });
    await this.assertValid(enterprise);
    const saved = await this.writeUnique(enterprise.creditCode, async (manager) => {
      const created = await this.enterprises.save(enterprise, manager);
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
  ): Promise<EnterpriseResponse> {
    const { expectedVersion: _sent, ...fields } = definedFields(dto);
    if (actor.role !== 'admin' && 'instructorId' in fields)
      throw new ForbiddenFieldError('instructorId', actor.role);
    for (let attempt = 1; ; attempt++) {
      const enterprise = await this.loadInScope(id, actor);
      if (expectedVersion !== undefined && enterprise.version !== expectedVersion)
        throw new EnterpriseVersionConflictError(expectedVersion, enterprise.version);
      const before = { ...enterprise };
      Object.assign(enterprise, fields);
      await this.assertValid(enterprise, before);
      const changes = auditDiff(before, enterprise, ENTERPRISE_FIELDS);
      if (Object.keys(changes).length === 0) return EnterpriseResponse.from(before); // nothing to write
      const changed = Object.fromEntries(
        Object.keys(changes).map((field) => [field, enterprise[field as keyof Enterprise]]),
      ) as Partial<Enterprise>;
      const saved = await this.writeUnique(enterprise.creditCode, async (manager) => {
        if (!(await this.enterprises.updateAtVersion(manager, id, before.version, changed))) return null;
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
    const scoped = { ...filter, access: scopeOf(actor) };
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
    return this.enterprises.findAll({ ...rest, access: scopeOf(actor) });
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
    if (instructorId !== null && !(await this.enterprises.isActiveInstructor(instructorId))) {
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
