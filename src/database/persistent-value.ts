import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * A value as the driver stores it in `property`'s column: for a raw query-builder condition
 * on a date-time column (SQLite keeps instants as text, MySQL takes a Date).
 */
export function persistentValue<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  property: keyof T & string,
  value: unknown,
): unknown {
  const column = dataSource.getMetadata(entity).findColumnWithPropertyName(property);
  if (!column) throw new Error(`no column for ${property}`);
  return dataSource.driver.preparePersistentValue(value, column);
}
