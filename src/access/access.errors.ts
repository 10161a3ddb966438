import { AppError } from '../common/errors/app-error';

/** The route is not for the caller's role (the AuthGuard, from `@Roles`). */
export class ForbiddenRoleError extends AppError {
  constructor(role: string, allowed: readonly string[]) {
    super(403, 'AUTH.FORBIDDEN', `the ${role} role may not do this (allowed: ${allowed.join(', ')})`);
  }
}

/** The caller's role may call the route but not change this field. */
export class ForbiddenFieldError extends AppError {
  constructor(field: string, role: string) {
    super(403, 'AUTH.FORBIDDEN_FIELD', `the ${role} role may not change ${field}`, [
      { field, message: `may not be changed by the ${role} role` },
    ]);
  }
}
