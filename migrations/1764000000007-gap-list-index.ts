import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The target-gaps list in its own order (docs/benchmarks.md, Target gaps, paged): largest first,
 * ties by id, `employee_count DESC, id ASC`, then every column the list's conditions read (open
 * on asOf, the base, the sector, the unit or instructor of the scope). A page's ids are then the
 * first entries of this index that pass, read from the index alone: no sort of the whole base
 * (17 s for its 358,469 rows at 1,000,000 enterprises on MariaDB before), no row read for an
 * enterprise that is not on the page. Descending in the index itself: a mixed ORDER BY cannot
 * read an ascending index backwards (MariaDB 10.8+ and MySQL 8 keep DESC, SQLite too).
 * TypeORM's TableIndex has no column order, hence SQL; the entity declares the same columns.
 */
export class GapListIndex1764000000007 implements MigrationInterface {
  name = 'GapListIndex1764000000007';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX IDX_enterprises_gap_list ON enterprises (employee_count DESC, id ASC, ownership_type, registered_on, closed_on, union_founded_on, org_unit_id, instructor_id)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('enterprises', 'IDX_enterprises_gap_list');
  }
}
