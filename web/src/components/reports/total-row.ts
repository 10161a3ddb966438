/** The county's total is the last row of a report table, set apart by the `report-total` class. */
export const totalRowClass = ({ row }: { row: { group?: string; scope?: string } }) =>
  row.group === 'total' || row.scope === 'total' ? 'report-total' : '';
