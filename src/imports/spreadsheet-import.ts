import { applyDecorators, HttpCode, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { Roles } from '../access/decorators';
import { ApiErrors } from '../common/http/error-response';
import type { ImportQuery } from './dto/import.query';
import type { ImportOptions } from './enterprise-import.service';
import { ImportResult } from './import-result';
import { UploadLimitInterceptor } from './upload-limit.interceptor';

/** What multer hands over for the `file` field (memory storage). */
export interface UploadedSpreadsheet {
  buffer: Buffer;
  originalname: string;
  size: number;
}

const UPLOAD_DOC = {
  schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
};
const IMPORT_ERRORS =
  'IMPORT.NO_FILE: no file in the field "file"; IMPORT.UNREADABLE_FILE: not an .xlsx or .csv that can be read, or no sheet has the header row (rows at fault are in the 200 answer, not errors); the body carries messageZh, the same in Chinese';
const TOO_LARGE =
  'REQUEST.BODY_TOO_LARGE: the file is over IMPORT_MAX_MB; the body carries limitMb and messageZh';

/**
 * An admin's spreadsheet import route: multipart `file` (size-limited), `?dryRun=&atomic=`, the
 * 200 answer {@link ImportResult} and its documented errors. Every import route has this shape.
 */
export function SpreadsheetImport(operation: { summary: string; description?: string }) {
  return applyDecorators(
    HttpCode(200),
    Roles('admin'),
    UseInterceptors(UploadLimitInterceptor, FileInterceptor('file')),
    ApiConsumes('multipart/form-data'),
    ApiBody(UPLOAD_DOC),
    ApiOperation(operation),
    ApiErrors({ 413: TOO_LARGE, 422: IMPORT_ERRORS }),
    ApiOkResponse({ type: ImportResult }),
  );
}

/** The import's options from its query string. */
export function importOptions(query: ImportQuery): ImportOptions {
  return { dryRun: query.dryRun === 'true', atomic: query.atomic === 'true' };
}
