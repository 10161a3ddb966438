import { api } from './client';
import type { Page } from './types';

/** The audit trail (docs/api.md § Audit trail): who changed what, when. */

export interface AuditChange {
  from: unknown;
  to: unknown;
}

export interface AuditEntry {
  id: number;
  /** ISO instant. */
  at: string;
  actorId: number | null;
  /** The actor's display name; null for the system (imports by command, timers). */
  actorName: string | null;
  /** e.g. `enterprise.create`, `enterprise.update`, `enterprise.import.update`. */
  action: string;
  entityType: string;
  entityId: string;
  changes?: Record<string, AuditChange>;
  /** Null for instructors. */
  ip: string | null;
}

/** One enterprise's history, newest first: admins, supervisors, and the instructor it is assigned to. */
export const fetchEnterpriseHistory = (enterpriseId: number, page: number, pageSize: number) =>
  api.get<Page<AuditEntry>>(`/enterprises/${enterpriseId}/history`, { page, pageSize });
