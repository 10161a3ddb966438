import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { type AuditRecord, AuditService } from '../audit/audit.service';
import { type Actor, isSystem } from '../access/actor';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../common/clock/clock';
import type { WorkCalendar } from '../common/dates/work-calendar';
import { writeTransaction } from '../database/transactions';
import { Metrics } from '../metrics/metrics';
import { Negotiation } from './entities/negotiation.entity';
import { type NegotiationsConfig, negotiationsConfig } from './negotiations.config';
import { AlreadyOpenError, VersionConflictError, WorkflowRefusedError } from './negotiations.errors';
import { NegotiationsRepository } from './negotiations.repository';
import {
  type AgreementKind,
  applyEvent,
  type ApplySuccess,
  createHistoricalState,
  createNegotiationState,
  type Deadline as WorkflowDeadline,
  deadlinesOf,
  type EventSource,
  type HistoricalAgreementInput,
  type PersistedWorkflow,
  RuleSetRegistry,
  type RuleSet,
  type Scope,
  type Stage,
} from './workflow';

/** Negotiations read at a time when the calendar changed and their deadlines are recounted. */
const RECOUNT_PAGE = 500;

/** Stages in which a negotiation has no current agreement. */
const BEFORE_SIGNING: Stage[] = ['invitation', 'preparation', 'consultation', 'ratification', 'signing'];

/** The offer a batch of new enterprise rounds opens with (OFFER_SENT's fields). */
export interface BatchOffer {
  occurredOn: string;
  receivedOn: string;
  sentBy: 'union' | 'employer';
}

/** Many enterprise-scope rounds of one kind, each opened with the same offer (an offer campaign). */
export interface OfferBatch {
  agreementKind: AgreementKind;
  title: string | null;
  offer: BatchOffer;
  enterpriseIds: number[];
  /** Added to each negotiation's `negotiation.create` audit row (e.g. `{ campaignId }`). */
  auditContext?: Record<string, unknown>;
}

/** What a batch did: the rounds opened (enterprise → negotiation) and the enterprises refused, with why. */
export interface OfferBatchOutcome {
  opened: Map<number, number>;
  refused: Map<number, string>;
}

/** The caller's own work in the batch's transaction (a campaign: its claim and its items). */
export interface OfferBatchHooks {
  /** First in the transaction: which of the batch's enterprises are still to open (re-read, claimed). */
  claim?: (manager: EntityManager, enterpriseIds: number[]) => Promise<number[]>;
  /** After the round guard: enterprises not to open after all, with why. */
  exclude?: (manager: EntityManager, enterpriseIds: number[]) => Promise<Map<number, string>>;
  /** Last in the transaction: the caller records the outcome with the rows, or not at all. */
  record?: (manager: EntityManager, outcome: OfferBatchOutcome) => Promise<void>;
}

export interface NewNegotiation {
  agreementKind: AgreementKind;
  scope: Scope;
  enterpriseIds: number[];
  title: string | null;
  renewsId: number | null;
}

/**
 * The one way a negotiation changes (docs/architecture.md): load the row, compute the next
 * snapshot with the pure machine, then in one transaction compare-and-set the version,
 * append the event, replace the deadlines, sync the agreement and write the audit row.
 * Users, imports and timers all come through here.
 */
@Injectable()
export class NegotiationWriter implements OnModuleInit {
  private readonly logger = new Logger(NegotiationWriter.name);
  private readonly ruleSets: RuleSetRegistry;

  constructor(
    private readonly dataSource: DataSource,
    private readonly negotiations: NegotiationsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(negotiationsConfig.KEY) private readonly config: NegotiationsConfig,
    private readonly metrics: Metrics,
    private readonly calendars: CalendarService,
  ) {
    this.ruleSets = new RuleSetRegistry(config.ruleSets.all);
  }

  onModuleInit(): void {
    this.calendars.onChange((manager, calendar, years) => this.recountDeadlines(manager, calendar, years));
  }

  get currentRuleSet(): RuleSet {
    return this.config.ruleSets.current;
  }

  ruleSetOf(negotiation: Negotiation): RuleSet {
    return this.ruleSets.get(negotiation.ruleSetVersion);
  }

  async create(input: NewNegotiation, actor: Actor): Promise<Negotiation> {
    const ruleSet = this.currentRuleSet;
    const persisted = createNegotiationState({ ...input, ruleSet, createdOn: this.clock.today() });
    const row = this.newRow(input, persisted, actor, false);
    return writeTransaction(this.dataSource, async (manager) => {
      const [open] = await this.negotiations.openCovering(manager, input.enterpriseIds, input.agreementKind);
      if (open) throw new AlreadyOpenError(open, input.agreementKind);
      const saved = await this.negotiations.insert(manager, row, input.enterpriseIds);
      await this.negotiations.replaceDeadlines(manager, saved.id, deadlinesOf(persisted, ruleSet));
      await this.audit.record(manager, actor, {
        action: 'negotiation.create',
        entityType: 'negotiation',
        entityId: saved.id,
        changes: {
          agreementKind: { from: null, to: input.agreementKind },
          scope: { from: null, to: input.scope },
          enterpriseIds: { from: null, to: input.enterpriseIds },
        },
      });
      return saved;
    });
  }

