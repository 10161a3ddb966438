import { DEADLINE_KINDS } from '@wagetrack/shared';
import { api } from './client';
import type { AnswerOf, Schema } from './schema-types';

/** The signed-in instructor's agenda: the items of their reminder digest, as of today. */

/** The deadline kinds of the workflow, and enterprises with a union but no wage agreement. */
export const AGENDA_KINDS = [...DEADLINE_KINDS, 'uncovered'] as const satisfies readonly AgendaKind[];
export type AgendaKind = AgendaItem['kind'];

/** `negotiationId` is null for `uncovered`: an enterprise with no valid agreement and no negotiation. */
export type AgendaItem = Schema<'AgendaItemResponse'>;

/** `today`: the business date the items were computed for. */
export type Agenda = AnswerOf<'/me/agenda'>;

export const fetchAgenda = () => api.get<Agenda>('/me/agenda');
