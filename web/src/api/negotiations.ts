import type { FieldSpec } from '@wagetrack/shared';
import { api, download, fetchAll } from './client';
import type { AnswerOf, BodyOf, QueryOf, Schema } from './schema-types';
import type { Page } from './types';

/** The negotiation workflow's shapes (docs/api.md, Negotiations), as the API answers them. */

// The vocabulary shared with the API (packages/shared): stages in procedure order, the last
// three closing a round; settled stages have nothing left to negotiate.
export { AGREEMENT_KINDS, SCOPES, SETTLED_STAGES, STAGES } from '@wagetrack/shared';
export type { AgreementKind, Scope, Stage } from '@wagetrack/shared';

/**
 * How an event's field is described: the shared package's field rules (`min`, `max`, `rule` as
 * `GET /workflow` gives them; `availableEvents` give the name, type, requirement and values).
 */
export type EventField = FieldSpec;
export type FieldType = FieldSpec['type'];

export type AvailableEvent = Schema<'AvailableEventResponse'>;

/** `daysLeft` is negative once the date has passed; `ruleZh` is the rule as Chinese cites it. */
export type Deadline = Schema<'DeadlineResponse'>;

export type Agreement = Schema<'AgreementResponse'>;

/** `state` is the full state, e.g. `consultation.suspended`; `context.lastEventOn` the latest event's date. */
export type Negotiation = Schema<'NegotiationResponse'> & {
  /** The workflow's context is documented as an open object; the date of the latest event is always in it. */
  context: { lastEventOn: string | null };
};

/** One entry of a negotiation's history; `actor` is null for the system (timers, imports). */
export type HistoryEvent = Schema<'NegotiationEventResponse'>;

/** What an event carries besides its type, date and the version it was decided on. */
export type EventValues = Record<string, string | number | string[]>;

/** The list's filters; `open`: only the rounds still being negotiated (before in force, not closed). */
export type NegotiationFilters = Omit<QueryOf<'/negotiations'>, 'sort' | 'page' | 'pageSize'>;

export type NewNegotiation = BodyOf<'/negotiations', 'post'>;

/** The rule-set numbers `GET /workflow` gives (national defaults unless the county changed them). */
export type RuleSet = AnswerOf<'/workflow'>['ruleSet'];

/** `agenda`: open rounds first, by their next deadline, then the closed ones newest first (docs/api.md, Negotiations). */
export type NegotiationSort = NonNullable<QueryOf<'/negotiations'>['sort']>;

export const listNegotiations = (filters: QueryOf<'/negotiations'>) =>
  api.get<AnswerOf<'/negotiations'> & Page<Negotiation>>('/negotiations', filters);

/** Every negotiation the filters keep, page after page. */
export const fetchAllNegotiations = (filters: NegotiationFilters) =>
  fetchAll<Negotiation>('/negotiations', filters);

export const fetchNegotiation = (id: number) =>
  api.get<AnswerOf<'/negotiations/{id}'> & Negotiation>(`/negotiations/${id}`);

export const fetchHistory = (id: number) =>
  api.get<AnswerOf<'/negotiations/{id}/events'>>(`/negotiations/${id}/events`);

export const createNegotiation = (body: NewNegotiation) =>
  api.post<AnswerOf<'/negotiations', 'post'> & Negotiation>('/negotiations', body);

export const recordEvent = (id: number, event: BodyOf<'/negotiations/{id}/events', 'post'> & EventValues) =>
  api.post<AnswerOf<'/negotiations/{id}/events', 'post'> & Negotiation>(`/negotiations/${id}/events`, event);

export const fetchRuleSet = () =>
  api.get<AnswerOf<'/workflow'>>('/workflow').then((workflow) => workflow.ruleSet);

export const downloadNegotiations = (format: 'xlsx' | 'csv', filters: NegotiationFilters) =>
  download(`/negotiations.${format}`, filters satisfies QueryOf<'/negotiations.{format}'>);
