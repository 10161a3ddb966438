import { Injectable } from '@nestjs/common';
import type { Actor } from '../access/actor';
import { coversInScope, inScope, scopeOf } from '../access/scope';
import { Clock } from '../common/clock/clock';
import { daysBetween } from '../common/dates/business-date';
import type { FieldError } from '../common/errors/app-error';
import { UnknownFieldsError, ValidationFailedError } from '../common/errors/request.errors';
import { Page } from '../common/http/page';
import type { Enterprise } from '../enterprises/enterprise.entity';
import { type CoverageProblem, coverageProblems } from './coverage-checks';
import { historicalCheckZh, ruleZh } from './labels-zh';
import { CreateHistoricalAgreementDto } from './dto/create-historical-agreement.dto';
import { CreateNegotiationDto } from './dto/create-negotiation.dto';
import { ListNegotiationsQuery } from './dto/list-negotiations.query';
import { NegotiationEventResponse, NegotiationPage, NegotiationResponse } from './dto/negotiation.response';
import { Agreement } from './entities/agreement.entity';
import { Negotiation } from './entities/negotiation.entity';
import type { NegotiationEvent } from './entities/negotiation-event.entity';
import { NegotiationWriter, NewNegotiation } from './negotiation-writer';
import {
  CoverageFactsError,
  CoveredEnterpriseNotFoundError,
  NegotiationEnterprisesError,
  NegotiationNotFoundError,
  RenewsError,
} from './negotiations.errors';
import {
  type CoveredEnterprise,
  NegotiationsRepository,
  type NegotiationWithCoverage,
} from './negotiations.repository';
import {
  availableEvents,
  contextOf,
  createHistoricalState,
  type Deadline as WorkflowDeadline,
  findEventSpec,
  isOverdue,
  type NegotiationContext,
  OPEN_STAGES,
  type RuleSet,
} from './workflow';

/** What is already known of the one negotiation being answered (not read again). */
interface KnownParts {
  enterprises?: CoveredEnterprise[];
  deadlines?: WorkflowDeadline[];
  hasAgreement?: boolean;
}

/** A negotiation whole, as the documents made from it read it (src/documents). */
export interface NegotiationRecord {
  negotiation: Negotiation;
  context: NegotiationContext;
  /** The rule set the negotiation runs under (the version it was created with). */
  ruleSet: RuleSet;
  /** The covered enterprises' roster rows, by id. */
  enterprises: Enterprise[];
  /** The event log, in order. */
  events: NegotiationEvent[];
}

/** Fields every event body carries besides the event's own. */
const ENVELOPE_FIELDS = ['type', 'occurredOn', 'expectedVersion'];

/**
 * Negotiations as the API shows them, with access scope: admins and supervisors see all,
 * an instructor those covering at least one of their enterprises (others are not found).
 * Every change goes through {@link NegotiationWriter}.
 */
@Injectable()
export class NegotiationsService {
  constructor(
    private readonly negotiations: NegotiationsRepository,
    private readonly writer: NegotiationWriter,
    private readonly clock: Clock,
  ) {}

  async create(dto: CreateNegotiationDto, actor: Actor): Promise<NegotiationResponse> {
    const { input } = await this.checkedInput(dto, actor);
    const saved = await this.writer.create(input, actor);
    return this.get(saved.id, actor);
  }

  async createHistorical(dto: CreateHistoricalAgreementDto, actor: Actor): Promise<NegotiationResponse> {
    const { input, enterprises } = await this.checkedInput(dto, actor);
    const problems = historicalCoverageProblems(dto, enterprises);
    if (problems.length > 0) throw new CoverageFactsError(problems);
    const saved = await this.writer.createHistorical(
      {
        ...input,
        signedOn: dto.signedOn,
        effectiveOn: dto.effectiveOn,
        expiresOn: dto.expiresOn,
        coveredEmployees: dto.coveredEmployees,
        termMonths: dto.termMonths,
        wageIncreasePct: dto.wageIncreasePct,
        minimumWage: dto.minimumWage,
      },
      actor,
    );
    return this.get(saved.id, actor);
  }

