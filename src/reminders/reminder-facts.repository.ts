import { type AccessScope, scopeCondition } from '../access/scope';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { BusinessDate } from '../common/dates/business-date';
import { Campaign } from '../campaigns/campaign.entity';
import { CampaignItem } from '../campaigns/campaign-item.entity';
import { Enterprise } from '../enterprises/enterprise.entity';
import { Deadline } from '../negotiations/entities/deadline.entity';
import { NegotiationEnterprise } from '../negotiations/entities/negotiation-enterprise.entity';
import { User } from '../users/user.entity';
import type { DeadlineFact } from './digest/digest-items';

export interface InstructorDeadlineFact extends DeadlineFact {
  instructorId: number;
}

/** What the reminders need to know, read in a few set-wise queries (one per slot, not per user). */
@Injectable()
export class ReminderFactsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Active users of a role who have an e-mail address and want the mail. */
  recipients(role: 'instructor' | 'supervisor'): Promise<User[]> {
    return this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .where('u.role = :role AND u.active = :active AND u.digestOptOut = :optOut', {
        role,
        active: true,
        optOut: false,
      })
      .andWhere("u.email IS NOT NULL AND u.email <> ''")
      .orderBy('u.id', 'ASC')
      .getMany();
  }

  /**
   * Every deadline due up to `until`, per instructor whose enterprises the negotiation covers,
   * with the names of those enterprises. A regional negotiation reaches each instructor once.
   * With a scope, only the enterprises in it (an instructor's agenda: their own).
   */
  async deadlinesUntil(until: BusinessDate, scope: AccessScope = {}): Promise<InstructorDeadlineFact[]> {
    const query = this.dataSource
      .getRepository(Deadline)
      .createQueryBuilder('d')
      .innerJoin(NegotiationEnterprise, 'ne', 'ne.negotiation_id = d.negotiation_id')
      .innerJoin(Enterprise, 'e', 'e.id = ne.enterprise_id')
      // The offer campaign that opened the negotiation, if one did (its label in the digest).
      .leftJoin(CampaignItem, 'ci', 'ci.negotiation_id = d.negotiation_id')
      .leftJoin(Campaign, 'c', 'c.id = ci.campaign_id')
      .select([
        'd.id AS deadlineId',
        'd.negotiation_id AS negotiationId',
        'd.kind AS kind',
        'd.due_on AS dueOn',
        'd.rule AS rule',
        'd.calendar_missing AS calendarMissing',
        'e.instructor_id AS instructorId',
        'e.id AS enterpriseId',
        'e.name AS name',
        'e.credit_code AS creditCode',
        'e.township AS township',
        'c.name AS campaign',
      ])
      .where('d.due_on <= :until', { until })
      .andWhere('e.instructor_id IS NOT NULL');
    const inScope = scopeCondition(scope, 'e');
    if (inScope) query.andWhere(inScope.sql, inScope.params);
    const rows = await query.orderBy('d.id', 'ASC').addOrderBy('e.id', 'ASC').getRawMany<{
      deadlineId: number;
      negotiationId: number;
      kind: string;
      dueOn: string | Date;
      rule: string;
      calendarMissing: number | boolean | null;
      instructorId: number;
      enterpriseId: number;
      name: string;
      creditCode: string;
      township: string;
      campaign: string | null;
    }>();
    const byKey = new Map<string, InstructorDeadlineFact>();
    for (const row of rows) {
      const key = `${row.deadlineId}:${row.instructorId}`;
      const fact = byKey.get(key) ?? {
        instructorId: Number(row.instructorId),
        negotiationId: Number(row.negotiationId),
        kind: row.kind,
        dueOn: asDate(row.dueOn),
        rule: row.rule,
        enterprises: [],
        campaign: row.campaign ?? null,
        calendarMissing: Boolean(Number(row.calendarMissing)),
      };
      const { name, creditCode, township } = row;
      fact.enterprises.push({ id: Number(row.enterpriseId), name, creditCode, township });
      byKey.set(key, fact);
    }
    return [...byKey.values()];
  }
}

/**
 * Raw date columns come back as strings (SQLite) or, without TypeORM's hydration, as Dates
 * (mysql2), built at UTC midnight because the connection's timezone is 'Z'.
 */
function asDate(value: string | Date): BusinessDate {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}