  /**
   * The batched path (offer campaigns): for each enterprise, a new enterprise-scope round of
   * the kind opened with the same OFFER_SENT, every row written with multi-row INSERTs in one
   * transaction: the negotiations, the enterprises they cover, the events, the deadlines, and
   * the two audit rows each (`negotiation.create`, `negotiation.event`) that create + record
   * would write. The same rules hold as for one: the round guard (`rounds_opened`) is counted
   * on every enterprise first, and one with an open round of the kind is refused (`roundOpen`),
   * not opened. The snapshot comes from the pure machine, computed once: the machine's input
   * (kind, scope, rule set, the day, the event) is the same for every round of the batch and
   * holds no enterprise, so every round's state is the same.
   */
  async openWithOffers(
    batch: OfferBatch,
    actor: Actor,
    hooks: OfferBatchHooks = {},
  ): Promise<OfferBatchOutcome> {
    const ruleSet = this.currentRuleSet;
    const today = this.clock.today();
    const input: NewNegotiation = {
      agreementKind: batch.agreementKind,
      scope: 'enterprise',
      enterpriseIds: [],
      title: batch.title,
      renewsId: null,
    };
    const initial = createNegotiationState({ ...input, ruleSet, createdOn: today });
    const offer = applyEvent(
      initial,
      { type: 'OFFER_SENT', ...batch.offer },
      { ruleSet, today, source: 'user', calendar: this.calendars.current() },
    );
    if (!offer.ok) throw new WorkflowRefusedError(offer);
    const row = Object.assign(this.newRow(input, offer.persisted, actor, false), {
      stage: offer.stage,
      state: offer.state,
      version: 1,
    });
    const { type, occurredOn, ...payload } = offer.event as unknown as Record<string, unknown>;

    const outcome = await writeTransaction(this.dataSource, async (manager) => {
      const refused = new Map<number, string>();
      const opened = new Map<number, number>();
      const ids = hooks.claim ? await hooks.claim(manager, batch.enterpriseIds) : batch.enterpriseIds;
      if (ids.length > 0) {
        for (const id of await this.negotiations.enterprisesWithOpenRound(
          manager,
          ids,
          batch.agreementKind,
        )) {
          refused.set(id, 'roundOpen');
        }
        const others = hooks.exclude
          ? await hooks.exclude(
              manager,
              ids.filter((id) => !refused.has(id)),
            )
          : new Map<number, string>();
        for (const [id, reason] of others) if (!refused.has(id)) refused.set(id, reason);
        const toOpen = ids.filter((id) => !refused.has(id));
        const negotiationIds = await this.negotiations.insertMany(manager, row, toOpen.length);
        toOpen.forEach((enterpriseId, index) => opened.set(enterpriseId, negotiationIds[index]));
        await this.writeOpened(manager, opened, { row, offer, type, occurredOn, payload }, batch, actor);
      }
      const result = { opened, refused };
      await hooks.record?.(manager, result);
      return result;
    });
    if (outcome.opened.size > 0)
      this.metrics.workflowEvents.inc({ type: 'OFFER_SENT', source: 'user' }, outcome.opened.size);
    return outcome;
  }

  /** The rows of the rounds a batch opened, besides the negotiations themselves. */
  private async writeOpened(
    manager: EntityManager,
    opened: Map<number, number>,
    step: {
      row: Negotiation;
      offer: ApplySuccess;
      type: unknown;
      occurredOn: unknown;
      payload: Record<string, unknown>;
    },
    batch: OfferBatch,
    actor: Actor,
  ): Promise<void> {
    if (opened.size === 0) return;
    const { offer, type, occurredOn, payload } = step;
    const pairs = [...opened].map(
      ([enterpriseId, negotiationId]) => [negotiationId, enterpriseId] as [number, number],
    );
    await this.negotiations.attachEnterprises(manager, pairs);
    const recordedAt = this.clock.now();
    await this.negotiations.appendEvents(
      manager,
      pairs.map(([negotiationId]) => ({
        negotiationId,
        seq: 1,
        type: String(type),
        occurredOn: String(occurredOn),
        recordedAt,
        actorId: isSystem(actor) ? null : actor.id,
        fromStage: offer.fromStage,
        toStage: offer.toStage,
        payload,
      })),
    );
    await this.negotiations.insertDeadlines(
      manager,
      pairs.flatMap(([negotiationId]) => offer.deadlines.map((deadline) => ({ negotiationId, deadline }))),
    );
    const context = Object.fromEntries(
      Object.entries(batch.auditContext ?? {}).map(([key, value]) => [key, { from: null, to: value }]),
    );
    await this.audit.recordMany(
      manager,
      actor,
      pairs.flatMap(([negotiationId, enterpriseId]): AuditRecord[] => [
        {
          action: 'negotiation.create',
          entityType: 'negotiation' as const,
          entityId: negotiationId,
          changes: {
            agreementKind: { from: null, to: batch.agreementKind },
            scope: { from: null, to: 'enterprise' },
            enterpriseIds: { from: null, to: [enterpriseId] },
            ...context,
          },
        },
        {
          action: 'negotiation.event',
          entityType: 'negotiation' as const,
          entityId: negotiationId,
          changes: {
            version: { from: 0, to: 1 },
            stage: { from: offer.fromStage, to: offer.toStage },
            event: { from: null, to: { type, occurredOn, ...payload } },
          },
        },
      ]),
    );
  }

