export interface FieldError {
  field: string;
  message: string;
}

/**
 * An error a client can act on: an HTTP status, a stable `code` (`AREA.WHAT`) and a message
 * that says what was wrong and what is accepted. Rendered by {@link HttpErrorFilter} as
 * `{statusCode, code, message, errors?}` (docs/contract.md, Errors); `extra` adds fields to that body.
 */
export class AppError extends Error {
  /** Response headers that go with this error (e.g. Retry-After). */
  headers: Record<string, string> = {};

  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly errors?: FieldError[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
