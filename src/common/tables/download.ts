import type { Response } from 'express';
import { Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { AppError } from '../errors/app-error';
import { csvChunks, toCsv } from './csv';
import type { ReportTable, StreamedTable } from './table';
import { toXlsx, writeXlsx } from './xlsx';

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
  downloadHeaders(res, format, `${baseName}.${format}`).send(body);
}

/**
 * Sends a table as sendTable does, written as its rows come (no Content-Length): for a list
 * too long to hold at once. An error once the rows flow can no longer become an error answer:
 * the response is cut off (the client sees an incomplete download) and the error thrown on.
 */
export async function streamTable(
  res: Response,
  format: DownloadFormat,
  table: StreamedTable,
  baseName: string,
): Promise<void> {
  downloadHeaders(res, format, `${baseName}.${format}`);
  try {
    if (format === 'csv') {
      await pipeline(Readable.from(csvChunks(table)), res);
    } else {
      // exceljs waits for the response's 'finish', which a closed connection never sends.
      const written = writeXlsx(res, table);
      written.catch(() => undefined);
      await Promise.race([written, finished(res)]);
    }
  } catch (error) {
    res.destroy();
    throw error;
  }
}

function downloadHeaders(res: Response, format: DownloadFormat, filename: string): Response {
  return attachmentHeaders(res, DOWNLOAD_CONTENT_TYPES[format], filename);
}

/** Sends a file made in memory (a laid-out workbook, a Word document) as an attachment named `filename`. */
export function sendFile(res: Response, contentType: string, filename: string, body: Buffer): void {
  attachmentHeaders(res, contentType, filename).send(body);
}

/** The Chinese name in `filename*` (RFC 6266); `filename` keeps an ASCII fallback with the extension. */
function attachmentHeaders(res: Response, contentType: string, filename: string): Response {
  const extension = filename.slice(filename.lastIndexOf('.') + 1);
  return res.status(200).set({
    'Content-Type': contentType,
    'Content-Disposition': `attachment; filename="download.${extension}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
  });
}