  /**
   * Records one event from a client that saw the negotiation at `expectedVersion`; `row` is
   * the negotiation as just loaded. Answers the row as it now is.
   */
  async record(
    row: Negotiation,
    event: Record<string, unknown>,
    expectedVersion: number,
    actor: Actor,
  ): Promise<{ negotiation: Negotiation; result: ApplySuccess }> {
    if (row.version !== expectedVersion) throw new VersionConflictError(expectedVersion, row.version);
    const result = this.compute(row, event, 'user');
    await writeTransaction(this.dataSource, (manager) => this.commit(manager, row, result, actor));
    this.committed(String(event.type), 'user');
    const negotiation = Object.assign(new Negotiation(), row, {
      snapshot: result.persisted.snapshot,
      machineVersion: result.persisted.machineVersion,
      stage: result.stage,
      state: result.state,
      version: row.version + 1,
    });
    return { negotiation, result };
  }

  /** Counts an event whose transaction has committed (`GET /metrics`). */
  committed(type: string, source: EventSource): void {
    this.metrics.workflowEvents.inc({ type, source });
  }

  /**
   * The pure step: the next state, or a 422 naming the rule. Nothing is written either way.
   */
  compute(row: Negotiation, event: unknown, source: EventSource): ApplySuccess {
    const result = applyEvent(this.persistedOf(row), event, {
      ruleSet: this.ruleSetOf(row),
      today: this.clock.today(),
      source,
      calendar: this.calendars.current(),
    });
    if (!result.ok) throw new WorkflowRefusedError(result);
    return result;
  }

  /** The transactional step; the caller owns the transaction (timers hold a row lock in it). */
  async commit(manager: EntityManager, row: Negotiation, result: ApplySuccess, actor: Actor): Promise<void> {
    const written = await this.negotiations.compareAndSet(manager, row.id, row.version, {
      snapshot: result.persisted.snapshot,
      machineVersion: result.persisted.machineVersion,
      stage: result.stage,
      state: result.state,
    });
    if (!written) {
      const current = await this.negotiations.findById(row.id, manager);
      throw new VersionConflictError(row.version, current?.version ?? row.version);
    }
    const { type, occurredOn, ...payload } = result.event as unknown as Record<string, unknown>;
    await this.negotiations.appendEvent(manager, {
      negotiationId: row.id,
      seq: row.version + 1,
      type: String(type),
      occurredOn: String(occurredOn),
      recordedAt: this.clock.now(),
      actorId: isSystem(actor) ? null : actor.id,
      fromStage: result.fromStage,
      toStage: result.toStage,
      payload,
    });
    await this.negotiations.replaceDeadlines(manager, row.id, result.deadlines);
    // Before the first signing there is no agreement row to keep in step (a set-aside one stays as it is).
    if (result.agreement !== null || !BEFORE_SIGNING.includes(result.fromStage)) {
      await this.negotiations.syncAgreement(manager, row, result.agreement, String(occurredOn));
    }
    await this.audit.record(manager, actor, {
      action: 'negotiation.event',
      entityType: 'negotiation',
      entityId: row.id,
      changes: {
        version: { from: row.version, to: row.version + 1 },
        stage: { from: result.fromStage, to: result.toStage },
        event: { from: null, to: { type, occurredOn, ...payload } },
      },
    });
  }

