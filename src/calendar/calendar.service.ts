import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../access/actor';
import { Clock } from '../common/clock/clock';
import {
  workCalendarOf,
  yearOf,
  type CalendarYearData,
  type WorkCalendar,
} from '../common/dates/work-calendar';
import { writeTransaction } from '../database/transactions';
import { calendarDateProblems } from './calendar-dates';
import { CalendarYear } from './calendar-year.entity';
import { CalendarDatesError, CalendarYearNotFoundError } from './calendar.errors';
import type { CalendarYearResponse, CalendarYearsResponse } from './dto/calendar-year.response';
import type { PutCalendarYearDto } from './dto/put-calendar-year.dto';
import { readOfficialCalendar, type OfficialCalendar } from './official-calendar';

/**
 * Told, in the transaction that changes the calendar, that dates counted with it may now fall
 * elsewhere; answers how many stored dates it changed. The negotiations recount their deadlines.
 */
export type CalendarChangeListener = (
  manager: EntityManager,
  calendar: WorkCalendar,
  changedYears: number[],
) => Promise<number>;

/** `source` of a year an admin entered. */
export const ADMIN_SOURCE = 'admin';
/** How long an instance trusts its copy of the calendar before reading it again (another instance may have replaced a year). */
const CACHE_MS = 60_000;

/**
 * The official working-day calendar: the years in the database (seeded from the package on
 * start-up, or replaced by an admin) and, for a year missing there, the package's own data.
 * `current()` answers synchronously (the workflow's deadlines are computed in a pure step) from
 * a copy read at start-up and read again once it is a minute old or after a replacement.
 */
