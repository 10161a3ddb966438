import type { Role } from '../../access/roles';
import type { Language } from '../domain/account';
import {
  DisplayNameRules,
  EmailRules,
  LanguageRules,
  OrgUnitIdRules,
  PasswordRules,
  RoleRules,
  UsernameRules,
} from './user-field-rules';

export class CreateUserDto {
  @UsernameRules() username!: string;
  @DisplayNameRules('required') displayName!: string;
  @EmailRules() email?: string | null;
  @RoleRules('required') role!: Role;
  @PasswordRules('required') password!: string;
  @LanguageRules() language?: Language;
  @OrgUnitIdRules() orgUnitId?: number | null;
}
