import type { OrgUnitLevel, OrgUnitRef, TargetSource } from '../../api/org-units';

/** The levels from the top down (as api/org-units.ts's ORG_UNIT_LEVELS; here without the client, for the tests). */
const LEVELS: readonly OrgUnitLevel[] = ['province', 'city', 'county', 'township'];

/** The level of a unit's children; none below a township. */
export function childLevel(level: OrgUnitLevel): OrgUnitLevel | null {
  return LEVELS[LEVELS.indexOf(level) + 1] ?? null;
}

/**
 * The part of a unit's path (root first) the user governs: from their own unit down, or all of
 * it for a user without a unit (who governs the whole deployment). The units above their own
 * do not exist for them, so no breadcrumb leads there.
 */
export function governedPath(path: readonly OrgUnitRef[], ownUnitId: number | null): OrgUnitRef[] {
  if (ownUnitId === null) return [...path];
  const own = path.findIndex((step) => step.id === ownUnitId);
  return own === -1 ? path.slice(-1) : path.slice(own);
}

/** A report row's target source in words: the unit that sets it, or the deployment's default. */
export function targetSourceLabel(source: TargetSource | undefined, byDefault: string): string {
  if (source === undefined) return '';
  return source === null ? byDefault : source.name;
}

/** A fraction 0–1 as the percent an input shows (0.9 → 90); none stays none. */
export function toPercent(fraction: number | null | undefined): number | null {
  return fraction === null || fraction === undefined ? null : Math.round(fraction * 10_000) / 100;
}

/** A percent typed into an input as the API's fraction (90 → 0.9); an emptied input is null (inherit). */
export function toFraction(percent: number | null | undefined): number | null {
  return percent === null || percent === undefined ? null : Math.round(percent * 100) / 10_000;
}
