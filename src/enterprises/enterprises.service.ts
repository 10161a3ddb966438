import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock/clock';
import { closesBeforeRegistered, unionDatesChanged, unionFoundedOnProblem } from './domain/enterprise-dates';
import { ENTERPRISE_FIELDS } from './domain/enterprise-fields';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { auditCreated, auditDiff } from '../audit/audit-diff';
import type { Actor } from '../auth/actor';
import { ForbiddenFieldError } from '../auth/auth.errors';
import { Page } from '../common/http/page';
import { definedFields } from '../common/validation/defined-fields';
import { isUniqueViolation } from '../database/database-errors';
import { writeTransaction } from '../database/transactions';
import { UsersRepository } from '../users/users.repository';
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
  UnknownInstructorError,
} from './enterprises.errors';
import { EnterprisesRepository } from './enterprises.repository';

/**
 * The enterprise registry. Scope: admins and supervisors see every enterprise, an instructor
 * only those assigned to them (others are "not found"); only admins assign instructors.
 */
@Injectable()
export class EnterprisesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly enterprises: EnterprisesRepository,
    private readonly users: UsersRepository,
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
    const saved = await this.saveUnique(enterprise, async (manager, created) => {
      await this.audit.record(manager, actor, {
        action: 'enterprise.create',
        entityType: 'enterprise',
        entityId: created.id,
        changes: auditCreated(created, ENTERPRISE_FIELDS),
      });
    });
    return EnterpriseResponse.from(saved);
  }

  async get(id: number, actor: Actor): Promise<EnterpriseResponse> {
    return EnterpriseResponse.from(await this.loadInScope(id, actor));
  }

  async update(id: number, dto: UpdateEnterpriseDto, actor: Actor): Promise<EnterpriseResponse> {
    const enterprise = await this.loadInScope(id, actor);
    const changes = definedFields(dto);
    if (actor.role !== 'admin' && 'instructorId' in changes)
      throw new ForbiddenFieldError('instructorId', actor.role);
    const before = { ...enterprise };
    Object.assign(enterprise, changes);
    await this.assertValid(enterprise, before);
    const saved = await this.saveUnique(enterprise, async (manager, updated) => {
      await this.audit.record(manager, actor, {
        action: 'enterprise.update',
        entityType: 'enterprise',
        entityId: id,
        changes: auditDiff(before, updated, ENTERPRISE_FIELDS),
      });
    });
    return EnterpriseResponse.from(saved);
  }

  async list(query: ListEnterprisesQuery, actor: Actor): Promise<Page<EnterpriseResponse>> {
    const { page, pageSize, ...filter } = query;
    const scoped = { ...filter, ...this.scopeOf(actor) };
    const [rows, total] = await this.enterprises.findPage(scoped, page, pageSize);
    return { items: rows.map((row) => EnterpriseResponse.from(row)), total, page, pageSize };
  }

  /** The townships of the enterprises the actor may see (filter pickers), by name. */
  async townships(actor: Actor): Promise<Page<TownshipResponse>> {
    const items = await this.enterprises.townships(this.scopeOf(actor));
    return { items, total: items.length, page: 1, pageSize: items.length };
  }

  /** Every enterprise the actor may see that matches the filter (for exports). */
  async all(filter: Omit<ListEnterprisesQuery, 'page' | 'pageSize'>, actor: Actor): Promise<Enterprise[]> {
    const { page: _page, pageSize: _pageSize, ...rest } = filter as ListEnterprisesQuery;
    return this.enterprises.findAll({ ...rest, ...this.scopeOf(actor) });
  }

  byIds(ids: number[]): Promise<Enterprise[]> {
    return this.enterprises.findByIds(ids);
  }

  /** The filter that limits an actor to their portfolio: instructors see their own enterprises. */
  private scopeOf(actor: Actor): { assignedTo?: number } {
    return actor.role === 'instructor' ? { assignedTo: actor.id } : {};
  }

  private async loadInScope(id: number, actor: Actor): Promise<Enterprise> {
    const enterprise = await this.enterprises.findById(id);
    const { assignedTo } = this.scopeOf(actor);
    if (!enterprise || (assignedTo !== undefined && enterprise.instructorId !== assignedTo)) {
      throw new EnterpriseNotFoundError(id);
    }
    return enterprise;
  }

  /** `before`: the stored enterprise, when this is an update. */
  private async assertValid(enterprise: Enterprise, before?: Enterprise): Promise<void> {
    const { registeredOn, closedOn, instructorId } = enterprise;
    if (closesBeforeRegistered(enterprise)) throw new ClosedBeforeRegisteredError(registeredOn!, closedOn!);
    // Judged when one of its dates changes, so a record stored before the rule stays editable.
    const unionProblem =
      !before || unionDatesChanged(before, enterprise)
        ? unionFoundedOnProblem(enterprise, this.clock.today())
        : null;
    if (unionProblem) throw new UnionFoundedOnError(unionProblem.en);
    if (instructorId !== null) {
      const instructor = await this.users.findById(instructorId);
      if (!instructor || instructor.role !== 'instructor' || !instructor.active) {
        throw new UnknownInstructorError(instructorId);
      }
    }
  }

  /** Saves and audits in one transaction; a taken credit code becomes a 409. */
  private async saveUnique(
    enterprise: Enterprise,
    audit: (manager: EntityManager, saved: Enterprise) => Promise<void>,
  ): Promise<Enterprise> {
    try {
      return await writeTransaction(this.dataSource, async (manager) => {
        const saved = await this.enterprises.save(enterprise, manager);
        await audit(manager, saved);
        return saved;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DuplicateCreditCodeError(enterprise.creditCode);
      throw error;
    }
  }
}
