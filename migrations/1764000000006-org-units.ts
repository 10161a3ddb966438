import { MigrationInterface, QueryRunner, Table, TableColumn, TableForeignKey, TableIndex } from 'typeorm';
import { timestampColumns } from '../src/database/timestamp-columns';
import { loadOrgUnitsConfig } from '../src/org-units/org-units.config';

const REPORT_COLUMNS = ['registered_on', 'closed_on', 'union_founded_on', 'employee_count'];

/**
 * The federation hierarchy (docs/domain.md, Federation hierarchy): organisation units, the unit
 * of every enterprise and user, and per-unit targets. Existing data moves without loss: when
 * there are enterprises, one county unit (ROOT_UNIT_*, default 本县) is created with one township
 * unit per distinct `township`, numbered in name order (county code + 001, 002, …), and every
 * enterprise points at the township of its name. `enterprises.township` stays, as that unit's name.
 */
export class OrgUnits1764000000006 implements MigrationInterface {
  name = 'OrgUnits1764000000006';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'org_units',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'code', type: 'varchar', length: '12' },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'level', type: 'varchar', length: '10' },
          { name: 'parent_id', type: 'integer', isNullable: true },
          { name: 'path', type: 'varchar', length: '100' },
          { name: 'target_state', type: 'double', isNullable: true },
          { name: 'target_non_public', type: 'double', isNullable: true },
          { name: 'target_collective', type: 'double', isNullable: true },
          { name: 'target_other', type: 'double', isNullable: true },
          ...timestampColumns(queryRunner),
        ],
        indices: [
          { name: 'UQ_org_units_code', columnNames: ['code'], isUnique: true },
          { name: 'IDX_org_units_parent', columnNames: ['parent_id'] },
          { name: 'IDX_org_units_path', columnNames: ['path'] },
        ],
        foreignKeys: [
          {
            name: 'FK_org_units_parent',
            columnNames: ['parent_id'],
            referencedTableName: 'org_units',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
            onUpdate: 'NO ACTION',
          },
        ],
      }),
    );
    await queryRunner.addColumn(
      'enterprises',
      new TableColumn({ name: 'org_unit_id', type: 'integer', isNullable: true }),
    );
    await queryRunner.addColumn(
      'users',
      new TableColumn({ name: 'org_unit_id', type: 'integer', isNullable: true }),
    );
    await queryRunner.createForeignKeys('enterprises', [
      new TableForeignKey({
        name: 'FK_enterprises_org_unit',
        columnNames: ['org_unit_id'],
        referencedTableName: 'org_units',
        referencedColumnNames: ['id'],
        onDelete: 'RESTRICT',
        onUpdate: 'NO ACTION',
      }),
    ]);
    await queryRunner.createForeignKeys('users', [
      new TableForeignKey({
        name: 'FK_users_org_unit',
        columnNames: ['org_unit_id'],
        referencedTableName: 'org_units',
        referencedColumnNames: ['id'],
        onDelete: 'RESTRICT',
        onUpdate: 'NO ACTION',
      }),
    ]);
    // The roll-up reports group by township unit: covering, like the other report indexes (migration 1764000000004).
    await queryRunner.createIndex(
      'enterprises',
      new TableIndex({
        name: 'IDX_enterprises_report_org_unit',
        columnNames: [
          'org_unit_id',
          'township',
          'ownership_type',
          'industry',
          'instructor_id',
          ...REPORT_COLUMNS,
        ],
      }),
    );
    await this.moveTownships(queryRunner);
  }

  private async moveTownships(queryRunner: QueryRunner): Promise<void> {
    const townships = (
      await queryRunner.query('SELECT DISTINCT township FROM enterprises ORDER BY township')
    ).map((row: { township: string }) => row.township) as string[];
    if (townships.length === 0) return;
    if (townships.length > 999)
      throw new Error(`${townships.length} townships do not fit one county's codes (999)`);
    const root = loadOrgUnitsConfig(process.env).rootUnit;
    if (root.level !== 'county')
      throw new Error('existing townships move under a county: ROOT_UNIT_LEVEL must be county');
    const rootId = await this.insertUnit(queryRunner, root.code, root.name, 'county', null, null);
    const prefix = root.code.slice(0, 6);
    for (const [index, township] of townships.entries()) {
      const code = `${prefix}${String(index + 1).padStart(3, '0')}000`;
      const id = await this.insertUnit(queryRunner, code, township, 'township', rootId, `/${rootId}/`);
      // updated_at kept: on MySQL/MariaDB it would otherwise take the migration's time.
      await queryRunner.query(
        'UPDATE enterprises SET org_unit_id = ?, updated_at = updated_at WHERE township = ?',
        [id, township],
      );
    }
  }

  private async insertUnit(
    queryRunner: QueryRunner,
    code: string,
    name: string,
    level: string,
    parentId: number | null,
    parentPath: string | null,
  ): Promise<number> {
    await queryRunner.query(
      'INSERT INTO org_units (code, name, level, parent_id, path) VALUES (?, ?, ?, ?, ?)',
      [code, name, level, parentId, '/'],
    );
    const [{ id }] = await queryRunner.query('SELECT id FROM org_units WHERE code = ?', [code]);
    await queryRunner.query('UPDATE org_units SET path = ? WHERE id = ?', [`${parentPath ?? '/'}${id}/`, id]);
    return Number(id);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropForeignKey('users', 'FK_users_org_unit');
    await queryRunner.dropForeignKey('enterprises', 'FK_enterprises_org_unit');
    await queryRunner.dropIndex('enterprises', 'IDX_enterprises_report_org_unit');
    await queryRunner.dropColumn('users', 'org_unit_id');
    await queryRunner.dropColumn('enterprises', 'org_unit_id');
    await queryRunner.query('UPDATE org_units SET parent_id = NULL'); // its rows refer to each other
    await queryRunner.dropTable('org_units');
  }
}