  /**
   * The working-day calendar changed (`years` loaded or replaced): the stored deadlines that can
   * reach into those years are counted again with `calendar`, in the caller's transaction. Only a
   * deadline's day and `calendarMissing` change (a timer's claim or failure stays); the review's
   * end is the one the submission recorded (SUBMITTED_FOR_REVIEW.reviewEndsOn). Answers how many
   * deadlines changed.
   */
  async recountDeadlines(manager: EntityManager, calendar: WorkCalendar, years: number[]): Promise<number> {
    if (years.length === 0) return 0;
    // A limit is at most a few months long: one reaching into `year` is due from the year before on.
    const dueFrom = `${Math.min(...years) - 1}-01-01`;
    let changed = 0;
    for (let afterId = 0; ;) {
      const rows = await this.negotiations.withDeadlinesFrom(manager, dueFrom, afterId, RECOUNT_PAGE);
      if (rows.length === 0) return changed;
      afterId = rows[rows.length - 1].id;
      const stored = await this.negotiations.deadlinesOf(
        rows.map((row) => row.id),
        manager,
      );
      for (const row of rows) {
        let counted: WorkflowDeadline[];
        try {
          counted = deadlinesOf(this.persistedOf(row), this.ruleSetOf(row), calendar);
        } catch (error) {
          // A snapshot or rule set this build cannot read (workflow:verify names it): left as it is.
          this.logger.warn(`deadlines of negotiation ${row.id} not recounted: ${String(error)}`);
          continue;
        }
        for (const deadline of stored.get(row.id) ?? []) {
          const now = counted.find((candidate) => candidate.kind === deadline.kind);
          if (now === undefined) continue;
          if (now.dueOn === deadline.dueOn && now.calendarMissing === Boolean(deadline.calendarMissing))
            continue;
          if (await this.negotiations.recountDeadline(manager, deadline, row.version, now)) changed += 1;
        }
      }
    }
  }

  /**
   * An agreement signed before the product was used: a negotiation whose history is the
   * system event HISTORICAL_RECORDED (and EXPIRED if it has run out), through the machine.
   */
  async createHistorical(
    input: NewNegotiation & Omit<HistoricalAgreementInput, 'agreementKind' | 'scope' | 'today' | 'ruleSet'>,
    actor: Actor,
  ): Promise<Negotiation> {
    const ruleSet = this.currentRuleSet;
    const today = this.clock.today();
    const { enterpriseIds, title, renewsId, ...terms } = input;
    const result = createHistoricalState({ ...terms, today, ruleSet });
    if (!result.ok) throw new WorkflowRefusedError(result);

    let persisted = createNegotiationState({ ...input, ruleSet, createdOn: today });
    const steps = result.events.map((event) => {
      const step = applyEvent(persisted, event, {
        ruleSet,
        today,
        source: 'system',
        calendar: this.calendars.current(),
      });
      if (!step.ok) throw new WorkflowRefusedError(step); // cannot happen: the same events were just accepted
      persisted = step.persisted;
      return step;
    });
    const row = this.newRow({ ...input, enterpriseIds, title, renewsId }, persisted, actor, true);
    row.stage = result.stage;
    row.state = result.state;
    row.version = steps.length;

    return writeTransaction(this.dataSource, async (manager) => {
      const saved = await this.negotiations.insert(manager, row, enterpriseIds);
      for (const [index, step] of steps.entries()) {
        const { type, occurredOn, ...payload } = step.event as unknown as Record<string, unknown>;
        await this.negotiations.appendEvent(manager, {
          negotiationId: saved.id,
          seq: index + 1,
          type: String(type),
          occurredOn: String(occurredOn),
          recordedAt: this.clock.now(),
          actorId: isSystem(actor) ? null : actor.id,
          fromStage: step.fromStage,
          toStage: step.toStage,
          payload,
        });
      }
      await this.negotiations.replaceDeadlines(manager, saved.id, result.deadlines);
      await this.negotiations.syncAgreement(manager, saved, result.agreement, today);
      await this.audit.record(manager, actor, {
        action: 'agreement.historical',
        entityType: 'negotiation',
        entityId: saved.id,
        changes: {
          stage: { from: null, to: result.stage },
          enterpriseIds: { from: null, to: enterpriseIds },
        },
      });
      return saved;
    });
  }

  persistedOf(row: Negotiation): PersistedWorkflow {
    return {
      machineId: 'negotiation',
      machineVersion: row.machineVersion,
      ruleSetVersion: row.ruleSetVersion,
      snapshot: row.snapshot,
    };
  }

  private newRow(
    input: NewNegotiation,
    persisted: PersistedWorkflow,
    actor: Actor,
    historical: boolean,
  ): Negotiation {
    return Object.assign(new Negotiation(), {
      agreementKind: input.agreementKind,
      scope: input.scope,
      title: input.title,
      stage: 'invitation',
      state: 'invitation',
      snapshot: persisted.snapshot,
      machineVersion: persisted.machineVersion,
      ruleSetVersion: persisted.ruleSetVersion,
      version: 0,
      renewsId: input.renewsId,
      createdOn: this.clock.today(),
      createdBy: isSystem(actor) ? null : actor.id,
      historical,
    });
  }
}
