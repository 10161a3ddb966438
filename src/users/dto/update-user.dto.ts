import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, ValidateIf } from 'class-validator';
import type { Role } from '../../access/roles';
import type { Language } from '../domain/account';
import {
  DisplayNameRules,
  EmailRules,
  FlagRules,
  LanguageRules,
  OrgUnitIdRules,
  PasswordRules,
  RoleRules,
} from './user-field-rules';

/** Fields a user may change on their own account; the others are the admin's. */
export const SELF_EDITABLE_FIELDS = [
  'email',
  'language',
  'digestOptOut',
  'password',
  'currentPassword',
] as const;

export class UpdateUserDto {
  @DisplayNameRules('optional') displayName?: string;
  @EmailRules() email?: string | null;
  @RoleRules('optional') role?: Role;
  @LanguageRules() language?: Language;
  @OrgUnitIdRules() orgUnitId?: number | null;
  @FlagRules('digestOptOut') digestOptOut?: boolean;
  @FlagRules('active') active?: boolean;
  @PasswordRules('optional') password?: string;

  @ApiProperty({ required: false, writeOnly: true, description: 'needed to change your own password' })
  @ValidateIf((_o, value) => value !== undefined)
  @IsString({ message: 'currentPassword must be a string' })
  @MaxLength(256, { message: 'currentPassword must be at most 256 characters' })
  currentPassword?: string;
}
