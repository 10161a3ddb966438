import type { Sector } from '@wagetrack/shared';
import { api, fetchAll } from './client';
import type { AnswerOf, BodyOf, QueryOf, Schema } from './schema-types';
import type { Page } from './types';

/**
 * The federation hierarchy (docs/api.md § Organisation units): organisation units, their
 * targets, their import, as the generated API types (schema.d.ts) give them. The units of users
 * (`User['orgUnitId']`), enterprises (`Enterprise['orgUnitId']`) and reports (`orgUnitId`,
 * `groupBy=orgUnit`) are in their own generated types.
 */

export type OrgUnit = AnswerOf<'/org-units/{id}'>;
export type OrgUnitLevel = OrgUnit['level'];
/** From the top down: a unit's parent is one level up. */
export const ORG_UNIT_LEVELS = [
  'province',
  'city',
  'county',
  'township',
] as const satisfies readonly OrgUnitLevel[];

/** One step of a unit's path, from the root down to the unit itself. */
export type OrgUnitRef = Schema<'OrgUnitPathEntry'>;

/** An item of `GET /org-units`. */
export type OrgUnitItem = AnswerOf<'/org-units'>['items'][number];

/** `POST /org-units`: the code (6, 9 or 12 digits), the name, the level; `parentId` absent for a root. */
export type NewOrgUnit = BodyOf<'/org-units', 'post'>;

/** `GET`/`PUT /org-units/:id/targets`. */
export type UnitTargets = AnswerOf<'/org-units/{id}/targets'>;
/** The target sectors as the targets API names them. */
export type TargetKey = keyof UnitTargets['own'] & string;
export const TARGET_KEYS = [
  'state',
  'nonPublic',
  'collective',
  'other',
] as const satisfies readonly TargetKey[];
/** The enterprises' sector each target applies to. */
export const SECTOR_OF_TARGET: Record<TargetKey, Sector> = {
  state: 'state',
  nonPublic: 'non_public',
  collective: 'collective',
  other: 'other',
};

/**
 * Where a target comes from (the targets' `sources`, the reports' `targetSource`): the unit that
 * sets it; `null` for the deployment's default.
 */
export type TargetSource = Schema<'UnitRef'> | Schema<'TargetSourceResponse'> | null;

/** `PUT /org-units/:id/targets`: `null` removes the unit's own target (inherit it again). */
export type TargetChanges = BodyOf<'/org-units/{id}/targets', 'put'>;

/** `POST /org-units/import`: the roster import's answer. */
export type OrgUnitImportResult = AnswerOf<'/org-units/import', 'post'>;

export const fetchOrgUnit = (id: number) => api.get<OrgUnit>(`/org-units/${id}`);

/**
 * The children of a unit (`parentId`), or the root units when it is null (for a user without a
 * unit, who governs them all). The list without `parentId` is every unit governed, so the roots
 * are found level by level (a province's 21 cities and 183 counties are a page each); township
 * roots are looked for only when there is no other root.
 */
export async function fetchChildUnits(parentId: number | null): Promise<OrgUnitItem[]> {
  if (parentId !== null)
    return fetchAll<OrgUnitItem>('/org-units', { parentId } satisfies QueryOf<'/org-units'>);
  const roots = async (level: OrgUnitLevel) =>
    (await fetchUnitsOfLevel(level)).filter((unit) => unit.parentId === null);
  const found = (
    await Promise.all(['province', 'city', 'county'].map((level) => roots(level as OrgUnitLevel)))
  ).flat();
  return found.length > 0 ? found : roots('township');
}

/** The units of one level in the caller's scope (e.g. the townships an enterprise may sit in). */
export const fetchUnitsOfLevel = (level: OrgUnitLevel) =>
  fetchAll<OrgUnitItem>('/org-units', { level } satisfies QueryOf<'/org-units'>);

/** Whether a unit has any child (one item asked for). */
export const hasChildUnits = (parentId: number) =>
  api.get<Page<OrgUnitItem>>('/org-units', { parentId, page: 1, pageSize: 1 }).then(({ total }) => total > 0);

export const createOrgUnit = (unit: NewOrgUnit) =>
  api.post<AnswerOf<'/org-units', 'post'>>('/org-units', unit);

export const renameOrgUnit = (id: number, name: string) =>
  api.patch<AnswerOf<'/org-units/{id}', 'patch'>>(`/org-units/${id}`, {
    name,
  } satisfies BodyOf<'/org-units/{id}', 'patch'>);

export const fetchTargets = (id: number) => api.get<UnitTargets>(`/org-units/${id}/targets`);

export const saveTargets = (id: number, own: TargetChanges) =>
  api.put<AnswerOf<'/org-units/{id}/targets', 'put'>>(`/org-units/${id}/targets`, own);

export function importOrgUnits(file: File, dryRun: boolean) {
  const body = new FormData();
  body.append('file', file);
  const query: QueryOf<'/org-units/import', 'post'> = { dryRun };
  return api.post<OrgUnitImportResult>('/org-units/import', body, query);
}
