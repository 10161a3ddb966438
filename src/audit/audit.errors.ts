import { AppError } from '../common/errors/app-error';

/**
 * An instructor reads the trail of one enterprise of theirs only. The role is allowed on the
 * route, so a wider question is a role refusal (403), as a route the role may not call is.
 */
export class InstructorAuditScopeError extends AppError {
  constructor() {
    super(
      403,
      'AUTH.FORBIDDEN',
      'the instructor role may read the audit trail of one of its enterprises only: give entityType=enterprise and its entityId',
      [{ field: 'entityId', message: 'required for the instructor role, with entityType=enterprise' }],
    );
  }
}

/**
 * The same answer as `GET /enterprises/:id` outside the caller's scope (api.md, Errors): an
 * instructor learns nothing of enterprises that are not theirs, not even that they exist. The
 * code is the enterprises' own; the class lives here because the audit folder sits below every
 * feature (they all write to it) and may not import one back.
 */
export class AuditedEnterpriseNotFoundError extends AppError {
  constructor(id: string) {
    super(404, 'ENTERPRISE.NOT_FOUND', `enterprise ${id} does not exist`);
  }
}
