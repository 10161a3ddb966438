import { AppError } from '../common/errors/app-error';

export class UserNotFoundError extends AppError {
  constructor(id: number | string) {
    super(404, 'USER.NOT_FOUND', `user ${id} does not exist`);
  }
}

export class DuplicateUsernameError extends AppError {
  constructor(username: string) {
    super(409, 'USER.DUPLICATE_USERNAME', `the username ${username} is taken`, [
      { field: 'username', message: 'must be unique' },
    ]);
  }
}

export class CurrentPasswordRequiredError extends AppError {
  constructor() {
    super(422, 'USER.CURRENT_PASSWORD_REQUIRED', 'changing your own password needs currentPassword', [
      { field: 'currentPassword', message: 'is required and must be your current password' },
    ]);
  }
}

export class LastAdminError extends AppError {
  /** `field`: what the request changed, `role` (a demotion) or `active` (a deactivation). */
  constructor(field: 'role' | 'active') {
    super(422, 'USER.LAST_ADMIN', 'this is the last active admin: make another admin first', [
      { field, message: 'the last active admin must stay an active admin' },
    ]);
  }
}
