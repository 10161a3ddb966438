import type { OwnershipType } from '../domain/ownership';
import {
  CommunityRules,
  CreditCodeRules,
  EmployeeCountRules,
  IndustryRules,
  InstructorIdRules,
  NameRules,
  OptionalDateRules,
  OwnershipTypeRules,
  TownshipRules,
} from './enterprise-field-rules';

/** PATCH: every field optional; the nullable ones are cleared with `null`. */
export class UpdateEnterpriseDto {
  @NameRules('optional') name?: string;
  @CreditCodeRules('optional') creditCode?: string;
  @OwnershipTypeRules('optional') ownershipType?: OwnershipType;
  @TownshipRules('optional') township?: string;
  @CommunityRules() community?: string | null;
  @IndustryRules('optional') industry?: string;
  @EmployeeCountRules('optional') employeeCount?: number;
  @OptionalDateRules('建会日期: union founded on; null = no union') unionFoundedOn?: string | null;
  @InstructorIdRules() instructorId?: number | null;
  @OptionalDateRules('registered (成立) on') registeredOn?: string | null;
  @OptionalDateRules('closed (注销) on; must not be before registeredOn') closedOn?: string | null;
}
