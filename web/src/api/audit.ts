import { api } from './client';
import type { AnswerOf, QueryOf, Schema } from './schema-types';

/** The audit trail (docs/api.md § Audit trail): who changed what, when. */

/** `changes`: field → {from, to}; `ip`: null for instructors; `actorName`: null for the system. */
export type AuditEntry = Schema<'AuditEntryResponse'>;
export type AuditChange = NonNullable<AuditEntry['changes']>[string];

/** One enterprise's history, newest first: admins, supervisors, and the instructor it is assigned to. */
export const fetchEnterpriseHistory = (enterpriseId: number, page: number, pageSize: number) =>
  api.get<AnswerOf<'/enterprises/{id}/history'>>(`/enterprises/${enterpriseId}/history`, {
    page,
    pageSize,
  } satisfies QueryOf<'/enterprises/{id}/history'>);
