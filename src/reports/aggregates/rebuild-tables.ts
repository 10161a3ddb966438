import type { DataSource } from 'typeorm';

/**
 * The tables a MySQL/MariaDB rebuild fills beside the live ones
 * (docs/architecture.md, "Report aggregates"): each a copy of a live table's definition
 * (`CREATE TABLE … LIKE`) without its secondary indexes, which are added once the rows are in
 * (InnoDB builds an index of millions of rows by sorting them, far faster than row by row as
 * they arrive), then swapped in for the
 * live tables by one `RENAME TABLE` (atomic: a reader sees the old aggregates or the new ones).
 * The live tables stay as they were until then, so a rebuild that fails leaves them whole; what
 * it left beside them is dropped by the next one.
 */
export class RebuildTables {
  private readonly indexes = new Map<string, string[]>();
  private readonly indexing: Array<Promise<unknown>> = [];

  private constructor(
    private readonly dataSource: DataSource,
    private readonly tables: readonly string[],
  ) {}

  /** The name a live table's copy has while it is filled. */
  static besideOf(table: string): string {
    return `${table}_rebuilt`;
  }

  /** Creates the empty copies (dropping any a failed rebuild left), their secondary indexes left out. */
  static async create(dataSource: DataSource, tables: readonly string[]): Promise<RebuildTables> {
    const rebuild = new RebuildTables(dataSource, tables);
    for (const table of tables) {
      const beside = RebuildTables.besideOf(table);
      await dataSource.query(`DROP TABLE IF EXISTS ${beside}`);
      await dataSource.query(`CREATE TABLE ${beside} LIKE ${table}`);
      const definitions = await secondaryIndexes(dataSource, table);
      if (definitions.length === 0) continue;
      await dataSource.query(
        `ALTER TABLE ${beside} ${definitions.map((index) => `DROP INDEX \`${index.name}\``).join(', ')}`,
      );
      rebuild.indexes.set(
        beside,
        definitions.map((index) => index.add),
      );
    }
    return rebuild;
  }

  /**
   * Starts adding a copy's secondary indexes (its rows are all in) on a connection of its own, while
   * the rebuild fills the others (the days' take a sort of millions of rows).
   */
  indexNow(table: string): void {
    const beside = RebuildTables.besideOf(table);
    const adds = this.indexes.get(beside);
    if (!adds) return;
    this.indexes.delete(beside);
    const indexed = this.dataSource.query(`ALTER TABLE ${beside} ${adds.join(', ')}`);
    indexed.catch(() => undefined); // thrown where it is awaited: swapIn
    this.indexing.push(indexed);
  }

  /**
   * Adds the secondary indexes left out, then swaps the copies in for the live tables, unless
   * `moved(journal)` says the app wrote meanwhile: asked of the live journal just before the
   * `RENAME`, and of the replaced one just after it (nothing appends to it once renamed), where a
   * write found moves the tables back. Returns whether it swapped. The replaced tables are dropped;
   * one that fails to drop is left for the next rebuild's swap.
   */
  async swapIn(journal: string, moved: (journal: string) => Promise<boolean>): Promise<boolean> {
    await Promise.all(this.indexing);
    for (const [beside, adds] of this.indexes)
      await this.dataSource.query(`ALTER TABLE ${beside} ${adds.join(', ')}`);
    for (const table of this.tables) await this.dataSource.query(`DROP TABLE IF EXISTS ${replacedOf(table)}`);
    if (await moved(journal)) return false;
    const rename = (pairs: Array<[string, string]>) =>
      this.dataSource.query(`RENAME TABLE ${pairs.map(([from, to]) => `${from} TO ${to}`).join(', ')}`);
    const swap = this.tables.flatMap((table): Array<[string, string]> => [
      [table, replacedOf(table)],
      [RebuildTables.besideOf(table), table],
    ]);
    await rename(swap);
    if (await moved(replacedOf(journal))) {
      // Undone: the same renames the other way, last first.
      await rename([...swap].reverse().map(([from, to]): [string, string] => [to, from]));
      return false;
    }
    for (const table of this.tables)
      await this.dataSource.query(`DROP TABLE IF EXISTS ${replacedOf(table)}`).catch(() => undefined);
    return true;
  }

  /** Drops the copies (the rebuild failed or was refused). */
  async drop(): Promise<void> {
    await Promise.allSettled(this.indexing);
    for (const table of this.tables)
      await this.dataSource.query(`DROP TABLE IF EXISTS ${RebuildTables.besideOf(table)}`);
  }
}

/** A live table's indexes other than its primary key, as `ADD INDEX` clauses. */
async function secondaryIndexes(
  dataSource: DataSource,
  table: string,
): Promise<Array<{ name: string; add: string }>> {
  const rows: Array<{ name: string; non_unique: number | string; col: string; sub_part: number | null }> =
    await dataSource.query(
      `SELECT INDEX_NAME AS name, NON_UNIQUE AS non_unique, COLUMN_NAME AS col, SUB_PART AS sub_part
         FROM information_schema.STATISTICS
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND INDEX_NAME <> 'PRIMARY'
        ORDER BY INDEX_NAME, SEQ_IN_INDEX`,
      [table],
    );
  const byName = new Map<string, { unique: boolean; columns: string[] }>();
  for (const row of rows) {
    const index =
      byName.get(row.name) ??
      byName.set(row.name, { unique: Number(row.non_unique) === 0, columns: [] }).get(row.name)!;
    index.columns.push(`\`${row.col}\`${row.sub_part === null ? '' : `(${Number(row.sub_part)})`}`);
  }
  return [...byName].map(([name, index]) => ({
    name,
    add: `ADD ${index.unique ? 'UNIQUE ' : ''}INDEX \`${name}\` (${index.columns.join(', ')})`,
  }));
}

/** The name a live table has between the swap and its drop. */
function replacedOf(table: string): string {
  return `${table}_replaced`;
}

/**
 * A journal's next id: it moves whenever a write changes what the aggregates count (every such
 * write appends to the journal), so a rebuild that finds it moved knows the app wrote meanwhile.
 * A write whose transaction had appended before the rebuild began and commits after it is not
 * seen: the check is a guard against an app left running, not a substitute for stopping it.
 * MySQL 8 caches information_schema's figures (`information_schema_stats_expiry`, a day by
 * default): read here with the cache off (MariaDB has none).
 */
export async function journalMark(dataSource: DataSource, journal: string): Promise<string> {
  const runner = dataSource.createQueryRunner();
  try {
    const [{ version }] = (await runner.query('SELECT VERSION() AS version')) as Array<{ version: string }>;
    // (MySQL before 8 has neither the cache nor the setting.)
    if (!/mariadb/i.test(version))
      await runner.query('SET SESSION information_schema_stats_expiry = 0').catch(() => undefined);
    const rows: Array<{ next: number | string | null }> = await runner.query(
      `SELECT AUTO_INCREMENT AS next FROM information_schema.TABLES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?`,
      [journal],
    );
    return String(rows[0]?.next ?? '');
  } finally {
    await runner.release();
  }
}
