import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { auditCreated, auditDiff } from '../audit/audit-diff';
import type { Actor } from '../access/actor';
import type { Role } from '../access/roles';
import { ForbiddenFieldError } from '../access/access.errors';
import { Page, PageQuery } from '../common/http/page';
import { definedFields } from '../common/validation/defined-fields';
import { isUniqueViolation } from '../database/database-errors';
import { writeTransaction } from '../database/transactions';
import { EnterprisesService } from '../enterprises/enterprises.service';
import { CreateUserDto } from './dto/create-user.dto';
import { SELF_EDITABLE_FIELDS, UpdateUserDto } from './dto/update-user.dto';
import { InstructorResponse, UserResponse } from './dto/user.response';
import { PasswordHasher } from './password-hasher';
import { User } from './user.entity';
import {
  CurrentPasswordRequiredError,
  DuplicateUsernameError,
  InstructorEnterprisesOutsideUnitError,
  LastAdminError,
  UnknownUserOrgUnitError,
  UserNotFoundError,
} from './users.errors';
import { UsersRepository } from './users.repository';
import { userInScope, userScopeCondition } from '../access/scope';
import { OutsideSubtreeError } from '../org-units/org-units.errors';
import { OrgUnitsRepository } from '../org-units/org-units.repository';

/** The fields of a user the audit trail follows; the password is recorded only as changed. */
const AUDITED_FIELDS = [
  'username',
  'displayName',
  'email',
  'role',
  'language',
  'digestOptOut',
  'active',
  'orgUnitId',
] as const;

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly enterprises: EnterprisesService,
    private readonly units: OrgUnitsRepository,
  ) {}

  async create(dto: CreateUserDto, actor: Actor | null): Promise<UserResponse> {
    const { password, ...fields } = definedFields(dto);
    // An admin's new user sits in the admin's unit unless told otherwise, and never outside it.
    if (fields.orgUnitId === undefined) fields.orgUnitId = actor?.orgUnitId ?? null;
    if (actor) await this.assertMayPlace(fields.orgUnitId ?? null, actor);
    const user = this.users.create({
      language: 'zh-CN',
      email: null,
      digestOptOut: false,
      active: true,
      tokenVersion: 0,
      ...fields,
      passwordHash: await this.hasher.hash(password!),
    });
    try {
      const saved = await writeTransaction(this.dataSource, async (manager) => {
        const created = await this.users.save(user, manager);
        await this.audit.record(manager, actor, {
          action: 'user.create',
          entityType: 'user',
          entityId: created.id,
          changes: auditCreated(created, AUDITED_FIELDS),
        });
        return created;
      });
      return UserResponse.from(saved);
    } catch (error) {
      if (isUniqueViolation(error)) throw new DuplicateUsernameError(user.username);
      throw error;
    }
  }

  /** The users in the actor's scope (`userScopeCondition`). */
  async list(query: PageQuery, actor: Actor): Promise<Page<UserResponse>> {
    const [rows, total] = await this.users.findPage(
      query.page,
      query.pageSize,
      undefined,
      userScopeCondition(actor, 'u.id'),
    );
    return {
      items: rows.map((row) => UserResponse.from(row)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** The instructors (active or not), by id: their names for supervisors' reports and filters. */
  async instructors(query: PageQuery, actor: Actor): Promise<Page<InstructorResponse>> {
    const [rows, total] = await this.users.findPage(
      query.page,
      query.pageSize,
      'instructor',
      userScopeCondition(actor, 'u.id'),
    );
    return {
      items: rows.map(({ id, username, displayName, active }) => ({ id, username, displayName, active })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Display names by user id (of one role if given): to label rows of reports and e-mails. */
  async displayNames(role?: Role): Promise<Map<number, string>> {
    return new Map((await this.users.findAll(role)).map((user) => [user.id, user.displayName]));
  }

  /** Usernames by user id: the roster export names instructors by username, as its import reads them. */
  async usernames(): Promise<Map<number, string>> {
    return new Map((await this.users.findAll()).map((user) => [user.id, user.username]));
  }

  /** Active instructors' ids and units by username (the roster import checks their unit covers the township). */
  async activeInstructors(): Promise<Map<string, { id: number; orgUnitId: number | null }>> {
    const instructors = await this.users.findAll('instructor');
    return new Map(
      instructors
        .filter((user) => user.active)
        .map((user) => [user.username, { id: user.id, orgUnitId: user.orgUnitId }]),
    );
  }

  /** Admins read anyone; others only themselves (anyone else is "not found"). */
  async get(id: number, actor: Actor): Promise<UserResponse> {
    return UserResponse.from(await this.loadVisible(id, actor));
  }

  async update(id: number, dto: UpdateUserDto, actor: Actor): Promise<UserResponse> {
    const user = await this.loadVisible(id, actor);
    const { password, currentPassword, ...changes } = definedFields(dto);
    const isSelf = actor.id === user.id;
    if (actor.role !== 'admin') this.assertSelfEditable(dto, actor);
    if (
      password !== undefined &&
      isSelf &&
      !(await this.hasher.verify(user.passwordHash, currentPassword ?? ''))
    ) {
      throw new CurrentPasswordRequiredError();
    }

    if (changes.orgUnitId !== undefined && changes.orgUnitId !== user.orgUnitId) {
      await this.assertMayPlace(changes.orgUnitId, actor);
      await this.assertCoversEnterprises(id, changes.role ?? user.role, changes.orgUnitId);
    }

    const before = { ...user };
    Object.assign(user, changes);
    if (password !== undefined) user.passwordHash = await this.hasher.hash(password);
    // A new password or a deactivation ends every token issued before it.
    if (password !== undefined || (before.active && !user.active)) user.tokenVersion += 1;

    const saved = await writeTransaction(this.dataSource, async (manager) => {
      const demoted = before.role === 'admin' && before.active && (user.role !== 'admin' || !user.active);
      if (demoted && (await this.users.countActiveAdmins(manager)) <= 1) {
        throw new LastAdminError(user.active ? 'role' : 'active');
      }
      const updated = await this.users.save(user, manager);
      const diff = auditDiff(before, updated, AUDITED_FIELDS);
      if (password !== undefined) diff.password = { from: '(hidden)', to: '(changed)' };
      await this.audit.record(manager, actor, {
        action: 'user.update',
        entityType: 'user',
        entityId: id,
        changes: diff,
      });
      const stoppedInstructing =
        before.role === 'instructor' && before.active && (updated.role !== 'instructor' || !updated.active);
      // Their enterprises go unassigned in the same transaction (EnterprisesService.releaseInstructor).
      if (stoppedInstructing) await this.enterprises.releaseInstructor(manager, id, actor);
      return updated;
    });
    this.users.forget(id); // its tokens, role or active flag may have changed
    return UserResponse.from(saved);
  }

  private assertSelfEditable(dto: UpdateUserDto, actor: Actor): void {
    const forbidden = Object.keys(definedFields(dto)).find(
      (field) => !(SELF_EDITABLE_FIELDS as readonly string[]).includes(field),
    );
    if (forbidden) throw new ForbiddenFieldError(forbidden, actor.role);
  }

  /** Self, or for an admin a user in their scope (`userInScope`); anyone else is "not found". */
  private async loadVisible(id: number, actor: Actor): Promise<User> {
    const user = actor.role === 'admin' || actor.id === id ? await this.users.findById(id) : null;
    if (!user || (actor.id !== id && !userInScope(actor, user))) throw new UserNotFoundError(id);
    return user;
  }

  /** A user may be put only in a unit the actor governs (403 outside it; 422 for no such unit). */
  private async assertMayPlace(orgUnitId: number | null, actor: Actor): Promise<void> {
    if (!userInScope(actor, { orgUnitId })) throw new OutsideSubtreeError('该用户所在单位');
    if (orgUnitId !== null && !(await this.units.findById(orgUnitId)))
      throw new UnknownUserOrgUnitError(orgUnitId);
  }

  /** An instructor sits in or above the units of the enterprises assigned to them. */
  private async assertCoversEnterprises(id: number, role: Role, orgUnitId: number | null): Promise<void> {
    if (role !== 'instructor' || orgUnitId === null) return;
    const unit = await this.units.findById(orgUnitId);
    if (!unit) return; // refused by assertMayPlace
    const outside = await this.enterprises.countAssignedOutside(id, await this.units.subtreeIds(unit));
    if (outside > 0) throw new InstructorEnterprisesOutsideUnitError(outside);
  }
}
