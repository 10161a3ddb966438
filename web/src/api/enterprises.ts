import { api, download } from './client';
import type { AnswerOf, BodyOf, QueryOf, Schema } from './schema-types';

/** Enterprises and the spreadsheet imports (docs/api.md § Enterprises, § Importing). */

// The vocabulary shared with the API (packages/shared).
export { INDUSTRY_SECTIONS as INDUSTRIES, OWNERSHIP_TYPES, SECTORS } from '@wagetrack/shared';
export type { OwnershipType, Sector } from '@wagetrack/shared';

/** `version` goes up by one on every change, whoever makes it (decisions: optimistic locking). */
export type Enterprise = Schema<'EnterpriseResponse'>;

type EnterpriseBody = BodyOf<'/enterprises', 'post'>;
/**
 * What a form sends: every field but the id, the derived sector and the version; `null` clears an
 * optional one. The township by name, and its unit (`orgUnitId`) when one was picked.
 */
export type EnterpriseInput = Required<Omit<EnterpriseBody, 'orgUnitId'>> & Pick<EnterpriseBody, 'orgUnitId'>;

export type EnterpriseFilters = Omit<QueryOf<'/enterprises'>, 'page' | 'pageSize'>;

export const fetchEnterprises = (filters: EnterpriseFilters, page: number, pageSize: number) =>
  api.get<AnswerOf<'/enterprises'>>('/enterprises', {
    ...filters,
    page,
    pageSize,
  } satisfies QueryOf<'/enterprises'>);

export const fetchEnterprise = (id: number) => api.get<AnswerOf<'/enterprises/{id}'>>(`/enterprises/${id}`);

export const createEnterprise = (input: EnterpriseInput) =>
  api.post<AnswerOf<'/enterprises', 'post'>>('/enterprises', input);

/**
 * Saves the changes made to the enterprise as it was at `expectedVersion`; when someone changed it
 * since, the API answers 409 `ENTERPRISE.VERSION_CONFLICT` (with `currentVersion`) and saves nothing.
 * Without it the change applies to whatever is stored (a bulk assignment of instructors).
 */
export const updateEnterprise = (id: number, changes: Partial<EnterpriseInput>, expectedVersion?: number) =>
  api.patch<AnswerOf<'/enterprises/{id}', 'patch'>>(`/enterprises/${id}`, {
    ...changes,
    expectedVersion,
  } satisfies BodyOf<'/enterprises/{id}', 'patch'>);

/** The filtered roster as a spreadsheet, with the import's headers. */
export const downloadEnterprises = (filters: EnterpriseFilters, format: 'csv' | 'xlsx') =>
  download(`/enterprises.${format}`, filters satisfies QueryOf<'/enterprises.{format}'>);

export type ImportRowError = Schema<'ImportRowError'>;

/** `badRowsXlsx`: a base64 workbook of the bad rows with an 错误说明 column, when there are any. */
export type ImportResult = AnswerOf<'/enterprises/import', 'post'>;

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
  const query: QueryOf<`/${ImportKind}/import`, 'post'> = { dryRun, atomic };
  return api.post<AnswerOf<`/${ImportKind}/import`, 'post'>>(`/${kind}/import`, body, query);
}

/** The townships of the enterprises the caller may see, by name. */
export const fetchTownships = () =>
  api
    .get<AnswerOf<'/enterprises/townships'>>('/enterprises/townships')
    .then(({ items }) => items.map((item) => item.township));
