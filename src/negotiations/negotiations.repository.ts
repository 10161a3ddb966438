import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager, In, IsNull, SelectQueryBuilder } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import { type AccessScope, scopeCondition } from '../access/scope';
import { ReportAggregates } from '../database/report-aggregates.port';
import { persistentValue } from '../database/persistent-value';
import { execute, hydrate, valueRows } from '../database/sql';
import { writeTransaction } from '../database/transactions';
import { Enterprise } from '../enterprises/enterprise.entity';
import { User } from '../users/user.entity';
import type { NegotiationSort } from './dto/list-negotiations.query';
import { Agreement } from './entities/agreement.entity';
import { Deadline } from './entities/deadline.entity';
import { Negotiation } from './entities/negotiation.entity';
import { NegotiationEnterprise } from './entities/negotiation-enterprise.entity';
import { NegotiationEvent } from './entities/negotiation-event.entity';
import {
  type AgreementTerms,
  type Deadline as WorkflowDeadline,
  OPEN_STAGES,
  STATE_DEADLINE_KINDS,
} from './workflow';

export interface CoveredEnterprise {
  id: number;
  name: string;
}

export interface NegotiationWithCoverage {
  negotiation: Negotiation;
  enterprises: Array<
    CoveredEnterprise & {
      instructorId: number | null;
      orgUnitId: number | null;
      employeeCount: number;
      registeredOn: string | null;
    }
  >;
}

export interface NegotiationFilter {
  stage?: string;
  agreementKind?: string;
  enterpriseId?: number;
  instructorId?: number;
  /** Only negotiations with a deadline due before this day. */
  overdueBefore?: string;
  /** Only those in these stages. */
  stages?: readonly string[];
  /** The actor's scope (`scopeOf`): only negotiations covering at least one enterprise in it. */
  access?: AccessScope;
}

/**
 * The work view's order (docs/api.md, Negotiations (`sort=agenda`)): rounds still being negotiated first, by their
 * next deadline (soonest first, those without one after them), then the closed ones (in force,
 * expired, terminated, abandoned) by their latest event, newest first; ties by id (older first
 * among open rounds, newer first among closed ones). Plain CASE and correlated subqueries, the
 * same on SQLite and MySQL/MariaDB (whose NULLs sort differently: none is left to them).
 */
function orderByAgenda(query: SelectQueryBuilder<Negotiation>): void {
  const open = 'n.stage IN (:...agendaOpenStages)';
  const next = '(SELECT MIN(ad.due_on) FROM deadlines ad WHERE ad.negotiation_id = n.id)';
  const latest =
    'COALESCE((SELECT MAX(ae.occurred_on) FROM negotiation_events ae WHERE ae.negotiation_id = n.id), n.created_on)';
  query
    .setParameter('agendaOpenStages', OPEN_STAGES)
    .orderBy(`CASE WHEN ${open} THEN 0 ELSE 1 END`, 'ASC')
    .addOrderBy(`CASE WHEN ${open} AND ${next} IS NULL THEN 1 ELSE 0 END`, 'ASC')
    .addOrderBy(`CASE WHEN ${open} THEN ${next} END`, 'ASC')
    .addOrderBy(`CASE WHEN ${open} THEN NULL ELSE ${latest} END`, 'DESC')
    .addOrderBy(`CASE WHEN ${open} THEN n.id ELSE -n.id END`, 'ASC');
}

/** Due timers read per claim: the first whose lease this runner takes is fired. */
const TIMER_CANDIDATES = 20;

/** Rows per multi-row INSERT of the batched path (parameters stay far below every driver's limit). */
const BULK_ROWS = 500;

