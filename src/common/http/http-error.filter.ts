import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { AppError } from '../errors/app-error';
import {
  DatabaseUnavailableError,
  isDatabaseUnavailable,
  isWriteConflict,
  WriteConflictError,
} from '../errors/database-unavailable';

const CODE_BY_STATUS: Record<number, string> = {
  400: 'REQUEST.BAD_REQUEST',
  401: 'AUTH.UNAUTHENTICATED',
  403: 'AUTH.FORBIDDEN',
  404: 'HTTP.NOT_FOUND',
  405: 'HTTP.METHOD_NOT_ALLOWED',
  409: 'HTTP.CONFLICT',
  413: 'REQUEST.BODY_TOO_LARGE',
  415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  422: 'REQUEST.VALIDATION_FAILED',
  429: 'HTTP.TOO_MANY_REQUESTS',
  503: 'HTTP.UNAVAILABLE',
};

/**
 * Renders every error as `{statusCode, code, message, errors?}` (docs/contract.md, Errors). Anything that
 * is neither an {@link AppError} nor a Nest `HttpException` is a bug: it is logged with its
 * stack and answered as a bare 500 that leaks nothing.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpErrorFilter.name);

  catch(thrown: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const exception = this.fromDatabase(thrown);
    const body = this.toBody(exception);
    if (response.headersSent) return;
    if (exception instanceof AppError) response.set(exception.headers);
    response.status(body.statusCode).json(body);
  }

  /**
   * A database that cannot answer (503 with Retry-After) or a write that lost to a concurrent
   * one once retries ran out (409): not bugs, and not the client's fault. Logged in one line.
   */
  private fromDatabase(exception: unknown): unknown {
    if (exception instanceof AppError || exception instanceof HttpException) return exception;
    const reason = exception instanceof Error ? exception.message : String(exception);
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn(`database unavailable: ${reason}`);
      return new DatabaseUnavailableError();
    }
    if (isWriteConflict(exception)) {
      this.logger.warn(`write conflict after retries: ${reason}`);
      return new WriteConflictError();
    }
    return exception;
  }

  private toBody(exception: unknown): Record<string, unknown> & { statusCode: number } {
    if (exception instanceof AppError) {
      return {
        statusCode: exception.statusCode,
        code: exception.code,
        message: exception.message,
        ...(exception.errors ? { errors: exception.errors } : {}),
        ...exception.extra,
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : [(response as { message?: unknown }).message].flat().filter(Boolean).join('; ') ||
            exception.message;
      return { statusCode, code: CODE_BY_STATUS[statusCode] ?? `HTTP.${statusCode}`, message };
    }
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    );
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: 'INTERNAL',
      message: 'internal error; it has been logged',
    };
  }
}
