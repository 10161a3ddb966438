/** A table as people read it: a title, the parameters it was made with, headed columns. */
export interface ReportTable {
  /** Sheet and file name, e.g. 签订率. */
  title: string;
  /** Shown in the title row: [['截至日期', '2026-06-30'], ['合同类型', '工资专项集体合同']]. */
  parameters: [string, string][];
  columns: ReportColumn[];
  rows: Record<string, string | number | null>[];
}

/** A table whose rows come a chunk at a time: a download too long to hold in memory at once. */
export interface StreamedTable extends Omit<ReportTable, 'rows'> {
  rows: AsyncIterable<ReportTable['rows']>;
}

export interface ReportColumn {
  key: string;
  header: string;
  /** `percent` cells hold fractions (0.923 → 92.3 %). */
  format?: 'percent' | 'integer';
}

export function titleLine(table: Pick<ReportTable, 'title' | 'parameters'>): string {
  return [table.title, ...table.parameters.map(([label, value]) => `${label}: ${value}`)].join('  ');
}
