import { QueryRunner, TableColumnOptions } from 'typeorm';

/**
 * Creation and update timestamp columns whose type, precision and default come from the
 * driver's own mapping, so one migration runs on SQLite and MySQL/MariaDB and agrees with
 * `@CreateDateColumn`/`@UpdateDateColumn` (a literal CURRENT_TIMESTAMP(6) breaks SQLite).
 */
export function timestampColumns(queryRunner: QueryRunner): TableColumnOptions[] {
  const driver = queryRunner.connection.driver;
  const mapped = driver.mappedDataTypes;
  const isMysql = ['mysql', 'mariadb'].includes(queryRunner.connection.options.type);
  return [
    {
      name: 'created_at',
      type: driver.normalizeType({ type: mapped.createDate }),
      precision: mapped.createDatePrecision,
      default: mapped.createDateDefault,
    },
    {
      name: 'updated_at',
      type: driver.normalizeType({ type: mapped.updateDate }),
      precision: mapped.updateDatePrecision,
      default: mapped.updateDateDefault,
      onUpdate: isMysql ? mapped.updateDateDefault : undefined,
    },
  ];
}
