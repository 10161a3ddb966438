import type { OwnershipType, Sector } from '@wagetrack/shared';
import { api, download, type Query } from './client';
import type { Page } from './types';

/** Enterprises and the spreadsheet imports (docs/api.md § Enterprises, § Importing). */

// The vocabulary shared with the API (packages/shared).
export { INDUSTRY_SECTIONS as INDUSTRIES, OWNERSHIP_TYPES, SECTORS } from '@wagetrack/shared';
export type { OwnershipType, Sector } from '@wagetrack/shared';

export interface Enterprise {
  id: number;
  name: string;
  creditCode: string;
  ownershipType: OwnershipType;
  sector: Sector;
  township: string;
  community: string | null;
  industry: string;
  employeeCount: number;
  unionFoundedOn: string | null;
  instructorId: number | null;
  registeredOn: string | null;
  closedOn: string | null;
  /** Goes up by one on every change, whoever makes it (decisions: optimistic locking). */
  version: number;
}

/** What a form sends: every field but the id, the derived sector and the version; `null` clears an optional one. */
export type EnterpriseInput = Omit<Enterprise, 'id' | 'sector' | 'version'>;

export interface EnterpriseFilters {
  q?: string;
  ownershipType?: OwnershipType;
  sector?: Sector;
  township?: string;
  industry?: string;
  instructorId?: number;
}

export const fetchEnterprises = (filters: EnterpriseFilters, page: number, pageSize: number) =>
  api.get<Page<Enterprise>>('/enterprises', { ...filters, page, pageSize } as Query);

export const fetchEnterprise = (id: number) => api.get<Enterprise>(`/enterprises/${id}`);

export const createEnterprise = (input: EnterpriseInput) => api.post<Enterprise>('/enterprises', input);

/**
 * Saves the changes made to the enterprise as it was at `expectedVersion`; when someone changed it
 * since, the API answers 409 `ENTERPRISE.VERSION_CONFLICT` (with `currentVersion`) and saves nothing.
 * Without it the change applies to whatever is stored (a bulk assignment of instructors).
 */
export const updateEnterprise = (id: number, changes: Partial<EnterpriseInput>, expectedVersion?: number) =>
  api.patch<Enterprise>(`/enterprises/${id}`, { ...changes, expectedVersion });

/** The filtered roster as a spreadsheet, with the import's headers. */
export const downloadEnterprises = (filters: EnterpriseFilters, format: 'csv' | 'xlsx') =>
  download(`/enterprises.${format}`, filters as Query);

export interface ImportRowError {
  row: number;
  column: string;
  value: string | null;
  message: string;
  /** The same in Chinese, for whoever fixes the file. */
  messageZh: string;
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  dryRun: boolean;
  applied: boolean;
  errors: ImportRowError[];
  /** Base64 workbook of the bad rows with an 错误说明 column, when there are any. */
  badRowsXlsx?: string;
}

export type ImportKind = 'enterprises' | 'agreements';

export interface ImportOptions {
  /** Check only: write nothing. */
  dryRun: boolean;
  /** Apply nothing if any row is bad. */
  atomic: boolean;
}

export function importFile(kind: ImportKind, file: File, { dryRun, atomic }: ImportOptions) {
  const body = new FormData();
  body.append('file', file);
  return api.post<ImportResult>(`/${kind}/import`, body, { dryRun, atomic });
}

/** The townships of the enterprises the caller may see, by name. */
export const fetchTownships = () =>
  api
    .get<Page<{ township: string; enterprises: number }>>('/enterprises/townships')
    .then(({ items }) => items.map((item) => item.township));
