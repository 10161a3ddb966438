import type { AgreementKind, Scope, Stage } from '@wagetrack/shared';
import { api, download, fetchAll } from './client';
import type { Page } from './types';

/** The negotiation workflow's shapes (docs/api.md, Negotiations), as the API answers them. */

// The vocabulary shared with the API (packages/shared): stages in procedure order, the last
// three closing a round; settled stages have nothing left to negotiate.
export { AGREEMENT_KINDS, SCOPES, SETTLED_STAGES, STAGES } from '@wagetrack/shared';
export type { AgreementKind, Scope, Stage } from '@wagetrack/shared';

/** How the API describes an event's field; `names` and `texts` are lists of strings. */
export type FieldType = 'date' | 'enum' | 'text' | 'names' | 'texts' | 'integer' | 'number';

export interface EventField {
  name: string;
  type: FieldType;
  required: boolean;
  values?: string[];
  min?: number;
  max?: number;
  /** The article behind the field, e.g. `集体合同规定 art. 32`. */
  rule?: string;
}

export interface AvailableEvent {
  type: string;
  fields: EventField[];
}

export interface Deadline {
  kind: string;
  dueOn: string;
  overdue: boolean;
  /** Negative once the date has passed. */
  daysLeft: number;
  action: 'remind' | 'fire';
  rule: string;
  /** The same rule as Chinese cites it. */
  ruleZh: string;
}

export interface Agreement {
  id: number;
  signedOn: string;
  effectiveOn: string | null;
  expiresOn: string;
  terminatedOn: string | null;
  termMonths: number;
  coveredEmployees: number;
  wageIncreasePct: number | null;
  minimumWage: number | null;
}

export interface Negotiation {
  id: number;
  version: number;
  stage: Stage;
  /** The full state, e.g. `consultation.suspended`. */
  state: string;
  agreementKind: AgreementKind;
  scope: Scope;
  enterpriseIds: number[];
  enterprises: Array<{ id: number; name: string }>;
  title: string | null;
  renews: number | null;
  historical: boolean;
  ruleSetVersion: string;
  createdOn: string;
  /** What the workflow knows; `lastEventOn` is the date of the latest event. */
  context: { lastEventOn: string | null } & Record<string, unknown>;
  deadlines: Deadline[];
  availableEvents: AvailableEvent[];
  agreement?: Agreement | null;
}

/** One entry of a negotiation's history; `actor` is null for the system (timers, imports). */
export interface HistoryEvent {
  seq: number;
  type: string;
  occurredOn: string;
  recordedAt: string;
  actor: number | null;
  actorName: string | null;
  fromStage: Stage;
  toStage: Stage;
  payload: Record<string, unknown>;
}

/** What an event carries besides its type, date and the version it was decided on. */
export type EventValues = Record<string, string | number | string[]>;

/** The list's filters (a type, not an interface, so that it is a `Query`). */
export type NegotiationFilters = {
  stage?: Stage;
  agreementKind?: AgreementKind;
  enterpriseId?: number;
  instructorId?: number;
  overdue?: boolean;
  /** Only the rounds still being negotiated (before in force, not terminated or abandoned). */
  open?: boolean;
};

export interface NewNegotiation {
  agreementKind: AgreementKind;
  scope: Scope;
  enterpriseIds: number[];
  title?: string;
}

/** The rule-set numbers `GET /workflow` gives (national defaults unless the county changed them). */
export interface RuleSet {
  version: string;
  minRepresentativesPerSide: number;
  maxExpertShare: number;
  quorumShare: number;
  majorityShare: number;
  minTermMonths: number;
  maxTermMonths: number;
  /** The longest agreed pause (a local rule). */
  maxSuspensionDays: number;
  /** Days without an event after which a round counts as stalled. */
  stalledAfterDays: number;
}

/** `agenda`: open rounds first, by their next deadline, then the closed ones newest first (decisions.md). */
export type NegotiationSort = 'agenda';

export const listNegotiations = (
  filters: NegotiationFilters & { sort?: NegotiationSort; page?: number; pageSize?: number },
) => api.get<Page<Negotiation>>('/negotiations', filters);

/** Every negotiation the filters keep, page after page. */
export const fetchAllNegotiations = (filters: NegotiationFilters) =>
  fetchAll<Negotiation>('/negotiations', filters);

export const fetchNegotiation = (id: number) => api.get<Negotiation>(`/negotiations/${id}`);

export const fetchHistory = (id: number) => api.get<HistoryEvent[]>(`/negotiations/${id}/events`);

export const createNegotiation = (body: NewNegotiation) => api.post<Negotiation>('/negotiations', body);

export const recordEvent = (
  id: number,
  event: { type: string; occurredOn: string; expectedVersion: number } & EventValues,
) => api.post<Negotiation>(`/negotiations/${id}/events`, event);

export const fetchRuleSet = () =>
  api.get<{ ruleSet: RuleSet }>('/workflow').then((workflow) => workflow.ruleSet);

export const downloadNegotiations = (format: 'xlsx' | 'csv', filters: NegotiationFilters) =>
  download(`/negotiations.${format}`, filters);
