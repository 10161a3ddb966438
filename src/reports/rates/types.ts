/**
 * Plain rows the rate arithmetic works on, shaped as the database delivers them, and the
 * report parameters (docs/domain.md, Signing rate; docs/contract.md, Reports). Dates are business dates
 * `YYYY-MM-DD`; being fixed-width, they compare correctly as strings.
 */
import type { BusinessDate } from '../../common/dates/business-date';
import type { OwnershipType, Sector } from '../../enterprises/domain/ownership';

export interface EnterpriseRow {
  id: number;
  name: string;
  creditCode: string;
  ownershipType: OwnershipType;
  township: string;
  /** GB/T 4754 section letter A–T. */
  industry: string;
  /** Current headcount (docs/domain.md: "used for coverage by employees"); not dated. */
  employeeCount: number;
  instructorId: number | null;
  /** 建会日期; null = no union yet. */
  unionFoundedOn: BusinessDate | null;
  registeredOn: BusinessDate | null;
  /** First day the enterprise is no longer open. */
  closedOn: BusinessDate | null;
}

/** `orgUnit`: one group per child unit of the report's unit (rates/roll-up.ts). */
export const GROUP_BYS = [
  'sector',
  'ownershipType',
  'township',
  'industry',
  'instructor',
  'orgUnit',
] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

/** The denominator (应签): unionised open enterprises (the usual base) or all open ones. */
export const BASES = ['unionised', 'all'] as const;
export type Base = (typeof BASES)[number];

/** `signed`: signed and not expired/terminated; `in_force`: additionally taken effect. */
export const COVERAGE_STATUSES = ['signed', 'in_force'] as const;
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];

/** Target rate (fraction 0–1) per sector; sectors without one have no target. */
export type Targets = Partial<Record<Sector, number>>;

/** The key of the total row; never a group key of its own (it is reported apart, as `total`). */
export const TOTAL_GROUP = 'total';
