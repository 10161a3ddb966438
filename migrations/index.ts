import { CreateEnterprises1764000000000 } from './1764000000000-create-enterprises';
import { CreateUsersAndAudit1764000000001 } from './1764000000001-create-users-and-audit';
import { CreateNegotiations1764000000002 } from './1764000000002-create-negotiations';
import { CreateReminders1764000000003 } from './1764000000003-create-reminders';
import { ReportIndexes1764000000004 } from './1764000000004-report-indexes';
import { EnterpriseVersion1764000000005 } from './1764000000005-enterprise-version';
import { OrgUnits1764000000006 } from './1764000000006-org-units';
import { GapListIndex1764000000007 } from './1764000000007-gap-list-index';
import { Utf8mb41764000000008 } from './1764000000008-utf8mb4';
import { WorkLeases1764000000009 } from './1764000000009-work-leases';
import { RoundGuard1764000000010 } from './1764000000010-round-guard';
import { MembersAndCongress1764000000011 } from './1764000000011-members-and-congress';
import { Campaigns1764000000012 } from './1764000000012-campaigns';
import { WorkingDayCalendar1764000000013 } from './1764000000013-working-day-calendar';
import { ReportAggregates1764000000014 } from './1764000000014-report-aggregates';
import { DenseReportAggregates1764000000015 } from './1764000000015-dense-report-aggregates';
import { ReportValuesByBytes1764000000016 } from './1764000000016-report-values-by-bytes';
import { ReportDayCells1764000000017 } from './1764000000017-report-day-cells';

/** Every migration, oldest first. Listed as classes so the same list works from src and dist. */
export const MIGRATIONS = [
  CreateEnterprises1764000000000,
  CreateUsersAndAudit1764000000001,
  CreateNegotiations1764000000002,
  CreateReminders1764000000003,
  ReportIndexes1764000000004,
  EnterpriseVersion1764000000005,
  OrgUnits1764000000006,
  GapListIndex1764000000007,
  Utf8mb41764000000008,
  WorkLeases1764000000009,
  RoundGuard1764000000010,
  MembersAndCongress1764000000011,
  Campaigns1764000000012,
  WorkingDayCalendar1764000000013,
  ReportAggregates1764000000014,
  DenseReportAggregates1764000000015,
  ReportValuesByBytes1764000000016,
  ReportDayCells1764000000017,
];
