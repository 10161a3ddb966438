import { AppError, FieldError } from './app-error';

export class ValidationFailedError extends AppError {
  constructor(errors: FieldError[]) {
    super(422, 'REQUEST.VALIDATION_FAILED', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
  }
}

export class UnknownFieldsError extends AppError {
  constructor(fields: string[]) {
    super(
      400,
      'REQUEST.UNKNOWN_FIELD',
      `unknown field${fields.length > 1 ? 's' : ''} ${fields.join(', ')}: remove ${fields.length > 1 ? 'them' : 'it'}`,
      fields.map((field) => ({ field, message: 'is not a field of this request' })),
    );
  }
}

/** A body that is not JSON, or JSON that is not an object; `message` says which. */
export class MalformedJsonError extends AppError {
  constructor(message: string) {
    super(400, 'REQUEST.MALFORMED_JSON', message);
  }
}

export class BodyTooLargeError extends AppError {
  constructor(limit: string) {
    super(413, 'REQUEST.BODY_TOO_LARGE', `the request body is larger than ${limit}`);
  }
}
