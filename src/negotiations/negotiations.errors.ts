import { AppError, type FieldError } from '../common/errors/app-error';
import { ruleZh } from './labels-zh';
import type { ApplyFailure } from './workflow';

export class NegotiationNotFoundError extends AppError {
  /** `field`: the body field that named it (e.g. `renews`), when it was not the path. */
  constructor(id: number | string, field?: string) {
    const message = `negotiation ${id} does not exist`;
    super(404, 'NEGOTIATION.NOT_FOUND', message, field ? [{ field, message }] : undefined);
  }
}

export class VersionConflictError extends AppError {
  constructor(expected: number, current: number) {
    super(
      409,
      'NEGOTIATION.VERSION_CONFLICT',
      `the negotiation changed since you loaded it (you sent expectedVersion ${expected}, it is now at ${current}); reload and try again`,
      undefined,
      { currentVersion: current },
    );
  }
}

const WORKFLOW_CODES: Record<ApplyFailure['code'], string> = {
  ILLEGAL_EVENT: 'NEGOTIATION.ILLEGAL_EVENT',
  GUARD_FAILED: 'NEGOTIATION.GUARD_FAILED',
  INVALID_EVENT: 'NEGOTIATION.INVALID_EVENT',
};

/**
 * The machine refused the event: the message names the rule (and its article); a refusal by
 * one of the machine's checks also says which (`check`, as GET /workflow lists them) and its
 * `rule` (with `ruleZh`, as Chinese cites it), so a client can word it in its own language.
 */
export class WorkflowRefusedError extends AppError {
  constructor(failure: ApplyFailure) {
    super(
      422,
      WORKFLOW_CODES[failure.code],
      failure.message,
      failure.field ? [{ field: failure.field, message: failure.message }] : undefined,
      failure.check && failure.rule
        ? { check: failure.check, rule: failure.rule, ruleZh: ruleZh(failure.rule) }
        : undefined,
    );
  }
}

export class NegotiationEnterprisesError extends AppError {
  constructor(message: string) {
    super(422, 'NEGOTIATION.ENTERPRISES', message, [{ field: 'enterpriseIds', message }]);
  }
}

/**
 * Covered enterprises that do not exist or are outside the caller's scope: one answer for both
 * (an instructor must not learn which enterprises another instructor has), the code of a
 * single enterprise not found.
 */
export class CoveredEnterpriseNotFoundError extends AppError {
  constructor(ids: number[]) {
    const message =
      ids.length === 1 ? `enterprise ${ids[0]} does not exist` : `enterprises ${ids.join(', ')} do not exist`;
    super(404, 'ENTERPRISE.NOT_FOUND', message, [{ field: 'enterpriseIds', message }], {
      enterpriseIds: ids,
    });
  }
}

export class RenewsError extends AppError {
  constructor(message: string) {
    super(422, 'NEGOTIATION.RENEWS', message, [{ field: 'renews', message }]);
  }
}

/**
 * A round of this kind is already under way for one of the enterprises. A product rule: one round
 * per enterprise and agreement kind at a time, so a double click or a colleague's round is not doubled.
 */
export class AlreadyOpenError extends AppError {
  constructor(open: { negotiationId: number; stage: string; enterpriseName: string }, agreementKind: string) {
    const message = `${open.enterpriseName} already has an open ${agreementKind} negotiation (#${open.negotiationId}, stage ${open.stage}): record its events there, or abandon it before opening another`;
    super(409, 'NEGOTIATION.ALREADY_OPEN', message, [{ field: 'enterpriseIds', message }], {
      negotiationId: open.negotiationId,
    });
  }
}

/** An event or historical agreement that contradicts the covered enterprises' roster (coverage-checks.ts). */
export class CoverageFactsError extends AppError {
  constructor(problems: FieldError[]) {
    super(
      422,
      'NEGOTIATION.INVALID_EVENT',
      problems.map((p) => p.message).join('; '),
      problems.map(({ field, message }) => ({ field, message })),
    );
  }
}