@Injectable()
export class CalendarService implements OnApplicationBootstrap {
  private readonly logger = new Logger(CalendarService.name);
  private readonly official: OfficialCalendar = readOfficialCalendar();
  private calendar: WorkCalendar = workCalendarOf(this.official.years);
  private loadedAt = 0;
  private refreshing: Promise<void> | null = null;
  private readonly listeners: CalendarChangeListener[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      const seeded = await this.seed();
      await this.refresh();
      if (seeded.length > 0) await this.changed(seeded);
    } catch (error) {
      // The package's years still count deadlines; the next read of the calendar tries again.
      this.logger.warn(
        `calendar not loaded at start: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** `listener` is called whenever a year is loaded or replaced (see CalendarChangeListener). */
  onChange(listener: CalendarChangeListener): void {
    this.listeners.push(listener);
  }

  /** The calendar to count with now; reads the database again in the background when the copy is old. */
  current(): WorkCalendar {
    if (Date.now() - this.loadedAt > CACHE_MS && this.refreshing === null) {
      this.refreshing = this.refresh()
        .catch((error: unknown) => this.logger.warn(`calendar not re-read: ${String(error)}`))
        .finally(() => (this.refreshing = null));
    }
    return this.calendar;
  }

  /** Reads the years again (after a replacement here; tests after truncating). */
  async refresh(): Promise<void> {
    const years = await this.allYears();
    this.calendar = workCalendarOf(years);
    this.loadedAt = Date.now();
  }

  /**
   * Loads the years the package knows: a year not stored yet, or stored from the package
   * (any version), is written with the package's data; a year an admin replaced is left alone.
   */
  async seed(): Promise<number[]> {
    const repository = this.dataSource.getRepository(CalendarYear);
    const stored = new Map((await repository.find()).map((row) => [row.year, row]));
    const written: number[] = [];
    for (const year of this.official.years) {
      const row = stored.get(year.year);
      if (row?.source === ADMIN_SOURCE) continue;
      const data = { holidays: JSON.stringify(year.holidays), workdays: JSON.stringify(year.workdays) };
      if (row !== undefined && row.source === this.official.source && row.holidays === data.holidays)
        continue;
      try {
        if (row === undefined) {
          await repository.insert({ year: year.year, source: this.official.source, ...data });
        } else {
          // Only a package year is refreshed: an admin may replace it between the read and here.
          await repository
            .createQueryBuilder()
            .update(CalendarYear)
            .set({ source: this.official.source, ...data })
            .where('year = :year AND source <> :admin', { year: year.year, admin: ADMIN_SOURCE })
            .execute();
        }
        written.push(year.year);
      } catch (error) {
        // Another instance seeding at the same time inserted it first: its data is the same.
        this.logger.debug(`calendar year ${year.year} not seeded here: ${String(error)}`);
      }
    }
    return written;
  }

  async list(): Promise<CalendarYearsResponse> {
    const stored = await this.dataSource.getRepository(CalendarYear).find({ order: { year: 'ASC' } });
    const years = new Map(stored.map((row) => [row.year, { year: row.year, source: row.source }]));
    for (const year of this.official.years) {
      if (!years.has(year.year)) years.set(year.year, { year: year.year, source: this.official.source });
    }
    // December: next year's arrangement is announced (usually in November); admins are asked to load it.
    const today = this.clock.today();
    const nextYear = yearOf(today) + 1;
    const loaded = years.has(nextYear);
    return {
      years: [...years.values()].sort((a, b) => a.year - b.year),
      officialSource: this.official.source,
      nextYear: { year: nextYear, loaded, remindToLoad: !loaded && today.slice(5, 7) === '12' },
    };
  }

  async get(year: number): Promise<CalendarYearResponse> {
    const row = await this.dataSource.getRepository(CalendarYear).findOneBy({ year });
    if (row !== null) return toResponse(row);
    const official = this.official.years.find((candidate) => candidate.year === year);
    if (official === undefined) throw new CalendarYearNotFoundError(year);
    return {
      year,
      source: this.official.source,
      holidays: [...official.holidays],
      workdays: [...official.workdays],
      updatedBy: null,
      updatedAt: null,
    };
  }

  /**
   * Replaces a year with an admin's arrangement; the package never overwrites it afterwards.
   * The dates counted with the calendar are recounted in the same transaction.
   */
  async replace(year: number, dto: PutCalendarYearDto, actor: Actor): Promise<CalendarYearResponse> {
    const problems = calendarDateProblems(year, dto.holidays, dto.workdays);
    if (problems.length > 0) throw new CalendarDatesError(problems);
    const row: CalendarYear = {
      year,
      source: ADMIN_SOURCE,
      holidays: JSON.stringify([...dto.holidays].sort()),
      workdays: JSON.stringify([...dto.workdays].sort()),
      updatedById: actor.id,
      updatedByName: actor.username,
      updatedAt: this.clock.now(),
    };
    const recounted = await writeTransaction(this.dataSource, async (manager) => {
      const repository = manager.getRepository(CalendarYear);
      await repository.delete({ year });
      await repository.insert(row);
      return this.recount(manager, [year]);
    });
    await this.refresh();
    return { ...toResponse(row), recountedDeadlines: recounted };
  }

  /** Years loaded from the package at start-up: what was counted without them (or with old data) is recounted. */
  private async changed(years: number[]): Promise<void> {
    const recounted = await writeTransaction(this.dataSource, (manager) => this.recount(manager, years));
    if (recounted > 0)
      this.logger.log(`calendar years ${years.join(', ')} loaded: ${recounted} deadline(s) recounted`);
  }

  private async recount(manager: EntityManager, years: number[]): Promise<number> {
    const calendar = workCalendarOf(await this.allYears(manager));
    let recounted = 0;
    for (const listener of this.listeners) recounted += await listener(manager, calendar, years);
    return recounted;
  }

  /** Whether the calendar holds `year` (the December reminder asks for next year). */
  knowsYear(year: number): boolean {
    return this.current().knowsYear(year);
  }

  private async allYears(manager: EntityManager = this.dataSource.manager): Promise<CalendarYearData[]> {
    const stored = await manager.getRepository(CalendarYear).find();
    const years: CalendarYearData[] = stored.map((row) => ({
      year: row.year,
      holidays: JSON.parse(row.holidays) as string[],
      workdays: JSON.parse(row.workdays) as string[],
    }));
    const storedYears = new Set(stored.map((row) => row.year));
    return [...years, ...this.official.years.filter((year) => !storedYears.has(year.year))];
  }
}

function toResponse(row: CalendarYear): CalendarYearResponse {
  return {
    year: row.year,
    source: row.source,
    holidays: JSON.parse(row.holidays) as string[],
    workdays: JSON.parse(row.workdays) as string[],
    updatedBy: row.updatedById === null ? null : { id: row.updatedById, username: row.updatedByName ?? '' },
    updatedAt: row.updatedAt === null ? null : new Date(row.updatedAt).toISOString(),
  };
}
