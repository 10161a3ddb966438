import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import {
  type AccessScope,
  scopeCondition,
  type SqlCondition,
  unitRecordScopeCondition,
} from '../access/scope';
import type { Actor } from '../access/actor';
import type { BusinessDate } from '../common/dates/business-date';
import { persistentValue } from '../database/persistent-value';
import { execute } from '../database/sql';
import { ownershipTypesOf } from '../enterprises/domain/ownership';
import { Enterprise } from '../enterprises/enterprise.entity';
import { agreementRunningSql } from '../negotiations/entities/agreement-conditions';
import { OPEN_STAGES, type AgreementKind, type Stage } from '../negotiations/workflow';
import { Campaign } from './campaign.entity';
import { CampaignItem, type CampaignItemStatus } from './campaign-item.entity';
import {
  type CampaignFilter,
  type Classification,
  type Classified,
  isSkipReason,
  noExclusions,
  type SkipReason,
} from './domain/eligibility';

/** Who a campaign looks at: its filter, within a scope, for an agreement kind, on a day. */
export interface Targeting {
  filter: CampaignFilter;
  scope: AccessScope;
  agreementKind: AgreementKind;
  on: BusinessDate;
}

/** An eligible enterprise as the preview lists it. */
export interface EligibleEnterprise {
  id: number;
  name: string;
  creditCode: string;
  township: string;
  ownershipType: string;
  industry: string;
  employeeCount: number;
  instructorId: number | null;
}

/** A campaign's items by status. */
export type ItemCounts = Record<CampaignItemStatus, number>;

/**
 * An agreement of the kind covering `alias`'s enterprise (its own or a regional/industry one)
 * running on the day `on` names: signed by then, not expired, terminated or set aside (docs/domain.md,
 * Signing rate: the report's default count). Named parameters `:kind`, and `on`'s.
 */
function agreementRunning(alias: string, on: string): string {
  return `EXISTS (SELECT 1 FROM negotiation_enterprises cne JOIN agreements ca ON ca.negotiation_id = cne.negotiation_id WHERE cne.enterprise_id = ${alias}.id AND ca.agreement_kind = :kind AND ${agreementRunningSql('ca', on)})`;
}

/** An open round of the kind covering `alias`'s enterprise. */
function roundOpen(alias: string): string {
  return `EXISTS (SELECT 1 FROM negotiation_enterprises one JOIN negotiations onn ON onn.id = one.negotiation_id WHERE one.enterprise_id = ${alias}.id AND onn.agreement_kind = :kind AND onn.stage IN (:...openStages))`;
}

/**
 * The reason of docs/domain.md (Offer campaigns) for each enterprise, in SKIP_REASONS' order,
 * or 'eligible'. `:on` is the offer day.
 */
const CLASSIFICATION = `CASE
  WHEN (e.registered_on IS NOT NULL AND e.registered_on > :on) OR (e.closed_on IS NOT NULL AND e.closed_on <= :on) THEN 'closed'
  WHEN e.union_founded_on IS NULL OR e.union_founded_on > :on THEN 'noUnion'
  WHEN ${agreementRunning('e', 'on')} THEN 'agreementInForce'
  WHEN ${roundOpen('e')} THEN 'roundOpen'
  ELSE 'eligible' END`;

/**
 * The campaigns' tables, and the reads of enterprises, agreements and rounds that decide who a
 * campaign writes to. Portable SQL (SQLite and MySQL/MariaDB). Opening the rounds is
 * NegotiationWriter's; this marks the items in the writer's transaction (the hooks).
 */