/** Reads and the individual writes of the negotiation tables; NegotiationWriter composes them. */
@Injectable()
export class NegotiationsRepository {
  /** How TypeORM reads an enterprise's registeredOn, for the plain-SQL read of a negotiation. */
  private readonly registeredOn: ColumnMetadata;
  private returning?: Promise<boolean>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly coverage: ReportAggregates,
  ) {
    this.registeredOn = dataSource.getMetadata(Enterprise).findColumnWithPropertyName('registeredOn')!;
  }

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  findById(id: number, manager?: EntityManager): Promise<Negotiation | null> {
    return this.manager(manager).findOneBy(Negotiation, { id });
  }

  /** The enterprises each negotiation covers (id and name, by id), for a page of negotiations. */
  async coveredEnterprises(negotiationIds: number[]): Promise<Map<number, CoveredEnterprise[]>> {
    const covered = new Map<number, CoveredEnterprise[]>(negotiationIds.map((id) => [id, []]));
    if (negotiationIds.length === 0) return covered;
    const rows = await this.dataSource
      .getRepository(NegotiationEnterprise)
      .createQueryBuilder('ne')
      .innerJoin(Enterprise, 'e', 'e.id = ne.enterpriseId')
      .select(['ne.negotiation_id AS negotiationId', 'e.id AS id', 'e.name AS name'])
      .where('ne.negotiation_id IN (:...negotiationIds)', { negotiationIds })
      .orderBy('ne.negotiation_id', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .getRawMany<{ negotiationId: number; id: number; name: string }>();
    for (const row of rows) {
      covered.get(Number(row.negotiationId))?.push({ id: Number(row.id), name: row.name });
    }
    return covered;
  }

  /** enterprise ids → their instructor ids, for the ids that exist. */
  async enterprisesByIds(ids: number[]): Promise<Enterprise[]> {
    if (ids.length === 0) return [];
    return this.dataSource.getRepository(Enterprise).createQueryBuilder('e').whereInIds(ids).getMany();
  }

  /**
   * The negotiation with the enterprises it covers and their instructors, in one query: what
   * every request about one negotiation needs first (its scope check, then its answer).
   */
  async findWithCoverage(id: number): Promise<NegotiationWithCoverage | null> {
    // Plain SQL (see sql.ts): every request about one negotiation starts here.
    const rows = (await this.dataSource.query(
      'SELECT n.*, e.id AS covered_id, e.name AS covered_name, e.instructor_id AS covered_instructor_id, e.org_unit_id AS covered_org_unit_id, e.employee_count AS covered_employee_count, e.registered_on AS covered_registered_on FROM negotiations n LEFT JOIN negotiation_enterprises ne ON ne.negotiation_id = n.id LEFT JOIN enterprises e ON e.id = ne.enterprise_id WHERE n.id = ? ORDER BY e.id',
      [id],
    )) as Array<Record<string, unknown>>;
    if (rows.length === 0) return null;
    const enterprises = rows
      .filter((row) => row.covered_id !== null)
      .map((row) => ({
        id: Number(row.covered_id),
        name: String(row.covered_name),
        instructorId: row.covered_instructor_id === null ? null : Number(row.covered_instructor_id),
        orgUnitId: row.covered_org_unit_id === null ? null : Number(row.covered_org_unit_id),
        employeeCount: Number(row.covered_employee_count),
        registeredOn: this.dataSource.driver.prepareHydratedValue(
          row.covered_registered_on,
          this.registeredOn,
        ) as string | null,
      }));
    return { negotiation: hydrate(this.dataSource, Negotiation, rows[0]), enterprises };
  }

  /**
   * The open negotiations of `kind` covering any of `enterpriseIds`, read inside the creating
   * transaction, after counting the round about to open on each enterprise (`rounds_opened`,
   * migration 1764000000010). That write queues a second request opening a round for one
   * enterprise (a double click) behind the first, which it then sees; across the nodes of a
   * Galera cluster, where row locks are local, the two writes conflict at commit and the loser is
   * retried (writeTransaction) and sees the winner's round. Raw SQL: neither the enterprise's
   * version nor its updated_at change.
   */
  async openCovering(
    manager: EntityManager,
    enterpriseIds: number[],
    agreementKind: string,
  ): Promise<Array<{ negotiationId: number; stage: string; enterpriseName: string }>> {
    await execute(
      manager,
      `UPDATE enterprises SET rounds_opened = rounds_opened + 1, updated_at = updated_at WHERE id IN (${enterpriseIds.map(() => '?').join(', ')})`,
      enterpriseIds,
    );
    const rows = await manager
      .createQueryBuilder(NegotiationEnterprise, 'ne')
      .innerJoin(Negotiation, 'n', 'n.id = ne.negotiation_id')
      .innerJoin(Enterprise, 'e', 'e.id = ne.enterprise_id')
      .select(['n.id AS negotiation_id', 'n.stage AS stage', 'e.name AS enterprise_name'])
      .where('ne.enterprise_id IN (:...enterpriseIds)', { enterpriseIds })
      .andWhere('n.agreement_kind = :agreementKind', { agreementKind })
      .andWhere('n.stage IN (:...openStages)', { openStages: OPEN_STAGES })
      .orderBy('n.id')
      .getRawMany<{ negotiation_id: number | string; stage: string; enterprise_name: string }>();
    return rows.map((row) => ({
      negotiationId: Number(row.negotiation_id),
      stage: row.stage,
      enterpriseName: row.enterprise_name,
    }));
  }

  /**
   * The batched path's round guard (NegotiationWriter.openWithOffers): counts the round about to
   * open on each enterprise, as {@link openCovering} does for one, then answers which of them
   * already have an open round of `agreementKind`.
   */
  async enterprisesWithOpenRound(
    manager: EntityManager,
    enterpriseIds: number[],
    agreementKind: string,
  ): Promise<Set<number>> {
    const placeholders = enterpriseIds.map(() => '?').join(', ');
    await execute(
      manager,
      `UPDATE enterprises SET rounds_opened = rounds_opened + 1, updated_at = updated_at WHERE id IN (${placeholders})`,
      enterpriseIds,
    );
    const rows = (await manager.query(
      `SELECT DISTINCT ne.enterprise_id AS enterprise_id FROM negotiation_enterprises ne JOIN negotiations n ON n.id = ne.negotiation_id WHERE ne.enterprise_id IN (${placeholders}) AND n.agreement_kind = ? AND n.stage IN (${OPEN_STAGES.map(() => '?').join(', ')})`,
      [...enterpriseIds, agreementKind, ...OPEN_STAGES],
    )) as Array<{ enterprise_id: number | string }>;
    return new Set(rows.map((row) => Number(row.enterprise_id)));
  }

  /**
   * `count` new negotiations alike (the batched path: same kind, state and snapshot), with
   * multi-row INSERTs; answers their ids. Where the database answers `INSERT … RETURNING`
   * (SQLite, MariaDB 10.5+) the ids come back with the rows; elsewhere (MySQL) each row is
   * inserted on its own, since the ids of a multi-row insert need not be consecutive (Galera and
   * `innodb_autoinc_lock_mode = 2` interleave them). The rows are alike, so which id goes to
   * which enterprise is the caller's choice.
   */
  async insertMany(manager: EntityManager, negotiation: Negotiation, count: number): Promise<number[]> {
    const now = persistentValue(this.dataSource, Negotiation, 'createdAt', new Date());
    const row = [
      negotiation.agreementKind,
      negotiation.scope,
      negotiation.title,
      negotiation.stage,
      negotiation.state,
      JSON.stringify(negotiation.snapshot),
      negotiation.machineVersion,
      negotiation.ruleSetVersion,
      negotiation.version,
      negotiation.renewsId,
      negotiation.createdOn,
      negotiation.createdBy,
      persistentValue(this.dataSource, Negotiation, 'historical', negotiation.historical),
      now,
      now,
    ];
    const columns =
      'agreement_kind, scope, title, stage, state, snapshot, machine_version, rule_set_version, version, renews_id, created_on, created_by, historical, created_at, updated_at';
    const ids: number[] = [];
    if (await this.answersReturning()) {
      for (let done = 0; done < count; done += BULK_ROWS) {
        const rows = Math.min(BULK_ROWS, count - done);
        const returned = (await manager.query(
          `INSERT INTO negotiations (${columns}) VALUES ${valueRows(rows, row.length)} RETURNING id`,
          Array.from({ length: rows }, () => row).flat(),
        )) as Array<{ id: number | string }>;
        ids.push(...returned.map((r) => Number(r.id)));
      }
    } else {
      for (let i = 0; i < count; i++) {
        const result = (await manager.query(
          `INSERT INTO negotiations (${columns}) VALUES ${valueRows(1, row.length)}`,
          row,
        )) as { insertId: number };
        ids.push(Number(result.insertId));
      }
    }
    if (ids.length !== count) throw new Error(`inserted ${count} negotiations, got ${ids.length} ids back`);
    return ids;
  }

  /** Which enterprises each new negotiation covers: one multi-row INSERT per BULK_ROWS pairs. */
  async attachEnterprises(
    manager: EntityManager,
    pairs: Array<[negotiationId: number, enterpriseId: number]>,
  ) {
    for (let i = 0; i < pairs.length; i += BULK_ROWS) {
      const chunk = pairs.slice(i, i + BULK_ROWS);
      await execute(
        manager,
        `INSERT INTO negotiation_enterprises (negotiation_id, enterprise_id) VALUES ${valueRows(chunk.length, 2)}`,
        chunk.flat(),
      );
    }
  }

  /** {@link appendEvent} for many events (of different negotiations), in multi-row INSERTs. */
  async appendEvents(manager: EntityManager, events: Array<Omit<NegotiationEvent, 'id'>>): Promise<void> {
    for (let i = 0; i < events.length; i += BULK_ROWS) {
      const chunk = events.slice(i, i + BULK_ROWS);
      await execute(
        manager,
        `INSERT INTO negotiation_events (negotiation_id, seq, type, occurred_on, recorded_at, actor_id, from_stage, to_stage, payload) VALUES ${valueRows(chunk.length, 9)}`,
        chunk.flatMap((event) => [
          event.negotiationId,
          event.seq,
          event.type,
          event.occurredOn,
          persistentValue(this.dataSource, NegotiationEvent, 'recordedAt', event.recordedAt),
          event.actorId,
          event.fromStage,
          event.toStage,
          JSON.stringify(event.payload),
        ]),
      );
    }
  }

  /** The first deadlines of new negotiations (nothing to replace), in multi-row INSERTs. */
  async insertDeadlines(
    manager: EntityManager,
    rows: Array<{ negotiationId: number; deadline: WorkflowDeadline }>,
  ): Promise<void> {
    for (let i = 0; i < rows.length; i += BULK_ROWS) {
      const chunk = rows.slice(i, i + BULK_ROWS);
      await execute(
        manager,
        `INSERT INTO deadlines (negotiation_id, kind, due_on, action, event, rule, failed_reason, unit, calendar_missing) VALUES ${valueRows(chunk.length, 9)}`,
        chunk.flatMap(({ negotiationId, deadline: d }) => [
          negotiationId,
          d.kind,
          d.dueOn,
          d.action,
          d.event ?? null,
          d.rule,
          null,
          d.unit,
          d.calendarMissing ? 1 : 0,
        ]),
      );
    }
  }

  /** Whether the database answers `INSERT … RETURNING` (SQLite; MariaDB 10.5 and later), asked once. */
  private answersReturning(): Promise<boolean> {
    this.returning ??= (async () => {
      if (this.dataSource.options.type === 'better-sqlite3') return true;
      const [row] = (await this.dataSource.query('SELECT VERSION() AS version')) as Array<{
        version: string;
      }>;
      const match = /^(\d+)\.(\d+).*mariadb/i.exec(String(row?.version ?? ''));
      return match !== null && (Number(match[1]) > 10 || (Number(match[1]) === 10 && Number(match[2]) >= 5));
    })();
    return this.returning;
  }

  async insert(
    manager: EntityManager,
    negotiation: Negotiation,
    enterpriseIds: number[],
  ): Promise<Negotiation> {
    const saved = await manager.save(Negotiation, negotiation);
    await manager.insert(
      NegotiationEnterprise,
      enterpriseIds.map((enterpriseId) => ({ negotiationId: saved.id, enterpriseId })),
    );
    return saved;
  }

  /**
   * Compare-and-set: writes the new state only if the row is still at `expectedVersion`.
   * Returns false when another writer got there first (nothing is written then).
   * This and the next two writes are every transition's: plain SQL (see sql.ts).
   */
  async compareAndSet(
    manager: EntityManager,
    id: number,
    expectedVersion: number,
    changes: Pick<Negotiation, 'snapshot' | 'stage' | 'state' | 'machineVersion'>,
  ): Promise<boolean> {
    const affected = await execute(
      manager,
      'UPDATE negotiations SET snapshot = ?, stage = ?, state = ?, machine_version = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?',
      [
        JSON.stringify(changes.snapshot),
        changes.stage,
        changes.state,
        changes.machineVersion,
        expectedVersion + 1,
        persistentValue(this.dataSource, Negotiation, 'updatedAt', new Date()),
        id,
        expectedVersion,
      ],
    );
    return affected === 1;
  }

  async appendEvent(manager: EntityManager, event: Omit<NegotiationEvent, 'id'>): Promise<void> {
    await this.appendEvents(manager, [event]);
  }

  async replaceDeadlines(
    manager: EntityManager,
    negotiationId: number,
    deadlines: WorkflowDeadline[],
  ): Promise<void> {
    await execute(manager, 'DELETE FROM deadlines WHERE negotiation_id = ?', [negotiationId]);
    await this.insertDeadlines(
      manager,
      deadlines.map((deadline) => ({ negotiationId, deadline })),
    );
  }

  /**
   * Keeps the current agreement row in step with the snapshot: created at signing, updated as
   * it takes effect or ends, and set aside (not deleted) on `eventOn` when the snapshot no
   * longer has one, so that reports for earlier dates keep counting it.
   */
  async syncAgreement(
    manager: EntityManager,
    negotiation: Negotiation,
    terms: AgreementTerms | null,
    eventOn: string,
  ): Promise<void> {
    const current = await manager.findOneBy(Agreement, {
      negotiationId: negotiation.id,
      setAsideOn: IsNull(),
    });
    if (terms === null) {
      if (current) {
        await manager.update(Agreement, { id: current.id }, { setAsideOn: eventOn });
        await this.coverage.refreshNegotiation(manager, negotiation.id);
      }
      return;
    }
    const sameSigning = current !== null && current.signedOn === terms.signedOn;
    if (current && !sameSigning) await manager.update(Agreement, { id: current.id }, { setAsideOn: eventOn });
    await manager.save(Agreement, {
      ...(sameSigning ? current : {}),
      negotiationId: negotiation.id,
      agreementKind: negotiation.agreementKind,
      scope: negotiation.scope,
      setAsideOn: null,
      ...terms,
    });
    // The enterprises it lists are counted anew in the report aggregates (an expiry needs no
    // write: it is a dated step already).
    await this.coverage.refreshNegotiation(manager, negotiation.id);
  }

  events(negotiationId: number): Promise<NegotiationEvent[]> {
    return this.dataSource
      .getRepository(NegotiationEvent)
      .find({ where: { negotiationId }, order: { seq: 'ASC' } });
  }

  /** The history, oldest first, each event with the display name of the user who recorded it. */
  async history(
    negotiationId: number,
  ): Promise<Array<{ event: NegotiationEvent; actorName: string | null }>> {
    const { entities, raw } = await this.dataSource
      .getRepository(NegotiationEvent)
      .createQueryBuilder('ev')
      .leftJoin(User, 'u', 'u.id = ev.actorId')
      .addSelect('u.display_name', 'actorName')
      .where('ev.negotiationId = :negotiationId', { negotiationId })
      .orderBy('ev.seq', 'ASC')
      .getRawAndEntities<{ actorName: string | null }>();
    return entities.map((event, index) => ({ event, actorName: raw[index]?.actorName ?? null }));
  }

  /** The pending deadlines of each negotiation, soonest first. */
  async deadlinesOf(
    negotiationIds: number[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<number, Deadline[]>> {
    const deadlines = new Map<number, Deadline[]>(negotiationIds.map((id) => [id, []]));
    if (negotiationIds.length === 0) return deadlines;
    const rows = await manager.getRepository(Deadline).find({
      where: { negotiationId: In(negotiationIds) },
      order: { dueOn: 'ASC', id: 'ASC' },
    });
    for (const row of rows) deadlines.get(row.negotiationId)?.push(row);
    return deadlines;
  }

  /** The negotiation's current agreement (not set aside), if any. */
  agreement(negotiationId: number): Promise<Agreement | null> {
    return this.dataSource.getRepository(Agreement).findOneBy({ negotiationId, setAsideOn: IsNull() });
  }

  /** The current agreement of each negotiation that has one. */
  async agreementsOf(negotiationIds: number[]): Promise<Map<number, Agreement>> {
    if (negotiationIds.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(Agreement)
      .findBy({ negotiationId: In(negotiationIds), setAsideOn: IsNull() });
    return new Map(rows.map((row) => [row.negotiationId, row]));
  }

  async findPage(
    filter: NegotiationFilter,
    page: number,
    pageSize: number,
    sort: NegotiationSort = 'id',
  ): Promise<[Negotiation[], number]> {
    const query = this.filtered(filter);
    if (sort === 'agenda') orderByAgenda(query);
    else query.orderBy('n.id', 'ASC');
    return query
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
  }

  private filtered(filter: NegotiationFilter): SelectQueryBuilder<Negotiation> {
    const query = this.dataSource.getRepository(Negotiation).createQueryBuilder('n');
    if (filter.stage) query.andWhere('n.stage = :stage', filter);
    if (filter.stages) query.andWhere('n.stage IN (:...stages)', { stages: filter.stages });
    if (filter.agreementKind) query.andWhere('n.agreementKind = :agreementKind', filter);
    const covering = (alias: string, condition: string, params: object) =>
      query.andWhere(
        `EXISTS (SELECT 1 FROM negotiation_enterprises ${alias}ne JOIN enterprises ${alias}e ON ${alias}e.id = ${alias}ne.enterprise_id WHERE ${alias}ne.negotiation_id = n.id AND ${condition})`,
        params,
      );
    if (filter.enterpriseId) covering('f', 'fe.id = :enterpriseId', filter);
    if (filter.instructorId) covering('i', 'ie.instructor_id = :instructorId', filter);
    const inScope = filter.access && scopeCondition(filter.access, 'se');
    if (inScope) covering('s', inScope.sql, inScope.params);
    if (filter.overdueBefore) {
      query.andWhere(
        new Brackets((where) =>
          where.where(
            'EXISTS (SELECT 1 FROM deadlines d WHERE d.negotiation_id = n.id AND d.due_on < :overdueBefore AND d.kind NOT IN (:...stateKinds))',
            { ...filter, stateKinds: STATE_DEADLINE_KINDS },
          ),
        ),
      );
    }
    return query;
  }

  /**
   * Claims the next `fire` deadline due by `today` whose lease is free or has run out, for
   * `owner` until `leaseUntil` (database/work-lease.ts): the first of the due rows, in due order,
   * that this UPDATE takes; rows another runner took meanwhile are passed over. Null when none is left.
   */
  async claimDueTimer(today: string, now: Date, owner: string, leaseUntil: Date): Promise<Deadline | null> {
    const at = (date: Date) => persistentValue(this.dataSource, Deadline, 'leaseUntil', date);
    const free = '(lease_until IS NULL OR lease_until < :now)';
    const due = "action = 'fire' AND due_on <= :today AND failed_reason IS NULL";
    const candidates = await this.dataSource
      .getRepository(Deadline)
      .createQueryBuilder('d')
      .select('d.id', 'id')
      .where("d.action = 'fire' AND d.due_on <= :today AND d.failed_reason IS NULL", { today })
      .andWhere('(d.lease_until IS NULL OR d.lease_until < :now)', { now: at(now) })
      .orderBy('d.due_on', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .limit(TIMER_CANDIDATES)
      .getRawMany<{ id: number | string }>();
    for (const { id } of candidates) {
      // In a transaction of its own so that a cluster's certification conflict (1213) is retried.
      const taken = await writeTransaction(this.dataSource, (manager) =>
        manager
          .createQueryBuilder()
          .update(Deadline)
          .set({ leaseOwner: owner, leaseUntil })
          .where(`id = :id AND ${due} AND ${free}`, { id: Number(id), today, now: at(now) })
          .execute(),
      );
      if (taken.affected === 1) return this.dataSource.getRepository(Deadline).findOneBy({ id: Number(id) });
    }
    return null;
  }

  /** The deadline the caller claimed, in its transaction; null when an event replaced it meanwhile. */
  claimedTimer(manager: EntityManager, id: number, owner: string): Promise<Deadline | null> {
    return manager.getRepository(Deadline).findOneBy({ id, leaseOwner: owner });
  }

  /** A page of the negotiations with a deadline due on or after `dueFrom`, by id after `afterId`. */
  async withDeadlinesFrom(
    manager: EntityManager,
    dueFrom: string,
    afterId: number,
    limit: number,
  ): Promise<Negotiation[]> {
    const rows = (await manager.query(
      'SELECT DISTINCT negotiation_id AS id FROM deadlines WHERE due_on >= ? AND negotiation_id > ? ORDER BY negotiation_id LIMIT ?',
      [dueFrom, afterId, limit],
    )) as Array<{ id: number | string }>;
    if (rows.length === 0) return [];
    return manager.getRepository(Negotiation).find({
      where: { id: In(rows.map((row) => Number(row.id))) },
      order: { id: 'ASC' },
    });
  }

  /**
   * A deadline counted again (the calendar changed): its day and flag, nothing else of the row,
   * and only while the negotiation is still at `version` (an event since has written its own).
   * Answers whether the row changed.
   */
  async recountDeadline(
    manager: EntityManager,
    deadline: { id: number; negotiationId: number },
    version: number,
    counted: { dueOn: string; calendarMissing: boolean },
  ): Promise<boolean> {
    const changed = await execute(
      manager,
      'UPDATE deadlines SET due_on = ?, calendar_missing = ? WHERE id = ? AND EXISTS (SELECT 1 FROM negotiations n WHERE n.id = ? AND n.version = ?)',
      [counted.dueOn, counted.calendarMissing ? 1 : 0, deadline.id, deadline.negotiationId, version],
    );
    return changed > 0;
  }

  async markTimerFailed(manager: EntityManager, deadlineId: number, reason: string): Promise<void> {
    await manager.update(Deadline, { id: deadlineId }, { failedReason: reason.slice(0, 500) });
  }
}
