import type { Sector } from '@wagetrack/shared';
import { api, fetchAll } from './client';
import type { Page, User } from './types';

/**
 * The federation hierarchy (docs/api.md § Federation hierarchy): organisation units, their
 * targets, their import, and what the reports, users and enterprises gain with them.
 *
 * HAND-WRITTEN until the org-unit API lands (branches h/orgapi, h/entunits, h/rollup): these
 * types mirror the contract exactly and move to the generated types (schema.d.ts,
 * `npm run api:types`, `Schema<'…'>`/`AnswerOf<'/org-units…'>`) once the server documents them.
 */

export type OrgUnitLevel = 'province' | 'city' | 'county' | 'township';
/** From the top down: a unit's parent is one level up. */
export const ORG_UNIT_LEVELS = [
  'province',
  'city',
  'county',
  'township',
] as const satisfies readonly OrgUnitLevel[];

/** One step of a unit's path, from the root down to the unit itself. */
export interface OrgUnitRef {
  id: number;
  code: string;
  name: string;
  level: OrgUnitLevel;
}

/** `GET /org-units/:id`. */
export interface OrgUnit extends OrgUnitRef {
  parentId: number | null;
  path: OrgUnitRef[];
}

/** An item of `GET /org-units` (its `path` is not relied on). */
export type OrgUnitItem = OrgUnitRef & { parentId: number | null; path?: OrgUnitRef[] };

/** `POST /org-units`: the code (6, 9 or 12 digits), the name, the level; `parentId` absent for a root. */
export interface NewOrgUnit {
  code: string;
  name: string;
  level: OrgUnitLevel;
  parentId?: number;
}

/** The target sectors as the targets API names them. */
export type TargetKey = 'state' | 'nonPublic' | 'collective' | 'other';
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

/** Fractions 0–1; a sector absent has no target of its own (own) or none at all (effective). */
export type Targets = Partial<Record<TargetKey, number>>;
/** Where a target comes from: the unit that sets it; `null` for the deployment's default. */
export type TargetSource = { id: number; name: string } | null;

/** `GET`/`PUT /org-units/:id/targets`. */
export interface UnitTargets {
  own: Targets;
  effective: Targets;
  /** The nearest ancestor the inherited targets come from; null when none is inherited (or from the default). */
  inheritedFrom: TargetSource;
  /** Per sector, the unit whose target is the effective one (null: the default). */
  sources?: Partial<Record<TargetKey, TargetSource>>;
}

/** `PUT /org-units/:id/targets`: `null` removes the unit's own target (inherit it again). */
export type TargetChanges = Partial<Record<TargetKey, number | null>>;

/** `POST /org-units/import`: the roster import's answer (docs/api.md § Importing). */
export interface OrgUnitImportResult {
  created: number;
  updated: number;
  unchanged: number;
  dryRun?: boolean;
  applied?: boolean;
  errors: Array<{ row: number; column: string; value: string; message: string; messageZh?: string }>;
}

/** What users (and the signed-in user's profile) and enterprises gain: their unit. */
export type UserWithUnit = User & { orgUnitId?: number | null };
export const unitOfUser = (user: User | null): number | null =>
  (user as UserWithUnit | null)?.orgUnitId ?? null;

/** What enterprises gain: their township unit (`township` stays, as that unit's name). */
export type EnterpriseUnitFields = { orgUnitId?: number | null };

/** What reports gain: `orgUnitId=` (default: the caller's unit) and `groupBy=orgUnit`. */
export type UnitReportQuery = { orgUnitId?: number };

/** What a report row gains: the child unit's name (`groupBy=orgUnit`) and where its target comes from. */
export interface UnitReportRow {
  groupName?: string;
  targetSource?: TargetSource;
}

export const fetchOrgUnit = (id: number) => api.get<OrgUnit>(`/org-units/${id}`);

/**
 * The children of a unit (`parentId`), or the root units when it is null (for a user without a
 * unit, who governs them all). The list without `parentId` is every unit governed, so the roots
 * are found level by level (a province's 21 cities and 183 counties are a page each); township
 * roots are looked for only when there is no other root.
 */
export async function fetchChildUnits(parentId: number | null): Promise<OrgUnitItem[]> {
  if (parentId !== null) return fetchAll<OrgUnitItem>('/org-units', { parentId });
  const roots = async (level: OrgUnitLevel) =>
    (await fetchUnitsOfLevel(level)).filter((unit) => unit.parentId === null);
  const found = (
    await Promise.all(['province', 'city', 'county'].map((level) => roots(level as OrgUnitLevel)))
  ).flat();
  return found.length > 0 ? found : roots('township');
}

/** The units of one level in the caller's scope (e.g. the townships an enterprise may sit in). */
export const fetchUnitsOfLevel = (level: OrgUnitLevel) => fetchAll<OrgUnitItem>('/org-units', { level });

/** Whether a unit has any child (one item asked for). */
export const hasChildUnits = (parentId: number) =>
  api.get<Page<OrgUnitItem>>('/org-units', { parentId, page: 1, pageSize: 1 }).then(({ total }) => total > 0);

export const createOrgUnit = (unit: NewOrgUnit) => api.post<OrgUnit>('/org-units', unit);

export const renameOrgUnit = (id: number, name: string) => api.patch<OrgUnit>(`/org-units/${id}`, { name });

export const fetchTargets = (id: number) => api.get<UnitTargets>(`/org-units/${id}/targets`);

export const saveTargets = (id: number, own: TargetChanges) =>
  api.put<UnitTargets>(`/org-units/${id}/targets`, own);

export function importOrgUnits(file: File, dryRun: boolean) {
  const body = new FormData();
  body.append('file', file);
  return api.post<OrgUnitImportResult>('/org-units/import', body, { dryRun });
}
