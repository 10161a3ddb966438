import { reactive } from 'vue';
import { fetchOrgUnit } from '../../api/org-units';
import type { User } from '../../api/types';

/** A user's unit as the generated API types give it; null: the whole deployment. */
export type UserUnitId = User['orgUnitId'];

/**
 * The names of the users' units, for the users list: each unit read once (`GET /org-units/:id`),
 * however many users sit in it. A unit that cannot be read is named by its id.
 */
export function useUnitNames() {
  const names = reactive(new Map<number, string>());
  const asked = new Set<number>();

  /** Reads the names of these units not read yet. */
  async function load(ids: readonly UserUnitId[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id): id is number => id !== null && !asked.has(id));
    missing.forEach((id) => asked.add(id));
    await Promise.all(
      missing.map((id) =>
        fetchOrgUnit(id).then(
          (unit) => void names.set(id, unit.name),
          () => asked.delete(id),
        ),
      ),
    );
  }

  /** The unit's name; `none` for a user without a unit; `#id` until (or unless) it is read. */
  const nameOf = (id: UserUnitId, none: string): string => (id === null ? none : (names.get(id) ?? `#${id}`));

  return { load, nameOf };
}
