import type { StatisticsReport, StatisticsRow } from '../../api/reports';

/** The kinds as the table's column groups: all kinds first, then each kind. */
export const STATISTICS_KIND_GROUPS = ['total', 'comprehensive', 'wage', 'women', 'safety'] as const;
/** The rows of a unit's block: each signing form, then the unit's subtotal. */
export const STATISTICS_LEVELS = ['enterprise', 'regional', 'industry', 'total'] as const;
export const STATISTICS_FIGURES = [
  'agreements',
  'signedInPeriod',
  'enterprisesCovered',
  'employeesCovered',
  'nonPublicEnterprisesCovered',
] as const;

type Figure = (typeof STATISTICS_FIGURES)[number];
type Table = Pick<StatisticsReport, 'rows' | 'kindTotals' | 'levelTotals' | 'total'>;

/** A screen row: a unit's signing form (or subtotal), with the figures of every kind group. */
export interface StatisticsScreenRow {
  key: string;
  unit: string;
  level: (typeof STATISTICS_LEVELS)[number];
  /** The first row of its unit's block, which spans the block's rows in the unit column. */
  first: boolean;
  figures: Record<string, number>;
}

function rowOf(table: Table, kind: string, level: string): StatisticsRow | undefined {
  if (kind === 'total' && level === 'total') return table.total;
  const rows = kind === 'total' ? table.levelTotals : level === 'total' ? table.kindTotals : table.rows;
  return rows.find((row) => row.agreementKind === kind && row.level === level);
}

/**
 * The table's rows as the office's statistics table lays them out (the .xlsx download): a block
 * per unit (each subordinate unit when listed, then the unit's own total, named `totalName`).
 */
export function statisticsScreenRows(
  report: StatisticsReport,
  unitName: string,
  totalName: string,
): StatisticsScreenRow[] {
  const blocks: { name: string; table: Table }[] = (report.units ?? []).map((unit) => ({
    name: unit.groupName,
    table: unit,
  }));
  blocks.push({ name: blocks.length > 0 ? totalName : unitName, table: report });
  return blocks.flatMap((block, index) =>
    STATISTICS_LEVELS.map((level, position) => {
      const figures: Record<string, number> = {};
      for (const kind of STATISTICS_KIND_GROUPS) {
        const row = rowOf(block.table, kind, level);
        for (const figure of STATISTICS_FIGURES) figures[`${kind}.${figure}`] = row?.[figure as Figure] ?? 0;
      }
      return { key: `${index}.${level}`, unit: block.name, level, first: position === 0, figures };
    }),
  );
}
