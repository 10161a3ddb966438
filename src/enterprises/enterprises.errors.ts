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

/** A PATCH quoted an older version than the stored one: someone else changed the enterprise. */
export class EnterpriseVersionConflictError extends AppError {
  constructor(expected: number, current: number) {
    super(
      409,
      'ENTERPRISE.VERSION_CONFLICT',
      `the enterprise changed since you loaded it (you sent version ${expected}, it is now at ${current}); reload and try again`,
      undefined,
      { currentVersion: current },
    );
  }
}

export class RegisteredOnError extends AppError {
  constructor(problem: string) {
    super(422, 'ENTERPRISE.REGISTERED_ON', problem, [{ field: 'registeredOn', message: problem }]);
  }
}