@Injectable()
export class CampaignsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** How many enterprises of the filter are eligible, and why the others are not. */
  async classify(targeting: Targeting, manager?: EntityManager): Promise<Classified> {
    const rows = await this.targeted(targeting, manager)
      .select(CLASSIFICATION, 'reason')
      .addSelect('COUNT(*)', 'enterprises')
      .groupBy('reason')
      .getRawMany<{ reason: Classification; enterprises: number | string }>();
    const classified: Classified = { eligible: 0, excluded: noExclusions() };
    for (const row of rows) {
      if (isSkipReason(row.reason)) classified.excluded[row.reason] += Number(row.enterprises);
      else classified.eligible += Number(row.enterprises);
    }
    return classified;
  }

  /** The first `limit` eligible enterprises, largest first (ties by id). */
  async eligible(targeting: Targeting, limit: number): Promise<EligibleEnterprise[]> {
    const rows = await this.targeted(targeting)
      .andWhere(`${CLASSIFICATION} = 'eligible'`)
      .orderBy('e.employee_count', 'DESC')
      .addOrderBy('e.id', 'ASC')
      .limit(limit)
      .getMany();
    return rows.map((e) => ({
      id: e.id,
      name: e.name,
      creditCode: e.creditCode,
      township: e.township,
      ownershipType: e.ownershipType,
      industry: e.industry,
      employeeCount: e.employeeCount,
      instructorId: e.instructorId,
    }));
  }

  /** Stores a new campaign and freezes its targets (every eligible enterprise, largest first) as pending items. */
  async create(manager: EntityManager, campaign: Partial<Campaign>, targeting: Targeting): Promise<Campaign> {
    const saved = await manager.save(Campaign, manager.create(Campaign, campaign));
    // The builder puts the selection in an order of its own: it selects the id alone, and the
    // campaign and status go in front of it.
    const eligible = this.targeted(targeting, manager)
      .select('e.id', 'enterprise_id')
      .andWhere(`${CLASSIFICATION} = 'eligible'`)
      .orderBy('e.employee_count', 'DESC')
      .addOrderBy('e.id', 'ASC');
    const [sql, parameters] = eligible.getQueryAndParameters();
    if (!sql.startsWith('SELECT ')) throw new Error(`unexpected query: ${sql.slice(0, 40)}`);
    await execute(
      manager,
      `INSERT INTO campaign_items (campaign_id, status, enterprise_id) SELECT ?, 'pending', ${sql.slice('SELECT '.length)}`,
      [saved.id, ...parameters],
    );
    const [{ count }] = (await manager.query(
      'SELECT COUNT(*) AS count FROM campaign_items WHERE campaign_id = ?',
      [saved.id],
    )) as Array<{ count: number | string }>;
    saved.eligible = Number(count);
    await manager.update(Campaign, { id: saved.id }, { eligible: saved.eligible });
    return saved;
  }

  findById(id: number): Promise<Campaign | null> {
    return this.dataSource.getRepository(Campaign).findOneBy({ id });
  }

  /** A page of the campaigns the actor may read (by their unit), newest first. */
  async page(actor: Actor, page: number, pageSize: number): Promise<[Campaign[], number]> {
    const query = this.dataSource.getRepository(Campaign).createQueryBuilder('c');
    const inScope = unitRecordScopeCondition(actor, 'c.unit_id');
    if (inScope) query.where(inScope.sql, inScope.params);
    return query
      .orderBy('c.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
  }

  /** The campaigns still running, oldest first (the scheduler's and start-up's work). */
  async running(): Promise<number[]> {
    const rows = await this.dataSource.getRepository(Campaign).find({
      select: { id: true },
      where: { status: 'running' },
      order: { id: 'ASC' },
    });
    return rows.map((row) => row.id);
  }

  /** Items by status, per campaign. */
  async counts(campaignIds: number[]): Promise<Map<number, ItemCounts>> {
    const counts = new Map<number, ItemCounts>(
      campaignIds.map((id) => [id, { pending: 0, opened: 0, skipped: 0 }]),
    );
    if (campaignIds.length === 0) return counts;
    const rows = await this.dataSource
      .getRepository(CampaignItem)
      .createQueryBuilder('ci')
      .select('ci.campaign_id', 'campaignId')
      .addSelect('ci.status', 'status')
      .addSelect('COUNT(*)', 'items')
      .where('ci.campaign_id IN (:...campaignIds)', { campaignIds })
      .groupBy('ci.campaign_id')
      .addGroupBy('ci.status')
      .getRawMany<{ campaignId: number | string; status: CampaignItemStatus; items: number | string }>();
    for (const row of rows) {
      const tally = counts.get(Number(row.campaignId));
      if (tally) tally[row.status] = Number(row.items);
    }
    return counts;
  }

  /** The items skipped, with why, in item order (the largest enterprise first), at most `limit`. */
  async skipped(
    campaignId: number,
    limit: number,
  ): Promise<Array<{ enterpriseId: number; reason: SkipReason }>> {
    const rows = await this.dataSource.getRepository(CampaignItem).find({
      where: { campaignId, status: 'skipped' },
      order: { id: 'ASC' },
      take: limit,
    });
    return rows.map((row) => ({ enterpriseId: row.enterpriseId, reason: row.reason ?? 'roundOpen' }));
  }

  /** The rounds the campaign opened, in item order (largest enterprise first), `limit` from `offset`. */
  async openedRounds(campaignId: number, offset: number, limit: number): Promise<number[]> {
    const rows = await this.dataSource.getRepository(CampaignItem).find({
      select: { negotiationId: true },
      where: { campaignId, status: 'opened' },
      order: { id: 'ASC' },
      skip: offset,
      take: limit,
    });
    return rows.map((row) => row.negotiationId).filter((id): id is number => id !== null);
  }

  /** How many of the rounds the campaign opened are at each stage now. */
  async byStage(campaignId: number): Promise<Partial<Record<Stage, number>>> {
    const rows = (await this.dataSource.query(
      'SELECT n.stage AS stage, COUNT(*) AS rounds FROM campaign_items ci JOIN negotiations n ON n.id = ci.negotiation_id WHERE ci.campaign_id = ? GROUP BY n.stage ORDER BY n.stage',
      [campaignId],
    )) as Array<{ stage: Stage; rounds: number | string }>;
    return Object.fromEntries(rows.map((row) => [row.stage, Number(row.rounds)]));
  }

  /**
   * The rounds the campaign opened whose offer has had no reply past its deadline: an
   * `offer_reply` deadline (the rule set's, 集体合同规定 art. 32) still pending and due before `today`.
   */
  async repliesOverdue(campaignId: number, today: BusinessDate): Promise<number> {
    const [row] = (await this.dataSource.query(
      "SELECT COUNT(DISTINCT ci.negotiation_id) AS overdue FROM campaign_items ci JOIN deadlines d ON d.negotiation_id = ci.negotiation_id WHERE ci.campaign_id = ? AND d.kind = 'offer_reply' AND d.due_on < ?",
      [campaignId, today],
    )) as Array<{ overdue: number | string }>;
    return Number(row?.overdue ?? 0);
  }

  /**
   * Claims up to `limit` pending items of the campaign whose lease is free or has run out, for
   * `owner` until `leaseUntil` (database/work-lease.ts): candidates are read, then taken by one
   * UPDATE that repeats the conditions; the rows that then name `owner` are this claim's, whatever
   * another instance took meanwhile.
   */
  async claim(
    campaignId: number,
    limit: number,
    now: Date,
    owner: string,
    leaseUntil: Date,
  ): Promise<CampaignItem[]> {
    const at = (date: Date) => persistentValue(this.dataSource, CampaignItem, 'leaseUntil', date);
    const free = '(ci.lease_until IS NULL OR ci.lease_until < :now)';
    const candidates = await this.dataSource
      .getRepository(CampaignItem)
      .createQueryBuilder('ci')
      .select('ci.id', 'id')
      .where("ci.campaign_id = :campaignId AND ci.status = 'pending'", { campaignId })
      .andWhere(free, { now: at(now) })
      .orderBy('ci.id', 'ASC')
      .limit(limit)
      .getRawMany<{ id: number | string }>();
    if (candidates.length === 0) return [];
    const ids = candidates.map((row) => Number(row.id));
    await this.dataSource
      .createQueryBuilder()
      .update(CampaignItem)
      .set({ leaseOwner: owner, leaseUntil })
      .where("id IN (:...ids) AND status = 'pending' AND (lease_until IS NULL OR lease_until < :now)", {
        ids,
        now: at(now),
      })
      .execute();
    return this.dataSource.getRepository(CampaignItem).find({
      where: { id: In(ids), leaseOwner: owner, status: 'pending' },
      order: { id: 'ASC' },
    });
  }

  /**
   * In the opening transaction, first: marks this claim's items of these enterprises opened (no
   * round yet) where they are still pending and still this claim's, and answers those
   * enterprises. A runner whose lease ran out and was taken over finds its items gone (another
   * marked them, or holds them): the affected rows decide, and the writes of two runners on the
   * same items conflict (one waits for the other, or on a cluster one is retried) instead of
   * both opening a round.
   */
  async take(
    manager: EntityManager,
    campaignId: number,
    owner: string,
    enterpriseIds: number[],
  ): Promise<number[]> {
    if (enterpriseIds.length === 0) return [];
    const placeholders = enterpriseIds.map(() => '?').join(', ');
    await execute(
      manager,
      `UPDATE campaign_items SET status = 'opened' WHERE campaign_id = ? AND lease_owner = ? AND status = 'pending' AND enterprise_id IN (${placeholders})`,
      [campaignId, owner, ...enterpriseIds],
    );
    const rows = (await manager.query(
      `SELECT enterprise_id FROM campaign_items WHERE campaign_id = ? AND lease_owner = ? AND status = 'opened' AND negotiation_id IS NULL AND enterprise_id IN (${placeholders}) ORDER BY id`,
      [campaignId, owner, ...enterpriseIds],
    )) as Array<{ enterprise_id: number | string }>;
    return rows.map((row) => Number(row.enterprise_id));
  }

  /**
   * In the opening transaction, last: each taken item's round, or its skip and why; the lease
   * is let go.
   */
  async settle(
    manager: EntityManager,
    campaignId: number,
    owner: string,
    opened: Map<number, number>,
    refused: Map<number, string>,
  ): Promise<void> {
    const openedPairs = [...opened];
    for (let i = 0; i < openedPairs.length; i += 500) {
      const chunk = openedPairs.slice(i, i + 500);
      await execute(
        manager,
        `UPDATE campaign_items SET negotiation_id = CASE enterprise_id ${chunk.map(() => 'WHEN ? THEN ?').join(' ')} END, lease_owner = NULL, lease_until = NULL WHERE campaign_id = ? AND lease_owner = ? AND enterprise_id IN (${chunk.map(() => '?').join(', ')})`,
        [...chunk.flat(), campaignId, owner, ...chunk.map(([enterpriseId]) => enterpriseId)],
      );
    }
    const byReason = new Map<string, number[]>();
    for (const [enterpriseId, reason] of refused)
      byReason.set(reason, [...(byReason.get(reason) ?? []), enterpriseId]);
    for (const [reason, enterpriseIds] of byReason) {
      await execute(
        manager,
        `UPDATE campaign_items SET status = 'skipped', reason = ?, lease_owner = NULL, lease_until = NULL WHERE campaign_id = ? AND lease_owner = ? AND enterprise_id IN (${enterpriseIds.map(() => '?').join(', ')})`,
        [reason, campaignId, owner, ...enterpriseIds],
      );
    }
  }

  /**
   * In the opening transaction, after the round guard: which of these enterprises a campaign
   * would not write to any more (closed or without a union by the offer day, or an agreement of
   * the kind running on the offer day or today: one signed in the meantime counts).
   */
  async stillExcluded(
    manager: EntityManager,
    enterpriseIds: number[],
    agreementKind: AgreementKind,
    on: BusinessDate,
    today: BusinessDate,
  ): Promise<Map<number, SkipReason>> {
    if (enterpriseIds.length === 0) return new Map();
    const reason = `CASE
      WHEN (e.registered_on IS NOT NULL AND e.registered_on > :on) OR (e.closed_on IS NOT NULL AND e.closed_on <= :on) THEN 'closed'
      WHEN e.union_founded_on IS NULL OR e.union_founded_on > :on THEN 'noUnion'
      WHEN ${agreementRunning('e', 'on')} OR ${agreementRunning('e', 'today')} THEN 'agreementInForce'
      ELSE 'eligible' END`;
    const rows = await manager
      .createQueryBuilder(Enterprise, 'e')
      .select('e.id', 'id')
      .addSelect(reason, 'reason')
      .where('e.id IN (:...enterpriseIds)', { enterpriseIds })
      .setParameters({ on, today, kind: agreementKind })
      .getRawMany<{ id: number | string; reason: Classification }>();
    const excluded = new Map<number, SkipReason>();
    for (const row of rows) if (isSkipReason(row.reason)) excluded.set(Number(row.id), row.reason);
    return excluded;
  }

  /** Marks the campaign done when no item is left pending; answers whether it did. */
  async finishIfDone(campaignId: number, now: Date): Promise<boolean> {
    const finished = await this.dataSource
      .createQueryBuilder()
      .update(Campaign)
      .set({ status: 'done', finishedAt: now })
      .where("id = :campaignId AND status = 'running'", { campaignId })
      .andWhere(
        "NOT EXISTS (SELECT 1 FROM campaign_items ci WHERE ci.campaign_id = :campaignId AND ci.status = 'pending')",
      )
      .execute();
    return (finished.affected ?? 0) > 0;
  }

  async markFailed(campaignId: number, reason: string, now: Date): Promise<void> {
    await this.dataSource
      .getRepository(Campaign)
      .update(
        { id: campaignId, status: 'running' },
        { status: 'failed', failedReason: reason.slice(0, 500), finishedAt: now },
      );
  }

  /** A campaign run again: running until its pending items are done (none left: done again at once). */
  async markRunning(campaignId: number): Promise<void> {
    await this.dataSource
      .getRepository(Campaign)
      .update({ id: campaignId }, { status: 'running', failedReason: null, finishedAt: null });
  }

  /** The enterprises of the filter, in scope, with the parameters the classification names. */
  private targeted(targeting: Targeting, manager?: EntityManager): SelectQueryBuilder<Enterprise> {
    const { filter, scope, agreementKind, on } = targeting;
    const query = (manager ?? this.dataSource.manager)
      .createQueryBuilder(Enterprise, 'e')
      .where('1 = 1')
      .setParameters({ on, kind: agreementKind, openStages: OPEN_STAGES });
    if (filter.sector)
      query.andWhere('e.ownership_type IN (:...sectorTypes)', {
        sectorTypes: ownershipTypesOf(filter.sector),
      });
    if (filter.ownershipTypes?.length) query.andWhere('e.ownership_type IN (:...ownershipTypes)', filter);
    if (filter.industry) query.andWhere('e.industry = :industry', filter);
    if (filter.township) query.andWhere('e.township = :township', filter);
    const inScope: SqlCondition | null = scopeCondition(scope, 'e');
    if (inScope) query.andWhere(inScope.sql, inScope.params);
    return query;
  }
}