  async get(id: number, actor: Actor): Promise<NegotiationResponse> {
    const { negotiation, enterprises } = await this.loadInScope(id, actor);
    return this.toResponse(negotiation, { enterprises });
  }

  async list(query: ListNegotiationsQuery, actor: Actor): Promise<NegotiationPage> {
    const { page, pageSize, overdue, open, sort, ...filter } = query;
    const [rows, total] = await this.negotiations.findPage(
      {
        ...filter,
        overdueBefore: overdue === 'true' ? this.clock.today() : undefined,
        stages: open === 'true' ? OPEN_STAGES : undefined,
        access: scopeOf(actor),
      },
      page,
      pageSize,
      sort ?? 'id',
    );
    const items = await this.toResponses(rows);
    return { items, total, page, pageSize } satisfies Page<NegotiationResponse>;
  }

  /** Every negotiation the list's filters select (for exports), read a page of 200 at a time. */
  async all(
    filter: Omit<ListNegotiationsQuery, 'page' | 'pageSize'>,
    actor: Actor,
  ): Promise<NegotiationResponse[]> {
    const items: NegotiationResponse[] = [];
    for (let page = 1; ; page++) {
      const result = await this.list({ ...filter, page, pageSize: 200 } as ListNegotiationsQuery, actor);
      items.push(...result.items);
      if (items.length >= result.total || result.items.length === 0) return items;
    }
  }

  async recordEvent(id: number, body: Record<string, unknown>, actor: Actor): Promise<NegotiationResponse> {
    const { negotiation: row, enterprises } = await this.loadInScope(id, actor);
    const { expectedVersion, ...event } = body;
    if (typeof expectedVersion !== 'number' || !Number.isInteger(expectedVersion) || expectedVersion < 0) {
      throw new ValidationFailedError([
        {
          field: 'expectedVersion',
          message: 'expectedVersion must be the version you loaded (a whole number)',
        },
      ]);
    }
    const spec = typeof event.type === 'string' ? findEventSpec(event.type) : undefined;
    if (spec) {
      // A field the workflow writes (e.g. the review's end) is not the client's to send.
      const sent = spec.fields.filter((field) => field.derived !== true).map((field) => field.name);
      const allowed = new Set([...ENVELOPE_FIELDS, ...sent]);
      const unknown = Object.keys(body).filter((key) => !allowed.has(key));
      if (unknown.length > 0) throw new UnknownFieldsError(unknown);
    }
    const problems = coverageProblems(
      { date: event.occurredOn, dateField: 'occurredOn', coveredEmployees: event.coveredEmployees },
      enterprises,
    );
    if (problems.length > 0) throw new CoverageFactsError(problems);
    const { negotiation, result } = await this.writer.record(row, event, expectedVersion, actor);
    // The deadlines just written are the result's; the agreement row is read only if there is one.
    return this.toResponse(negotiation, {
      enterprises,
      deadlines: result.deadlines,
      hasAgreement: result.agreement !== null,
    });
  }

  async events(id: number, actor: Actor): Promise<NegotiationEventResponse[]> {
    await this.loadInScope(id, actor);
    const history = await this.negotiations.history(id);
    return history.map(({ event, actorName }) => ({
      seq: event.seq,
      type: event.type,
      occurredOn: event.occurredOn,
      recordedAt: event.recordedAt.toISOString(),
      actor: event.actorId,
      actorName,
      fromStage: event.fromStage,
      toStage: event.toStage,
      payload: event.payload,
    }));
  }

