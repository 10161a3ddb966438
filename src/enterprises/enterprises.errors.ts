import { AppError } from '../common/errors/app-error';

export class EnterpriseNotFoundError extends AppError {
  constructor(id: number | string) {
    super(404, 'ENTERPRISE.NOT_FOUND', `enterprise ${id} does not exist`);
  }
}

export class DuplicateCreditCodeError extends AppError {
  constructor(creditCode: string) {
    super(
      409,
      'ENTERPRISE.DUPLICATE_CREDIT_CODE',
      `an enterprise with credit code ${creditCode} already exists`,
      [{ field: 'creditCode', message: 'must be unique' }],
    );
  }
}

export class ClosedBeforeRegisteredError extends AppError {
  constructor(registeredOn: string, closedOn: string) {
    super(
      422,
      'ENTERPRISE.CLOSED_BEFORE_REGISTERED',
      `closedOn (${closedOn}) must not be before registeredOn (${registeredOn})`,
      [{ field: 'closedOn', message: `must be on or after registeredOn ${registeredOn}` }],
    );
  }
}

export class UnknownInstructorError extends AppError {
  constructor(instructorId: number) {
    super(422, 'ENTERPRISE.UNKNOWN_INSTRUCTOR', `user ${instructorId} is not an active instructor`, [
      { field: 'instructorId', message: 'must be the id of an active user with the instructor role' },
    ]);
  }
}

export class UnionFoundedOnError extends AppError {
  constructor(problem: string) {
    super(422, 'ENTERPRISE.UNION_FOUNDED_ON', problem, [{ field: 'unionFoundedOn', message: problem }]);
  }
}

export class WorkersCongressOnError extends AppError {
  constructor(problem: string) {
    super(422, 'ENTERPRISE.WORKERS_CONGRESS_ON', problem, [{ field: 'workersCongressOn', message: problem }]);
  }
}

/**
 * A PATCH met a newer version than its own: with `expected`, the client quoted an older one
 * (someone changed the enterprise since it loaded it); without (`null`), the client sent no
 * version and the write kept losing to others while being saved, so nothing may say it sent one
 * (the web's bulk assignment sends none and shows this answer).
 */
export class EnterpriseVersionConflictError extends AppError {
  constructor(expected: number | null, current: number) {
    super(
      409,
      'ENTERPRISE.VERSION_CONFLICT',
      expected === null
        ? `the enterprise was changed by someone else while saving (it is now at version ${current}); try again`
        : `the enterprise changed since you loaded it (you sent version ${expected}, it is now at ${current}); reload and try again`,
      undefined,
      expected === null
        ? { messageZh: '保存时该企业恰好被他人修改，请重试', currentVersion: current }
        : { currentVersion: current },
    );
  }
}

export class RegisteredOnError extends AppError {
  constructor(problem: string) {
    super(422, 'ENTERPRISE.REGISTERED_ON', problem, [{ field: 'registeredOn', message: problem }]);
  }
}

/**
 * Where an enterprise should sit cannot be settled (docs/contract.md, Enterprises): the field
 * (`orgUnitId` or `township`) names no township the caller governs, names more than one, or
 * the two disagree. One code, the message in Chinese saying which.
 */
export class EnterprisePlacementError extends AppError {
  constructor(field: 'orgUnitId' | 'township', message: string) {
    super(422, 'ENTERPRISE.BAD_TOWNSHIP', message, [{ field, message }]);
  }
}

/** The instructor's unit does not cover the enterprise's township (they sit in or above it). */
export class InstructorOutsideUnitError extends AppError {
  constructor(instructorId: number, township: string) {
    const message = `指导员 ${instructorId} 所在单位不管辖${township}，不能负责该企业`;
    super(422, 'ENTERPRISE.INSTRUCTOR_OUTSIDE_UNIT', message, [{ field: 'instructorId', message }]);
  }
}
