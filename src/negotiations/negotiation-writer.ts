import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { type Actor, isSystem } from '../access/actor';
import { Clock } from '../common/clock/clock';
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
  deadlinesOf,
  type EventSource,
  type HistoricalAgreementInput,
  type PersistedWorkflow,
  RuleSetRegistry,
  type RuleSet,
  type Scope,
  type Stage,
} from './workflow';

/** Stages in which a negotiation has no current agreement. */
const BEFORE_SIGNING: Stage[] = ['invitation', 'preparation', 'consultation', 'ratification', 'signing'];

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
export class NegotiationWriter {
  private readonly ruleSets: RuleSetRegistry;

  constructor(
    private readonly dataSource: DataSource,
    private readonly negotiations: NegotiationsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(negotiationsConfig.KEY) private readonly config: NegotiationsConfig,
    private readonly metrics: Metrics,
  ) {
    this.ruleSets = new RuleSetRegistry(config.ruleSets.all);
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
      const step = applyEvent(persisted, event, { ruleSet, today, source: 'system' });
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
