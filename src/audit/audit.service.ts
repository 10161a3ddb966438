import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { DataSource, EntityManager } from 'typeorm';
import { addDays } from '../common/dates/business-date';
import { startOfBusinessDay } from '../common/dates/zoned';
import { Page } from '../common/http/page';
import { appConfig } from '../config/app.config';
import { persistentValue } from '../database/persistent-value';
import { execute, valueRows } from '../database/sql';
import { type Actor, isSystem } from '../auth/actor';
import { AuditChanges, AuditEntityType, AuditEntry } from './audit-entry.entity';
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
    @Inject(appConfig.KEY) private readonly config: ConfigType<typeof appConfig>,
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
      startOfBusinessDay(date, this.config.businessTimeZone),
    );
  }

  async list(query: ListAuditQuery): Promise<Page<AuditEntry>> {
    const { page, pageSize } = query;
    const builder = this.dataSource.getRepository(AuditEntry).createQueryBuilder('a');
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
