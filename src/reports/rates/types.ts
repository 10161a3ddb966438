/**
 * Plain rows the rate arithmetic works on, shaped as the database delivers them, and the
 * report parameters (domain.md, Signing rate; api.md, Reports). Dates are business dates
 * `YYYY-MM-DD`; being fixed-width, they compare correctly as strings.
 */
import type { BusinessDate } from '../../common/dates/business-date';
import type { OwnershipType, Sector } from '../../enterprises/domain/ownership';
import type { AgreementKind, Scope } from '../../negotiations/workflow/negotiation.types';

export interface EnterpriseRow {
  id: number;
  name: string;
  creditCode: string;
  ownershipType: OwnershipType;
  township: string;
  /** GB/T 4754 section letter A–T. */
  industry: string;
  /** Current headcount (domain.md: "used for coverage by employees"); not dated. */
  employeeCount: number;
  instructorId: number | null;
  /** 建会日期; null = no union yet. */
  unionFoundedOn: BusinessDate | null;
  registeredOn: BusinessDate | null;
  /** First day the enterprise is no longer open. */
  closedOn: BusinessDate | null;
}

export interface AgreementRow {
  id: number;
  negotiationId: number;
  agreementKind: AgreementKind;
  scope: Scope;
  signedOn: BusinessDate;
  /** null while the agreement has not taken effect (still under review). */
  effectiveOn: BusinessDate | null;
  /** First day the agreement no longer applies. */
  expiresOn: BusinessDate;
  /** First day the agreement no longer applies after an early termination. */
  terminatedOn: BusinessDate | null;
  /**
   * First day a signed text stopped counting because it was undone (review objection, round
   * abandoned); absent or null when it was not.
   */
  setAsideOn?: BusinessDate | null;
  /** As the agreement records it (domain.md, Agreements: "employees covered"). */
  coveredEmployees: number;
  wageIncreasePct: number | null;
  /** The employers it binds: one for `enterprise` scope, many for `regional`/`industry`. */
  enterpriseIds: number[];
}

export const GROUP_BYS = ['sector', 'ownershipType', 'township', 'industry', 'instructor'] as const;
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
