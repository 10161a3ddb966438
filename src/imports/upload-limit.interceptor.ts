import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import { catchError, type Observable, throwError } from 'rxjs';
import { type ImportsConfig, importsConfig } from './imports.config';
import { ImportFileTooLargeError } from './imports.errors';

/**
 * Put before FileInterceptor: multer refuses an upload over IMPORT_MAX_MB with a bare
 * "File too large"; the office is told the limit instead (docs/api.md, Importing).
 */
@Injectable()
export class UploadLimitInterceptor implements NestInterceptor {
  constructor(@Inject(importsConfig.KEY) private readonly config: ImportsConfig) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(
        catchError((error: unknown) =>
          throwError(() =>
            error instanceof PayloadTooLargeException
              ? new ImportFileTooLargeError(this.config.maxUploadBytes)
              : error,
          ),
        ),
      );
  }
}
