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

export class CreateEnterpriseDto {
  @NameRules('required') name!: string;
  @CreditCodeRules('required') creditCode!: string;
  @OwnershipTypeRules('required') ownershipType!: OwnershipType;
  @TownshipRules('unlessOrgUnit') township!: string;
  @OrgUnitIdRules('optional') orgUnitId?: number;
  @CommunityRules() community?: string | null;
  @IndustryRules('required') industry!: string;
  @EmployeeCountRules('required') employeeCount!: number;
  @OptionalDateRules('建会日期: union founded on; empty = no union yet') unionFoundedOn?: string | null;
  @InstructorIdRules() instructorId?: number | null;
  @OptionalDateRules('registered (成立) on') registeredOn?: string | null;
  @OptionalDateRules('closed (注销) on; must not be before registeredOn') closedOn?: string | null;
  @MemberCountRules() memberCount?: number | null;
  @OptionalDateRules(
    '职代会建立日期: the workers’ congress (职工代表大会) established on; not after today, not before registeredOn; null = none yet',
  )
  workersCongressOn?: string | null;
}
