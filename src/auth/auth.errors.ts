import { AppError } from '../common/errors/app-error';

export class UnauthenticatedError extends AppError {
  constructor(reason: string) {
    super(
      401,
      'AUTH.UNAUTHENTICATED',
      `${reason}; sign in at POST /api/v1/auth/login and send Authorization: Bearer <token>`,
    );
  }
}

export class BadCredentialsError extends AppError {
  constructor() {
    super(401, 'AUTH.BAD_CREDENTIALS', 'wrong username or password');
  }
}

export class TooManyLoginFailuresError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      429,
      'AUTH.TOO_MANY_FAILURES',
      `too many failed logins for this user from this address; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes`,
      undefined,
      { retryAfter: retryAfterSeconds },
    );
    this.headers = { 'Retry-After': String(retryAfterSeconds) };
  }
}
