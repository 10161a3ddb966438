import type { Response } from 'express';
import { AppError } from '../errors/app-error';
import { toCsv } from './csv';
import type { ReportTable } from './table';
import { toXlsx } from './xlsx';

export type DownloadFormat = 'csv' | 'xlsx';

export const DOWNLOAD_CONTENT_TYPES: Record<DownloadFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** `.csv` or `.xlsx` from a path; any other extension names nothing here: 404. */
export function downloadFormat(raw: string): DownloadFormat {
  if (raw === 'csv' || raw === 'xlsx') return raw;
  throw new AppError(404, 'HTTP.NOT_FOUND', `no such download format ".${raw}"; use .csv or .xlsx`);
}

/**
 * Sends a table as an attachment named after its title and the day it describes (a report's
 * asOf, a list's business day): `企业名册-2026-06-30.xlsx`, unless the caller names it
 * (`baseName`, without the extension).
 */
export async function sendTable(
  res: Response,
  format: DownloadFormat,
  table: ReportTable,
  datedOn: string,
  baseName = `${table.title}-${datedOn}`,
): Promise<void> {
  const body = format === 'csv' ? toCsv(table) : await toXlsx(table);
  const filename = `${baseName}.${format}`;
  res
    .status(200)
    .set({
      'Content-Type': DOWNLOAD_CONTENT_TYPES[format],
      'Content-Disposition': `attachment; filename="table.${format}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    })
    .send(body);
}
