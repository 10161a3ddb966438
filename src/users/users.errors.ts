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

/** The `orgUnitId` sent names no unit. */
export class UnknownUserOrgUnitError extends AppError {
  constructor(orgUnitId: number) {
    const message = `单位 ${orgUnitId} 不存在`;
    super(422, 'USER.UNKNOWN_ORG_UNIT', message, [{ field: 'orgUnitId', message }]);
  }
}

/** An instructor moved to a unit that does not cover the enterprises assigned to them. */
export class InstructorEnterprisesOutsideUnitError extends AppError {
  constructor(count: number) {
    const message = `该指导员负责的 ${count} 家企业不在新单位的管辖范围内，请先调整企业的指导员`;
    super(422, 'USER.ENTERPRISES_OUTSIDE_UNIT', message, [{ field: 'orgUnitId', message }]);
  }
}
