import { AppError, type FieldError } from '../common/errors/app-error';

/** No such unit, or not one the caller governs (docs/contract.md, Errors: outside scope is 404). */
export class OrgUnitNotFoundError extends AppError {
  constructor(id: number | string) {
    super(404, 'ORG_UNIT.NOT_FOUND', `组织单位 ${id} 不存在`);
  }
}

/** A unit with that statistical division code exists already. */
export class DuplicateOrgUnitCodeError extends AppError {
  constructor(code: string) {
    super(409, 'ORG_UNIT.DUPLICATE_CODE', `区划代码 ${code} 已被其他单位使用`, [
      { field: 'code', message: `区划代码 ${code} 已存在` },
    ]);
  }
}

/** The unit's code or level does not fit under its parent (level one down, the code's prefix). */
export class OrgUnitPlacementError extends AppError {
  constructor(problems: FieldError[]) {
    super(422, 'ORG_UNIT.BAD_PLACEMENT', problems.map((problem) => problem.message).join('；'), problems);
  }
}

/** The caller may act only inside the subtree of their own unit. */
export class OutsideSubtreeError extends AppError {
  constructor(what: string) {
    super(403, 'AUTH.FORBIDDEN_UNIT', `${what}不在您所在单位的管辖范围内`);
  }
}
