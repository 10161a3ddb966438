/**
 * The fields a client actually sent. DTO instances declare every property (class fields are
 * defined as `undefined`), so assigning a whole DTO onto an entity would blank what was omitted.
 */
export function definedFields<T extends object>(dto: T): Partial<T> {
  return Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)) as Partial<T>;
}
