import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsOptional, Min } from 'class-validator';
import type { OwnershipType } from '../domain/ownership';
import {
  CommunityRules,
  CreditCodeRules,
  EmployeeCountRules,
  IndustryRules,
  InstructorIdRules,
  MemberCountRules,
  NameRules,
  OptionalDateRules,
  OwnershipTypeRules,
  OrgUnitIdRules,
  TownshipRules,
} from './enterprise-field-rules';

/** PATCH: every field optional; the nullable ones are cleared with `null`. */
export class UpdateEnterpriseDto {
  @NameRules('optional') name?: string;
  @CreditCodeRules('optional') creditCode?: string;
  @OwnershipTypeRules('optional') ownershipType?: OwnershipType;
  @TownshipRules('optional') township?: string;
  @OrgUnitIdRules('optional') orgUnitId?: number;
  @CommunityRules() community?: string | null;
  @IndustryRules('optional') industry?: string;
  @EmployeeCountRules('optional') employeeCount?: number;
  @OptionalDateRules('建会日期: union founded on; null = no union') unionFoundedOn?: string | null;
  @InstructorIdRules() instructorId?: number | null;
  @OptionalDateRules('registered (成立) on') registeredOn?: string | null;
  @OptionalDateRules('closed (注销) on; must not be before registeredOn') closedOn?: string | null;
  @MemberCountRules() memberCount?: number | null;
  @OptionalDateRules(
    '职代会建立日期: the workers’ congress (职工代表大会) established on; not after today, not before registeredOn; null = none yet',
  )
  workersCongressOn?: string | null;

  @ApiProperty({
    required: false,
    minimum: 1,
    example: 3,
    description:
      'the `version` you loaded: the change is made only at that version, else 409 ENTERPRISE.VERSION_CONFLICT with currentVersion (also as the If-Match header)',
  })
  @IsOptional()
  @IsInt({ message: 'expectedVersion must be a whole number: the version you loaded' })
  @Min(1, { message: 'expectedVersion must be 1 or more' })
  expectedVersion?: number;
}