  /**
   * The negotiation with its workflow context, rule set, covered enterprises (their roster rows)
   * and event log: what its documents are made from. Seen by whoever may read the negotiation.
   */
  async record(id: number, actor: Actor): Promise<NegotiationRecord> {
    const { negotiation, enterprises } = await this.loadInScope(id, actor);
    const [roster, history] = await Promise.all([
      this.negotiations.enterprisesByIds(enterprises.map((enterprise) => enterprise.id)),
      this.negotiations.history(id),
    ]);
    return {
      negotiation,
      context: contextOf(this.writer.persistedOf(negotiation)),
      ruleSet: this.writer.ruleSetOf(negotiation),
      enterprises: roster.sort((a, b) => a.id - b.id),
      events: history.map(({ event }) => event),
    };
  }

  private async loadInScope(id: number, actor: Actor): Promise<NegotiationWithCoverage> {
    const loaded = await this.findInScope(id, actor);
    if (!loaded) throw new NegotiationNotFoundError(id);
    return loaded;
  }

  /** The negotiation if it exists and the actor may see it (instructors: one of theirs covered). */
  private async findInScope(id: number, actor: Actor): Promise<NegotiationWithCoverage | null> {
    const loaded = await this.negotiations.findWithCoverage(id);
    const visible = loaded !== null && coversInScope(scopeOf(actor), loaded.enterprises);
    return visible ? loaded : null;
  }

  /**
   * Why an agreement row of an import cannot be recorded (empty when it can), without writing:
   * the workflow's checks (dates in order, term) and the covered enterprises' roster facts.
   */
  async historicalProblems(
    dto: CreateHistoricalAgreementDto,
  ): Promise<Array<FieldError & { messageZh: string | null }>> {
    const ruleSet = this.writer.currentRuleSet;
    const check = createHistoricalState({ ...dto, today: this.clock.today(), ruleSet });
    const workflow = check.ok
      ? []
      : [
          {
            field: check.field ?? 'signedOn',
            message: check.message,
            // The only event-date rule a first event can break: a signing in the future.
            messageZh:
              historicalCheckZh(check.check, dto, ruleSet) ??
              (check.field === 'signedOn' ? `签订日期 ${dto.signedOn} 不能晚于今天` : null),
          },
        ];
    const enterprises = await this.negotiations.enterprisesByIds(dto.enterpriseIds);
    return [...workflow, ...historicalCoverageProblems(dto, enterprises)];
  }

  /** The covered enterprises exist, are all in the actor's scope and fit the negotiation's scope. */
  private async checkedInput(
    dto: CreateNegotiationDto,
    actor: Actor,
  ): Promise<{ input: NewNegotiation; enterprises: Enterprise[] }> {
    if (dto.scope === 'enterprise' && dto.enterpriseIds.length !== 1) {
      throw new NegotiationEnterprisesError(
        `an enterprise-scope negotiation covers exactly one enterprise, got ${dto.enterpriseIds.length}; use scope regional or industry for several`,
      );
    }
    // Every covered enterprise must be in the actor's scope: an instructor's round may not hold
    // another instructor's enterprises (it would block their own rounds with ALREADY_OPEN); rounds
    // spanning several instructors are opened by an admin.
    const found = (await this.negotiations.enterprisesByIds(dto.enterpriseIds)).filter((enterprise) =>
      inScope(scopeOf(actor), enterprise),
    );
    const notFound = dto.enterpriseIds.filter((id) => !found.some((enterprise) => enterprise.id === id));
    if (notFound.length > 0) throw new CoveredEnterpriseNotFoundError(notFound);
    if (dto.renews !== undefined) await this.checkRenews(dto, actor);
    const input = {
      agreementKind: dto.agreementKind,
      scope: dto.scope,
      enterpriseIds: dto.enterpriseIds,
      title: dto.title ?? null,
      renewsId: dto.renews ?? null,
    };
    return { input, enterprises: found };
  }

