import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import {
  IsInt,
  Min,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsOptionalNotNull, Trim } from '../../common/validation/decorators';
import { ROLES } from '../../access/roles';
import { LANGUAGES, MIN_PASSWORD_LENGTH, USERNAME_PATTERN } from '../domain/account';

type Presence = 'required' | 'optional';
const presence = (mode: Presence) => (mode === 'optional' ? [IsOptionalNotNull()] : []);

export const UsernameRules = () =>
  applyDecorators(
    ApiProperty({ example: 'wang.li', pattern: USERNAME_PATTERN.source }),
    Trim(),
    IsString({ message: 'username must be a string' }),
    Matches(USERNAME_PATTERN, { message: 'username must be 3 to 32 of a-z, 0-9, ".", "_" and "-"' }),
  );

export const DisplayNameRules = (mode: Presence) =>
  applyDecorators(
    ApiProperty({ example: '王丽', required: mode === 'required', maxLength: 100 }),
    ...presence(mode),
    Trim(),
    IsString({ message: 'displayName must be a string' }),
    Length(1, 100, { message: 'displayName must be 1 to 100 characters' }),
  );

export const EmailRules = () =>
  applyDecorators(
    ApiProperty({ example: 'wang.li@example.cn', required: false, nullable: true, type: String }),
    IsOptional(),
    Trim(),
    IsEmail({}, { message: 'email must be an e-mail address' }),
    MaxLength(254, { message: 'email must be at most 254 characters' }),
  );

export const RoleRules = (mode: Presence) =>
  applyDecorators(
    ApiProperty({ enum: ROLES, required: mode === 'required' }),
    ...presence(mode),
    IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` }),
  );

export const LanguageRules = () =>
  applyDecorators(
    ApiProperty({ enum: LANGUAGES, required: false, default: 'zh-CN' }),
    IsOptionalNotNull(),
    IsIn(LANGUAGES, { message: `language must be one of ${LANGUAGES.join(', ')}` }),
  );

export const PasswordRules = (mode: Presence) =>
  applyDecorators(
    ApiProperty({ required: mode === 'required', minLength: MIN_PASSWORD_LENGTH, writeOnly: true }),
    ...presence(mode),
    IsString({ message: 'password must be a string' }),
    MinLength(MIN_PASSWORD_LENGTH, {
      message: `password must be at least ${MIN_PASSWORD_LENGTH} characters`,
    }),
    MaxLength(256, { message: 'password must be at most 256 characters' }),
  );

export const FlagRules = (name: string) =>
  applyDecorators(
    ApiProperty({ required: false, type: Boolean }),
    IsOptionalNotNull(),
    IsBoolean({ message: `${name} must be true or false` }),
  );

export const OrgUnitIdRules = () =>
  applyDecorators(
    ApiProperty({
      required: false,
      nullable: true,
      type: Number,
      description:
        'the unit the user belongs to; null = the whole deployment. An admin with a unit gives only units of their subtree (else 403 AUTH.FORBIDDEN_UNIT); on create it defaults to the admin’s own unit',
      example: 4,
    }),
    IsOptional(),
    IsInt({ message: 'orgUnitId must be a whole number' }),
    Min(1, { message: 'orgUnitId must be 1 or more' }),
  );
