import { applyDecorators } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min, ValidateBy, ValidateIf } from 'class-validator';
import {
  CleanCode,
  CleanText,
  IsBusinessDate,
  IsOptionalNotNull,
  IsPlainText,
} from '../../common/validation/decorators';
import { checkCreditCode } from '../domain/credit-code';
import { INDUSTRY_SECTIONS } from '../domain/industry';
import { MAX_MEMBER_COUNT } from '../domain/member-count';
import { OWNERSHIP_TYPES } from '../domain/ownership';

/**
 * The rules of each enterprise field, shared by create (required), update (optional) and the
 * roster import so all three say the same thing about the same value.
 */
type Presence = 'required' | 'optional' | 'nullable';

export const MAX_EMPLOYEE_COUNT = 10_000_000;

function presence(mode: Presence): PropertyDecorator[] {
  if (mode === 'required') return [];
  if (mode === 'optional') return [IsOptionalNotNull()];
  return [IsOptional()];
}

function doc(mode: Presence, options: ApiPropertyOptions): PropertyDecorator {
  return ApiProperty({
    ...options,
    required: mode === 'required',
    nullable: mode === 'nullable',
  } as ApiPropertyOptions);
}

export function IsCreditCode(): PropertyDecorator {
  return ValidateBy({
    name: 'isCreditCode',
    validator: {
      validate: (value) => typeof value === 'string' && checkCreditCode(value).valid,
      defaultMessage: (args) => {
        if (typeof args?.value !== 'string') return 'creditCode must be a string of 18 characters';
        const check = checkCreditCode(args.value);
        return check.valid ? '' : `creditCode ${check.reason}`;
      },
    },
  });
}

export const NameRules = (mode: Presence) =>
  applyDecorators(
    doc(mode, {
      description:
        'Chinese name; trimmed (zero-width characters too); no control or bidi-override characters',
      example: '金八角水泥有限公司',
      maxLength: 200,
    }),
    ...presence(mode),
    CleanText(),
    IsString({ message: 'name must be a string' }),
    IsPlainText(),
    Length(1, 200, { message: 'name must be 1 to 200 characters after trimming' }),
  );

export const CreditCodeRules = (mode: Presence) =>
  applyDecorators(
    doc(mode, {
      description:
        '统一社会信用代码: 18 characters with a valid GB 32100-2015 check character; full-width characters converted, upper-cased',
      example: '91350100M000100Y43',
    }),
    ...presence(mode),
    CleanCode({ upperCase: true }),
    IsCreditCode(),
  );

export const OwnershipTypeRules = (mode: Presence) =>
  applyDecorators(
    doc(mode, { enum: OWNERSHIP_TYPES, example: 'private' }),
    ...presence(mode),
    IsIn(OWNERSHIP_TYPES, { message: `ownershipType must be one of ${OWNERSHIP_TYPES.join(', ')}` }),
  );

export const TownshipRules = (mode: Presence | 'unlessOrgUnit') =>
  applyDecorators(
    mode === 'unlessOrgUnit'
      ? doc('optional', {
          description:
            '乡镇/街道: the name of a township unit the caller governs (required unless orgUnitId is given; must then be that unit’s name). Unknown or ambiguous → 422 ENTERPRISE.BAD_TOWNSHIP; in a deployment of a single county a new name creates its township under that county',
          example: '金山镇',
          maxLength: 100,
        })
      : doc(mode, {
          description:
            '乡镇/街道: the name of a township unit the caller governs (see orgUnitId); answers carry the unit’s name',
          example: '金山镇',
          maxLength: 100,
        }),
    ...(mode === 'unlessOrgUnit'
      ? [
          ValidateIf(
            (object: { orgUnitId?: unknown; township?: unknown }) =>
              object.orgUnitId === undefined || object.orgUnitId === null || object.township !== undefined,
          ),
        ]
      : presence(mode)),
    CleanText(),
    IsString({ message: 'township must be a string' }),
    IsPlainText(),
    Length(1, 100, { message: 'township must be 1 to 100 characters after trimming' }),
  );

export const CommunityRules = () =>
  applyDecorators(
    doc('nullable', { type: String, description: '村/社区', example: '家和社区', maxLength: 100 }),
    IsOptional(),
    CleanText(),
    IsString({ message: 'community must be a string' }),
    IsPlainText(),
    Length(0, 100, { message: 'community must be at most 100 characters' }),
  );

export const IndustryRules = (mode: Presence) =>
  applyDecorators(
    doc(mode, { description: 'GB/T 4754 section letter', enum: INDUSTRY_SECTIONS, example: 'C' }),
    ...presence(mode),
    CleanCode({ upperCase: true }),
    IsIn(INDUSTRY_SECTIONS, { message: 'industry must be one GB/T 4754 section letter A to T' }),
  );

export const EmployeeCountRules = (mode: Presence) =>
  applyDecorators(
    doc(mode, { minimum: 0, maximum: MAX_EMPLOYEE_COUNT, example: 120 }),
    ...presence(mode),
    IsInt({ message: 'employeeCount must be a whole number' }),
    Min(0, { message: 'employeeCount must be 0 or more' }),
    Max(MAX_EMPLOYEE_COUNT, { message: `employeeCount must be at most ${MAX_EMPLOYEE_COUNT}` }),
  );

/**
 * 会员人数. Not held to employeeCount: retired members stay members (离退休会员) and the two counts
 * are often reported on different days, so a roster may well have more members than employees.
 */
export const MemberCountRules = () =>
  applyDecorators(
    doc('nullable', {
      type: Number,
      description:
        '会员人数: the union’s members; null = not known. Every write that sets or changes it is recorded with its increase (members added)',
      minimum: 0,
      maximum: MAX_MEMBER_COUNT,
      example: 96,
    }),
    IsOptional(),
    // A JSON number, like employeeCount: "96" is refused, not converted.
    IsInt({ message: 'memberCount must be a whole number' }),
    Min(0, { message: 'memberCount must be 0 or more' }),
    Max(MAX_MEMBER_COUNT, { message: `memberCount must be at most ${MAX_MEMBER_COUNT}` }),
  );

export const OptionalDateRules = (description: string) =>
  applyDecorators(
    doc('nullable', { type: String, description, format: 'date', example: '2024-03-05' }),
    IsOptional(),
    CleanCode(),
    IsBusinessDate(),
  );

export const OrgUnitIdRules = (mode: 'optional') =>
  applyDecorators(
    doc(mode, {
      type: Number,
      description:
        'id of the township unit (level `township`) the enterprise belongs to, one the caller governs; otherwise 422 ENTERPRISE.BAD_TOWNSHIP naming orgUnitId. Instead of (or with) township',
      example: 12,
    }),
    ...presence(mode),
    IsInt({ message: 'orgUnitId must be a whole number' }),
    Min(1, { message: 'orgUnitId must be 1 or more' }),
  );

export const InstructorIdRules = () =>
  applyDecorators(
    doc('nullable', {
      type: Number,
      description: 'id of the instructor in charge (a JSON number)',
      example: 7,
    }),
    IsOptional(),
    // A JSON number, like employeeCount: "3" is refused, not converted.
    IsInt({ message: 'instructorId must be a whole number' }),
    Min(1, { message: 'instructorId must be 1 or more' }),
  );
