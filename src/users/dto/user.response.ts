import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../../access/roles';
import { LANGUAGES, type Language } from '../domain/account';
import type { User } from '../user.entity';

/** A user as the API shows it: never the password or its hash. */
export class UserResponse {
  @ApiProperty() id!: number;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ enum: LANGUAGES }) language!: Language;
  @ApiProperty() digestOptOut!: boolean;
  @ApiProperty() active!: boolean;
  @ApiProperty({ nullable: true, type: Number, description: 'the user’s unit; null = the whole deployment' })
  orgUnitId!: number | null;

  static from(user: User): UserResponse {
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      email: user.email,
      role: user.role,
      language: user.language,
      digestOptOut: user.digestOptOut,
      active: user.active,
      orgUnitId: user.orgUnitId,
    };
  }
}

export class UserPage {
  @ApiProperty({ type: [UserResponse] }) items!: UserResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

/** An instructor as supervisors may see one: for names in reports and filters. */
export class InstructorResponse {
  @ApiProperty() id!: number;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() active!: boolean;
}

export class InstructorPage {
  @ApiProperty({ type: [InstructorResponse] }) items!: InstructorResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
