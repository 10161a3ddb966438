import { Injectable } from '@nestjs/common';
import { type Actor, SYSTEM_ACTOR } from '../access/actor';
import { scopeOf, UNRESTRICTED, withinUnits } from '../access/scope';
import { addDays, type BusinessDate } from '../common/dates/business-date';
import { SECTORS, type Sector } from '../enterprises/domain/ownership';
import { isOverdue } from '../negotiations/workflow/deadlines';
import { OrgUnitNotFoundError } from '../org-units/org-units.errors';
import { OrgUnitsRepository } from '../org-units/org-units.repository';
import { OrgUnitsService } from '../org-units/org-units.service';
import {
  type ReportUnit,
  ReportsService,
  type SigningRatesResult,
  type TargetGapsResult,
} from '../reports/reports.service';
import type { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { DEFAULT_HORIZONS, type DigestItem, digestItems, type UncoveredFact } from './digest/digest-items';
import { type InstructorDeadlineFact, ReminderFactsRepository } from './reminder-facts.repository';

/** What the digests and the agenda count: wage agreements signed, over unionised enterprises. */
const COVERAGE = { agreementKind: 'wage', base: 'unionised', status: 'signed' } as const;

/**
 * The summary names the ten largest uncovered enterprises of the sectors with a target
 * (mail-models.ts, summaryModel): the first ten of each sector hold them.
 */
const SUMMARY_GAPS = 10;

/** One instructor's digest: who would get it and what it would list. */
export interface DigestFacts {
  recipient: User;
  /** The name of the recipient's unit; null without one. */
  unitName: string | null;
  items: DigestItem[];
}

/** An instructor's negotiations overdue or stalled on the slot's day. */
export interface InstructorWorkload {
  id: number;
  overdue: number;
  stalled: number;
}

/** An uncovered enterprise of a sector that has a target. */
export type TargetGap = TargetGapsResult['items'][number] & { sector: Sector };

/**
 * What the supervisors' weekly summary of one unit reports, the same for every supervisor of
 * that unit (docs/domain.md, Reminders: each supervisor gets the summary of the unit they govern).
 */
export interface SummaryFacts {
  recipients: User[];
  /** The unit summarised (the recipients' unit); null: the whole deployment of several roots. */
  unit: ReportUnit | null;
  /** Signing rates by sector. */
  rates: SigningRatesResult;
  /** Display names of the instructors, by id. */
  instructorNames: Map<number, string>;
  /** Every instructor (in the order of instructorNames), with or without late work in the unit. */
  workloads: InstructorWorkload[];
  /**
   * The largest uncovered enterprises of the sectors with a target (SUMMARY_GAPS of each sector),
   * largest first.
   */
  gaps: TargetGap[];
}

/**
 * Gathers what the reminders tell (docs/domain.md, Reminders): who gets a digest or the summary,
 * what is due per instructor, and the report figures, read set-wise (one set of queries per
 * slot, not per user). The report figures come through ReportsService, as the reports show
 * them. Builds no mail: the web agenda reads the same facts.
 */
@Injectable()
export class ReminderGatherer {
  constructor(
    private readonly facts: ReminderFactsRepository,
    private readonly reports: ReportsService,
    private readonly users: UsersService,
    private readonly units: OrgUnitsRepository,
    private readonly orgUnits: OrgUnitsService,
  ) {}

  /** Each instructor who wants the digest, with what it lists on `slotDate` (maybe nothing). */
  async digestFacts(slotDate: BusinessDate): Promise<DigestFacts[]> {
    const recipients = await this.facts.recipients('instructor');
    if (recipients.length === 0) return [];
    const deadlines = await this.facts.deadlinesUntil(addDays(slotDate, DEFAULT_HORIZONS.expiringWithinDays));
    const uncovered = await this.reports.uncovered({ asOf: slotDate, ...COVERAGE });
    const deadlinesOf = groupBy(deadlines, (fact) => fact.instructorId);
    const uncoveredOf = groupBy(uncovered, (e) => e.instructorId);
    const unitIds = [
      ...new Set(recipients.map((r) => r.orgUnitId).filter((id): id is number => id !== null)),
    ];
    const unitNames = new Map((await this.units.findByIds(unitIds)).map((unit) => [unit.id, unit.name]));
    return recipients.map((recipient) => ({
      recipient,
      unitName: recipient.orgUnitId === null ? null : (unitNames.get(recipient.orgUnitId) ?? null),
      items: digestItems(
        deadlinesOf.get(recipient.id) ?? [],
        uncoveredFacts(uncoveredOf.get(recipient.id) ?? []),
        slotDate,
      ),
    }));
  }

  /**
   * What one instructor's digest would list on `date`, whether or not they get the mail
   * (the web workbench shows the same items).
   */
  async agenda(instructor: Actor, date: BusinessDate): Promise<DigestItem[]> {
    const scope = scopeOf(instructor);
    const deadlines = await this.facts.deadlinesUntil(
      addDays(date, DEFAULT_HORIZONS.expiringWithinDays),
      scope,
    );
    const uncovered = await this.reports.uncovered({ asOf: date, ...COVERAGE, scope });
    return digestItems(deadlines, uncoveredFacts(uncovered), date);
  }

  /**
   * The summaries on `slotDate`: one per unit that supervisors who want it belong to (a
   * supervisor without a unit: the whole deployment), each with its recipients and the figures
   * of that unit's subtree, as the reports of that unit show them. None when no supervisor wants it.
   */
  async summaryFacts(slotDate: BusinessDate): Promise<SummaryFacts[]> {
    const recipients = await this.facts.recipients('supervisor');
    if (recipients.length === 0) return [];
    const instructorNames = await this.users.displayNames('instructor');
    const summaries: SummaryFacts[] = [];
    for (const [unitId, unitRecipients] of groupBy(recipients, (r) => r.orgUnitId)) {
      const summary = await this.unitSummary(unitId, slotDate, instructorNames);
      if (summary) summaries.push({ recipients: unitRecipients, ...summary });
    }
    return summaries;
  }

  /** The summary of one unit (null: the whole deployment); null when the unit is gone. */
  private async unitSummary(
    unitId: number | null,
    slotDate: BusinessDate,
    instructorNames: Map<number, string>,
  ): Promise<Omit<SummaryFacts, 'recipients'> | null> {
    const query = { asOf: slotDate, ...COVERAGE, ...(unitId === null ? {} : { orgUnitId: unitId }) };
    let rates: SigningRatesResult;
    try {
      rates = await this.reports.signingRates({ ...query, groupBy: 'sector' }, SYSTEM_ACTOR);
    } catch (error) {
      if (error instanceof OrgUnitNotFoundError) return null;
      throw error;
    }
    const scope =
      unitId === null ? UNRESTRICTED : withinUnits(UNRESTRICTED, await this.orgUnits.governedUnitIds(unitId));
    const deadlines = await this.facts.deadlinesUntil(slotDate, scope);
    const workloads = workloadsOf([...instructorNames.keys()], deadlines, slotDate);
    const gaps: TargetGap[] = [];
    for (const sector of SECTORS) {
      const result = await this.reports.targetGaps(
        { ...query, sector, page: 1, pageSize: SUMMARY_GAPS },
        SYSTEM_ACTOR,
      );
      if (result.target === null) continue; // only the sectors with a target
      gaps.push(...result.items.map((item) => ({ ...item, sector })));
    }
    gaps.sort((a, b) => b.employeeCount - a.employeeCount || a.enterpriseId - b.enterpriseId);
    return { unit: rates.orgUnit, rates, instructorNames, workloads, gaps };
  }
}

/** Per instructor, how many of their negotiations are overdue and how many stalled on `day`. */
function workloadsOf(
  instructorIds: readonly number[],
  deadlines: readonly InstructorDeadlineFact[],
  day: BusinessDate,
): InstructorWorkload[] {
  return instructorIds.map((id) => {
    const mine = deadlines.filter((d) => d.instructorId === id);
    const count = (predicate: (d: InstructorDeadlineFact) => boolean) =>
      new Set(mine.filter(predicate).map((d) => d.negotiationId)).size;
    return {
      id,
      // Overdue as the negotiation list's overdue=true and each deadline's `overdue` say.
      overdue: count((d) => isOverdue(d, day)),
      stalled: count((d) => d.kind === 'stalled' && d.dueOn <= day),
    };
  });
}

/** Items by key, in one pass: a county's facts are split per recipient without scanning them per recipient. */
function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** The report's uncovered enterprises as the digest's facts. */
function uncoveredFacts(
  rows: ReadonlyArray<{
    id: number;
    name: string;
    creditCode: string;
    township: string;
    employeeCount: number;
  }>,
): UncoveredFact[] {
  return rows.map(({ id, name, creditCode, township, employeeCount }) => ({
    id,
    name,
    creditCode,
    township,
    employeeCount,
  }));
}
