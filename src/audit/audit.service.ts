import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { type BusinessTimeConfig, businessTimeConfig } from '../common/clock/business-time.config';
import { addDays } from '../common/dates/business-date';
import { startOfBusinessDay } from '../common/dates/zoned';
import { Page } from '../common/http/page';
import { persistentValue } from '../database/persistent-value';
import { execute, valueRows } from '../database/sql';
import { type Actor, isSystem } from '../access/actor';
import { auditScopeCondition, type SqlCondition } from '../access/scope';
import { AuditChanges, AuditEntityType, AuditEntry } from './audit-entry.entity';
import { AuditEntryResponse, AuditPage } from './dto/audit-entry.response';
import { ListAuditQuery } from './dto/list-audit.query';

export interface AuditRecord {
  action: string;
  entityType: AuditEntityType;
  entityId: string | number;
  changes?: AuditChanges | null;
  /** Client address when there is no actor (a failed login). */
  ip?: string | null;
}

/**
 * The audit trail. `record` takes the caller's transaction manager so the row commits or rolls
 * back with the change it describes; there is deliberately no way to update or delete a row.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(businessTimeConfig.KEY) private readonly businessTime: BusinessTimeConfig,
  ) {}

  async record(manager: EntityManager, actor: Actor | null, entry: AuditRecord): Promise<void> {
    await this.recordMany(manager, actor, [entry]);
  }

  /** Several rows at once (imports), in the caller's transaction. */
  async recordMany(manager: EntityManager, actor: Actor | null, entries: AuditRecord[]): Promise<void> {
    if (entries.length === 0) return;
    const rows = entries.map((entry) => ({
      actorId: actor && !isSystem(actor) ? actor.id : null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      changes: entry.changes && Object.keys(entry.changes).length > 0 ? entry.changes : null,
      ip: actor?.ip ?? entry.ip ?? null,
    }));
    // Plain SQL (see sql.ts): every write of the app writes one of these.
    const at = persistentValue(this.dataSource, AuditEntry, 'at', new Date());
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      await execute(
        manager,
        `INSERT INTO audit_entries (at, actor_id, action, entity_type, entity_id, changes, ip) VALUES ${valueRows(chunk.length, 7)}`,
        chunk.flatMap((row) => [
          at,
          row.actorId,
          row.action,
          row.entityType,
          row.entityId,
          row.changes === null ? null : JSON.stringify(row.changes),
          row.ip,
        ]),
      );
    }
  }

  /** The start of a business day, as the driver stores `at` (a string on SQLite, a Date on MySQL). */
  private instant(date: string): unknown {
    return persistentValue(
      this.dataSource,
      AuditEntry,
      'at',
      startOfBusinessDay(date, this.businessTime.timeZone),
    );
  }

  /**
   * The trail, newest first, each row with its actor's name. `withIp: false` leaves out client
   * addresses (they say where colleagues work from: for those who run the system only). Who may
   * ask what is the callers' business: this route for admins and supervisors, an enterprise's
   * history (`EnterprisesService.history`) for whoever may see that enterprise. With `actor`,
   * only the rows about what the actor may see (`auditScopeCondition`).
   */
  async list(
    query: ListAuditQuery,
    { withIp, actor }: { withIp: boolean; actor?: Actor },
  ): Promise<AuditPage> {
    const page = await this.entries(query, actor ? auditScopeCondition(actor, 'a') : null);
    const names = await this.actorNames(page.items);
    return {
      ...page,
      items: page.items.map((entry) =>
        AuditEntryResponse.from(
          entry,
          entry.actorId === null ? null : (names.get(entry.actorId) ?? null),
          withIp,
        ),
      ),
    };
  }

  /** Who made each row's change, by name (a trail reader may not be allowed to list the users). */
  private async actorNames(entries: AuditEntry[]): Promise<Map<number, string>> {
    const ids = [...new Set(entries.map((entry) => entry.actorId).filter((id) => id !== null))];
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource
      .createQueryBuilder()
      .select('u.id', 'id')
      .addSelect('u.display_name', 'name')
      .from('users', 'u')
      .where('u.id IN (:...ids)', { ids })
      .getRawMany<{ id: number | string; name: string }>();
    return new Map(rows.map((row) => [Number(row.id), row.name]));
  }

  /** `scope`: the reader's (`auditScopeCondition`), null for the whole trail. */
  private async entries(query: ListAuditQuery, scope: SqlCondition | null): Promise<Page<AuditEntry>> {
    const { page, pageSize } = query;
    const builder = this.dataSource.getRepository(AuditEntry).createQueryBuilder('a');
    if (scope) builder.andWhere(scope.sql, scope.params);
    if (query.entityType) builder.andWhere('a.entityType = :entityType', { entityType: query.entityType });
    if (query.entityId) builder.andWhere('a.entityId = :entityId', { entityId: query.entityId });
    if (query.actorId) builder.andWhere('a.actorId = :actorId', { actorId: query.actorId });
    if (query.action) builder.andWhere('a.action = :action', { action: query.action });
    // `from`/`to` are business days in TZ_BUSINESS; the trail stores instants.
    if (query.from) builder.andWhere('a.at >= :from', { from: this.instant(query.from) });
    if (query.to) builder.andWhere('a.at < :to', { to: this.instant(addDays(query.to, 1)) });
    const [items, total] = await builder
      .orderBy('a.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items, total, page, pageSize };
  }
}
