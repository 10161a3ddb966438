/**
 * Roll-up of a unit's figures into its children (docs/domain.md, Federation hierarchy, Roll-up):
 * the database counts per enterprise unit (`enterprises.org_unit_id`, a township), and this
 * folds each count into the child of the asked unit on whose branch that township lies, using
 * the units' materialized paths (`/1/4/17/`). Pure: no framework, no I/O.
 *
 * Because each enterprise sits in exactly one unit, the children's rows (with the `none` row of
 * enterprises sitting directly in the asked unit) sum to the asked unit's total, for every count.
 */

/** Group key of the enterprises of the asked unit that sit in no child of it (directly in the unit, or in no unit). */
export const DIRECT_GROUP = 'none';

/** A unit as the roll-up needs it: its id and materialized path (`/1/4/17/`, root first). */
export interface PathUnit {
  id: number;
  path: string;
}

/** The path of "the whole deployment": every root is one of its children. */
export const DEPLOYMENT_PATH = '/';

/**
 * The id of the child of the unit at `parentPath` on whose branch `path` lies: the first id
 * after the parent's path. null when `path` is the parent itself or not below it.
 */
export function childOnPath(parentPath: string, path: string): number | null {
  if (!path.startsWith(parentPath) || path.length <= parentPath.length) return null;
  const next = path.slice(parentPath.length).split('/')[0];
  return /^\d+$/.test(next) ? Number(next) : null;
}

/**
 * Folds counts per enterprise unit into counts per child of the asked unit.
 *
 * - `parentPath`: the asked unit's path (DEPLOYMENT_PATH for the whole deployment).
 * - `children`: the asked unit's children, in the order their rows are listed; each gets a
 *   group (its id as a string), even with nothing counted (a report upward always has the same lines).
 * - `pathOf`: the path of every unit a count may name (the asked unit's subtree).
 * - `tallies`: counts keyed by the enterprise unit's id as a string (`null`/unknown ids allowed).
 *
 * A count whose unit is the asked unit itself, no unit, or a unit outside the children's
 * branches goes into the DIRECT_GROUP row, listed last and only when it has counts.
 */
export function rollUpToChildren<T>(
  parentPath: string,
  children: readonly PathUnit[],
  pathOf: ReadonlyMap<number, string>,
  tallies: ReadonlyMap<string, T>,
  empty: () => T,
  add: (into: T, from: T) => void,
): Map<string, T> {
  const folded = new Map<string, T>();
  const childIds = new Set<number>();
  for (const child of children) {
    folded.set(String(child.id), empty());
    childIds.add(child.id);
  }
  let direct: T | null = null;
  for (const [key, tally] of tallies) {
    const unitId = /^\d+$/.test(key) ? Number(key) : null;
    const path = unitId === null ? undefined : pathOf.get(unitId);
    const childId = path === undefined ? null : childOnPath(parentPath, path);
    if (childId !== null && childIds.has(childId)) {
      add(folded.get(String(childId)) as T, tally);
    } else {
      direct ??= empty();
      add(direct, tally);
    }
  }
  if (direct !== null) folded.set(DIRECT_GROUP, direct);
  return folded;
}

/** Adds every numeric field of `from` into `into` (the tallies are flat records of counts). */
export function addCounts<T extends object>(into: T, from: T): void {
  const target = into as Record<string, number>;
  for (const [key, value] of Object.entries(from as Record<string, number>)) {
    target[key] = (target[key] ?? 0) + value;
  }
}