  private async checkRenews(dto: CreateNegotiationDto, actor: Actor): Promise<void> {
    const renewed = await this.findInScope(dto.renews!, actor);
    // Like a covered enterprise: one that does not exist and one out of scope answer alike.
    if (!renewed) throw new NegotiationNotFoundError(dto.renews!, 'renews');
    const agreement = await this.negotiations.agreement(renewed.negotiation.id);
    if (!agreement) throw new RenewsError(`negotiation ${dto.renews} has no agreement to renew`);
    if (agreement.agreementKind !== dto.agreementKind) {
      throw new RenewsError(
        `negotiation ${dto.renews} made a ${agreement.agreementKind} agreement, not ${dto.agreementKind}`,
      );
    }
  }

  private async toResponse(row: Negotiation, known: KnownParts): Promise<NegotiationResponse> {
    const [response] = await this.toResponses([row], known);
    return response;
  }

  /**
   * The API's view of a page of negotiations, in three reads whatever the page size; fewer for
   * one negotiation whose parts are known (after an event: the deadlines just written, and the
   * agreement is read only if there is one).
   */
  private async toResponses(rows: Negotiation[], known: KnownParts = {}): Promise<NegotiationResponse[]> {
    const ids = rows.map((row) => row.id);
    const [enterprises, deadlines, agreements] = await Promise.all([
      known.enterprises
        ? new Map([[ids[0], known.enterprises.map(({ id, name }) => ({ id, name }))]])
        : this.negotiations.coveredEnterprises(ids),
      known.deadlines
        ? new Map([[ids[0], [...known.deadlines].sort((a, b) => a.dueOn.localeCompare(b.dueOn))]])
        : this.negotiations.deadlinesOf(ids),
      known.hasAgreement === false ? new Map<number, Agreement>() : this.negotiations.agreementsOf(ids),
    ]);
    const today = this.clock.today();
    return rows.map((row) => {
      const persisted = this.writer.persistedOf(row);
      const covered = enterprises.get(row.id) ?? [];
      const agreement = agreements.get(row.id);
      return {
        id: row.id,
        version: row.version,
        stage: row.stage,
        state: row.state,
        agreementKind: row.agreementKind,
        scope: row.scope,
        enterpriseIds: covered.map((enterprise) => enterprise.id),
        enterprises: covered,
        title: row.title,
        renews: row.renewsId,
        historical: row.historical,
        ruleSetVersion: row.ruleSetVersion,
        createdOn: row.createdOn,
        context: contextOf(persisted),
        deadlines: (deadlines.get(row.id) ?? []).map((d) => ({
          kind: d.kind,
          dueOn: d.dueOn,
          overdue: isOverdue(d, today),
          daysLeft: daysBetween(today, d.dueOn),
          action: d.action,
          rule: d.rule,
          ruleZh: ruleZh(d.rule),
          unit: d.unit ?? 'calendar',
          calendarMissing: Boolean(d.calendarMissing),
        })),
        availableEvents: availableEvents(persisted, 'user').map((event) => ({
          type: event.type,
          fields: event.fields.map((field) => ({ ...field })),
        })),
        ...(agreement
          ? {
              agreement: {
                id: agreement.id,
                signedOn: agreement.signedOn,
                effectiveOn: agreement.effectiveOn,
                expiresOn: agreement.expiresOn,
                terminatedOn: agreement.terminatedOn,
                termMonths: agreement.termMonths,
                coveredEmployees: agreement.coveredEmployees,
                wageIncreasePct: agreement.wageIncreasePct,
                minimumWage: agreement.minimumWage,
              },
            }
          : {}),
      };
    });
  }
}

/**
 * A historical agreement is checked against the registration dates only: today's headcount says
 * nothing of the employees an agreement covered years ago.
 */
function historicalCoverageProblems(
  dto: CreateHistoricalAgreementDto,
  enterprises: Enterprise[],
): CoverageProblem[] {
  return coverageProblems({ date: dto.signedOn, dateField: 'signedOn' }, enterprises);
}
