import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { AppError } from '../errors/app-error';

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

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (response.headersSent) return;
    if (exception instanceof AppError) response.set(exception.headers);
    response.status(body.statusCode).json(body);
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
