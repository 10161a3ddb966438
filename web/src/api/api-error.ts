import type { ErrorBody, FieldError } from './types';

/** An error answer of the API, or a failure to reach it (status 0, code `HTTP.NETWORK`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: FieldError[] = [],
    /** The whole body, for the extra fields some errors carry (e.g. `currentVersion` on a 409). */
    readonly body: Partial<ErrorBody> & Record<string, unknown> = {},
    /** From the Retry-After header (429), in seconds. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The API's message for one field, for showing next to it in a form. */
  fieldError(field: string): string | undefined {
    return this.fieldErrors.find((error) => error.field === field)?.message;
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** Builds the ApiError for a failed response, whatever its body turns out to be. */
export async function apiErrorFrom(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as Partial<ErrorBody> & Record<string, unknown>;
  const retryAfter = Number(response.headers.get('Retry-After'));
  return new ApiError(
    response.status,
    body.code ?? `HTTP.${response.status}`,
    body.message ?? response.statusText,
    body.errors ?? [],
    body,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  );
}
