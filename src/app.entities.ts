import { AuditEntry } from './audit/audit-entry.entity';
import { LoginFailure } from './auth/login-failure.entity';
import { CalendarYear } from './calendar/calendar-year.entity';
import { Campaign } from './campaigns/campaign.entity';
import { CampaignItem } from './campaigns/campaign-item.entity';
import { Enterprise } from './enterprises/enterprise.entity';
import { MemberCountChange } from './enterprises/member-count-change.entity';
import { Agreement } from './negotiations/entities/agreement.entity';
import { Deadline } from './negotiations/entities/deadline.entity';
import { Negotiation } from './negotiations/entities/negotiation.entity';
import { NegotiationEnterprise } from './negotiations/entities/negotiation-enterprise.entity';
import { NegotiationEvent } from './negotiations/entities/negotiation-event.entity';
import { OrgUnit } from './org-units/org-unit.entity';
import { Reminder } from './reminders/reminder.entity';
import { User } from './users/user.entity';

/**
 * Every entity the app maps; migrations must create exactly these tables (see the schema test).
 * Listed here, beside the app module, because naming every feature's tables is the composition
 * root's job: `database/` stays below the features and imports none of them.
 */
export const ENTITIES = [
  OrgUnit,
  User,
  Enterprise,
  MemberCountChange,
  AuditEntry,
  LoginFailure,
  Negotiation,
  NegotiationEnterprise,
  NegotiationEvent,
  Deadline,
  Agreement,
  Reminder,
  Campaign,
  CampaignItem,
  CalendarYear,
];
