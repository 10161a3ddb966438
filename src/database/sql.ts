import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * One plain SQL statement on the transaction's connection, for the few hot writes where
 * TypeORM's query building costs more than the statement (see docs/benchmarks.md). Use `?`
 * placeholders only (both drivers take them) and values as the driver stores them
 * (`persistentValue` for dates). Answers the number of rows the statement changed.
 */
export async function execute(manager: EntityManager, sql: string, parameters: unknown[]): Promise<number> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('execute() runs in a transaction: pass the transaction manager');
  const result = await runner.query(sql, parameters, true);
  return result.affected ?? 0;
}

/** `(?, ?, ?), (?, ?, ?)` for a multi-row INSERT of `rows` rows of `columns` values. */
export function valueRows(rows: number, columns: number): string {
  const row = `(${Array.from({ length: columns }, () => '?').join(', ')})`;
  return Array.from({ length: rows }, () => row).join(', ');
}

/**
 * An entity from a plain SQL row, converted the way TypeORM hydrates it (column names to
 * properties, the driver's conversions: JSON, dates, booleans). The row holds the entity's
 * columns under their database names (`SELECT t.*`).
 */
export function hydrate<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  row: Record<string, unknown>,
): T {
  const metadata = dataSource.getMetadata(entity);
  const hydrated = metadata.create() as T;
  for (const column of metadata.columns) {
    column.setEntityValue(hydrated, dataSource.driver.prepareHydratedValue(row[column.databaseName], column));
  }
  return hydrated;
}
