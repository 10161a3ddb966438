import { AtomicImportRefused } from './atomic-import';
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock/clock';
import { fieldRuleZh } from './row-messages-zh';
import {
  closesBeforeRegistered,
  congressDatesChanged,
  registeredOnProblem,
  unionDatesChanged,
  unionFoundedOnProblem,
  workersCongressOnProblem,
} from '../enterprises/domain/enterprise-dates';
import { isUniqueViolation } from '../database/database-errors';
import { cleanText } from '../common/text/plain-text';
import { ENTERPRISE_FIELDS } from '../enterprises/domain/enterprise-fields';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { auditCreated, auditDiff } from '../audit/audit-diff';
import type { AuditChanges } from '../audit/audit-entry.entity';
import type { Actor } from '../access/actor';
import { PlannerStatistics } from '../database/planner-statistics';
import { writeTransaction } from '../database/transactions';
import { CreateEnterpriseDto } from '../enterprises/dto/create-enterprise.dto';
import { Enterprise } from '../enterprises/enterprise.entity';
import { EnterprisesRepository } from '../enterprises/enterprises.repository';
import { UsersService } from '../users/users.service';
import { inScope, scopeOf } from '../access/scope';
import { type Placement, TownshipResolver } from '../enterprises/township-resolver';
import { badRowsWorkbook } from './bad-rows';
import {
  codeTextOf,
  COUNT_FIELDS,
  countOf,
  DATE_FIELDS,
  dateOf,
  ENTERPRISE_COLUMNS,
  type EnterpriseColumn,
  mapHeaders,
  ownershipTypeOf,
  ROSTER_HEADER,
  textOf,
} from './enterprise-columns';
import { type ImportResult, type ImportRowError, rowError } from './import-result';
import { readSpreadsheet, type CellValue, type Sheet, type SheetRow } from './spreadsheet';

export interface ImportOptions {
  dryRun?: boolean;
  atomic?: boolean;
  /** Called as rows are checked and written (the CLI's progress bar); the total is not known ahead. */
  progress?: (done: number, total: number) => void;
}

/** Rows are checked, compared with the database and written this many at a time. */
// (TypeORM reads back generated columns with one OR per inserted row; SQLite stops at 1000.)
const BATCH = 500;

interface CheckedRow {
  fields: Partial<Enterprise>;
  raw: SheetRow;
  /** A township to create when the batch is written (a new name in a one-county deployment). */
  newTownship?: Placement;
}

/** Active instructors by username, with their unit. */
type Instructors = Map<string, { id: number; orgUnitId: number | null }>;

/** Where the rows' townships were found, by code (`#…`) or name: looked up once per import. */
type Placements = Map<string, Placement>;

/** What an import run has found so far. */
interface Tally {
  created: number;
  updated: number;
  unchanged: number;
  errors: ImportRowError[];
  badRows: SheetRow[];
  /** Credit code → the row that had it first, to refuse a second row with the same code. */
  seen: Map<string, number>;
  rows: number;
  placements: Placements;
}

/** What one batch came to, counted into the tally once it is written. */
interface BatchOutcome {
  created: number;
  updated: number;
  unchanged: number;
  errors: ImportRowError[];
  badRows: SheetRow[];
}

interface BatchPlan {
  toCreate: Enterprise[];
  /** A stored enterprise as compared (its version) and what the row changes in it. */
  toUpdate: { before: Enterprise; changes: AuditChanges }[];
  outcome: BatchOutcome;
}

/** A batch meeting simultaneous writes of the same enterprises is compared again this many times at most. */
const MAX_BATCH_ATTEMPTS = 4;

/** Thrown inside a batch's savepoint when an enterprise it updates was changed since it was compared. */
class ChangedMeanwhile extends Error {}

function newTally(): Tally {
  return {
    created: 0,
    updated: 0,
    unchanged: 0,
    errors: [],
    badRows: [],
    seen: new Map(),
    rows: 0,
    placements: new Map(),
  };
}

/** Counts a batch into the tally once it is written (or, on a dry run, compared). */
function count(tally: Tally, outcome: BatchOutcome): void {
  tally.created += outcome.created;
  tally.updated += outcome.updated;
  tally.unchanged += outcome.unchanged;
  tally.errors.push(...outcome.errors);
  tally.badRows.push(...outcome.badRows);
}

/**
 * The roster import: every row checked with the same rules as the API (the create DTO),
 * then upserted by credit code: new → created, different → updated (audited), same →
 * unchanged. Rows are read, checked and written a batch at a time, so a large workbook never
 * sits whole in memory. Bad rows are reported by row and column; by default the good ones
 * are applied, `atomic` runs everything in one transaction and rolls it back if any row is
 * bad, `dryRun` writes nothing.
 */
@Injectable()
export class EnterpriseImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly enterprises: EnterprisesRepository,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly statistics: PlannerStatistics,
    private readonly townships: TownshipResolver,
  ) {}

  async import(
    content: Buffer,
    filename: string,
    actor: Actor,
    options: ImportOptions = {},
  ): Promise<ImportResult> {
    let sheet = await readSpreadsheet(content, filename, ROSTER_HEADER);
    const columns = mapHeaders(sheet.headers);
    const instructorIds = await this.users.activeInstructors();
    let tally = newTally();

    // Where each batch is written: nowhere (dry run), its own transaction, or the one of an atomic import.
    let applied = !options.dryRun;
    if (options.dryRun) {
      await this.eachBatch(sheet, columns, instructorIds, tally, actor, options, async (batch) =>
        count(tally, (await this.compare(batch, undefined, sheet, columns, actor)).outcome),
      );
    } else if (options.atomic) {
      let attempts = 0;
      try {
        await writeTransaction(this.dataSource, async (manager) => {
          // A deadlock victim is run again by writeTransaction, its writes rolled back: the
          // retry starts over from the file's first row with nothing counted (the rows of the
          // first attempt were read from a stream that is spent now).
          if (attempts++ > 0) {
            sheet = await readSpreadsheet(content, filename, ROSTER_HEADER);
            tally = newTally();
          }
          await this.eachBatch(sheet, columns, instructorIds, tally, actor, options, async (batch) =>
            count(tally, await this.writeBatch(batch, manager, actor, sheet, columns)),
          );
          if (tally.errors.length > 0) throw new AtomicImportRefused();
        });
      } catch (error) {
        if (!(error instanceof AtomicImportRefused)) throw error;
        applied = false;
      }
    } else {
      // Counted once its transaction is committed: a retried transaction is not counted twice.
      await this.eachBatch(sheet, columns, instructorIds, tally, actor, options, async (batch) =>
        count(
          tally,
          await writeTransaction(this.dataSource, (manager) =>
            this.writeBatch(batch, manager, actor, sheet, columns),
          ),
        ),
      );
    }

    // A roster can change the table manyfold: the reports' plans need statistics of what is there now.
    if (applied && tally.created + tally.updated > 0) await this.statistics.refresh('import');

    const errors = tally.errors.sort((a, b) => a.row - b.row);
    const refused = !applied && !options.dryRun;
    return {
      created: refused ? 0 : tally.created,
      updated: refused ? 0 : tally.updated,
      unchanged: refused ? 0 : tally.unchanged,
      errors,
      dryRun: !applied,
      applied,
      ...(errors.length > 0
        ? {
            badRowsXlsx: (
              await badRowsWorkbook(
                { headers: sheet.headers, rows: tally.badRows.sort((a, b) => a.row - b.row) },
                errors,
              )
            ).toString('base64'),
          }
        : {}),
    };
  }

  private async eachBatch(
    sheet: Sheet,
    columns: Map<EnterpriseColumn, number>,
    instructorIds: Instructors,
    tally: Tally,
    actor: Actor,
    options: ImportOptions,
    handle: (batch: CheckedRow[]) => Promise<void>,
  ): Promise<void> {
    let batch: CheckedRow[] = [];
    for await (const sheetRow of sheet.rows) {
      tally.rows += 1;
      const checked = await this.check(sheetRow, sheet, columns, instructorIds, tally, actor);
      if (checked) batch.push(checked);
      if (batch.length >= BATCH) {
        await handle(batch);
        batch = [];
        options.progress?.(tally.rows, tally.rows);
      }
    }
    if (batch.length > 0) await handle(batch);
    options.progress?.(tally.rows, tally.rows);
  }

  /** One row as the create DTO would see it, checked by the same rules; null (and reported) if bad. */
  private async check(
    sheetRow: SheetRow,
    sheet: Sheet,
    columns: Map<EnterpriseColumn, number>,
    instructorIds: Instructors,
    tally: Tally,
    actor: Actor,
  ): Promise<CheckedRow | null> {
    const rowErrors: ImportRowError[] = [];
    const plain: Record<string, unknown> = {};
    let placement: Placement | undefined;
    for (const [field, position] of columns) {
      const cell = sheetRow.cells[position] ?? null;
      const header = sheet.headers[position];
      if (field === 'orgUnitCode') {
        if (cell === null || cleanText(String(cell)) === '') continue;
        const code = codeTextOf(cell);
        placement = await this.placed(tally, `#${code}`, () => this.townships.byCode(code, actor));
        if ('problem' in placement)
          rowErrors.push(
            rowError(
              sheetRow.row,
              header,
              code,
              'no township unit you govern has this code',
              placement.problem.message,
            ),
          );
        continue;
      }
      if (field === 'instructor') {
        if (cell === null) plain.instructorId = null;
        else if (!instructorIds.has(codeTextOf(cell))) {
          rowErrors.push(
            rowError(
              sheetRow.row,
              header,
              codeTextOf(cell),
              'no active instructor has this username',
              '该账号不存在、已停用或不是指导员',
            ),
          );
        } else plain.instructorId = instructorIds.get(codeTextOf(cell))!.id;
        continue;
      }
      plain[field] = convert(field, cell);
    }
    if (placement && 'unit' in placement) {
      const named = typeof plain.township === 'string' ? cleanText(plain.township) : '';
      if (named === '') plain.township = placement.unit.name;
      else if (named !== placement.unit.name)
        rowErrors.push(
          rowError(
            sheetRow.row,
            columnHeader(sheet, columns, 'township'),
            named,
            `the township does not match the unit of 区划代码 (${placement.unit.name})`,
            `乡镇（街道）与区划代码所指的${placement.unit.name}不符`,
          ),
        );
    }
    const dto = plainToInstance(CreateEnterpriseDto, plain);
    for (const problem of await validate(dto, {
      whitelist: true,
      forbidNonWhitelisted: true,
      stopAtFirstError: true,
    })) {
      // A township missing beside a 区划代码 that was refused: the code's error says it all.
      if (problem.property === 'township' && placement && plain.township === undefined) continue;
      const field =
        problem.property === 'instructorId' ? 'instructor' : (problem.property as EnterpriseColumn);
      const header = columnHeader(sheet, columns, field);
      const message = Object.values(problem.constraints ?? {})[0] ?? 'is not valid';
      rowErrors.push(
        rowError(
          sheetRow.row,
          header,
          problem.value,
          columns.has(field) ? message : `the column ${header} is missing`,
          columns.has(field) ? fieldRuleZh(problem.property, problem.value) : `文件缺少“${header}”列`,
        ),
      );
    }
    if (rowErrors.length === 0 && placement === undefined && typeof dto.township === 'string') {
      const name = dto.township;
      placement = await this.placed(tally, name, () => this.townships.byName(name, actor));
      if ('problem' in placement)
        rowErrors.push(
          rowError(
            sheetRow.row,
            columnHeader(sheet, columns, 'township'),
            name,
            'no single township you govern has this name',
            placement.problem.message,
          ),
        );
    }
    if (rowErrors.length === 0 && placement && dto.instructorId) {
      const instructor = [...instructorIds.values()].find(({ id }) => id === dto.instructorId);
      const township = 'unit' in placement ? placement.unit : 'county' in placement ? placement.county : null;
      if (instructor && township && !this.townships.covers(instructor.orgUnitId, township))
        rowErrors.push(
          rowError(
            sheetRow.row,
            columnHeader(sheet, columns, 'instructor'),
            codeTextOf(sheetRow.cells[columns.get('instructor')!] ?? ''),
            'the instructor’s unit does not cover this township',
            `该指导员所在单位不管辖${dto.township}`,
          ),
        );
    }
    const code = typeof dto.creditCode === 'string' ? dto.creditCode : '';
    if (rowErrors.length === 0 && tally.seen.has(code)) {
      rowErrors.push(
        rowError(
          sheetRow.row,
          columnHeader(sheet, columns, 'creditCode'),
          code,
          `the same credit code is on row ${tally.seen.get(code)}`,
          `与第 ${tally.seen.get(code)} 行的统一社会信用代码重复`,
        ),
      );
    }
    if (rowErrors.length > 0) {
      tally.errors.push(...rowErrors);
      tally.badRows.push(sheetRow);
      return null;
    }
    tally.seen.set(code, sheetRow.row);
    const fields = onlyGiven(dto, columns);
    if (placement && 'unit' in placement) {
      fields.orgUnitId = placement.unit.id;
      fields.township = placement.unit.name;
    }
    return {
      fields,
      raw: sheetRow,
      ...(placement && 'newTownship' in placement ? { newTownship: placement } : {}),
    };
  }

  /** A township looked up once per import (by `#code` or name). */
  private async placed(tally: Tally, key: string, find: () => Promise<Placement>): Promise<Placement> {
    let placement = tally.placements.get(key);
    if (!placement) {
      placement = await find();
      tally.placements.set(key, placement);
    }
    return placement;
  }

  /**
   * Compares and writes one batch in a savepoint. Another import running at the same time may
   * insert some of the same new credit codes first (MySQL/MariaDB; SQLite runs writes one at
   * a time): the unique index refuses ours, the savepoint is rolled back and the batch is
   * compared again, now finding those enterprises to update or leave unchanged. Likewise when
   * someone else (a PATCH, another import) changed an enterprise after it was compared: its
   * update is written only at the version compared (MySQL/MariaDB read without locks, at READ
   * COMMITTED), so the batch is compared again with the fresh row rather than undoing that
   * change. Never a 500.
   */
  private async writeBatch(
    batch: CheckedRow[],
    manager: EntityManager,
    actor: Actor,
    sheet: Sheet,
    columns: Map<EnterpriseColumn, number>,
  ): Promise<BatchOutcome> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await manager.transaction(async (savepoint) => {
          // New townships (a one-county deployment) are created with the batch, and again on a retry.
          for (const candidate of batch)
            if (candidate.newTownship)
              candidate.fields.orgUnitId = (
                await this.townships.place(candidate.newTownship, savepoint, actor)
              ).id;
          const plan = await this.compare(batch, savepoint, sheet, columns, actor);
          await this.write(plan, savepoint, actor);
          return plan.outcome;
        });
      } catch (error) {
        const clash = isUniqueViolation(error)
          ? 'created'
          : error instanceof ChangedMeanwhile
            ? 'changed'
            : null;
        if (!clash) throw error;
        if (attempt >= MAX_BATCH_ATTEMPTS) return takenMeanwhile(batch, sheet, columns, clash);
      }
    }
  }

  /** What each row of a batch becomes against the stored enterprises: created, updated, unchanged or refused. */
  private async compare(
    batch: CheckedRow[],
    manager: EntityManager | undefined,
    sheet: Sheet,
    columns: Map<EnterpriseColumn, number>,
    actor: Actor,
  ): Promise<BatchPlan> {
    const existing = new Map(
      (
        await this.enterprises.findByCreditCodes(
          batch.map((c) => c.fields.creditCode!),
          manager,
        )
      ).map((e) => [e.creditCode, e]),
    );
    const plan: BatchPlan = {
      toCreate: [],
      toUpdate: [],
      outcome: { created: 0, updated: 0, unchanged: 0, errors: [], badRows: [] },
    };
    const today = this.clock.today();
    for (const candidate of batch) {
      const current = existing.get(candidate.fields.creditCode!);
      const merged = Object.assign(new Enterprise(), current ?? emptyEnterprise(), candidate.fields);
      const problem = datesProblem(current, merged, today);
      if (current && !inScope(scopeOf(actor), current)) {
        // Another unit's enterprise: not to be changed (nor told apart from a taken code).
        plan.outcome.errors.push(
          rowError(
            candidate.raw.row,
            columnHeader(sheet, columns, 'creditCode'),
            current.creditCode,
            'an enterprise outside your units has this credit code',
            '该统一社会信用代码已属于您管辖范围以外的企业',
          ),
        );
        plan.outcome.badRows.push(candidate.raw);
      } else if (problem) {
        plan.outcome.errors.push(
          rowError(
            candidate.raw.row,
            columnHeader(sheet, columns, problem.field),
            merged[problem.field],
            problem.en,
            problem.zh,
          ),
        );
        plan.outcome.badRows.push(candidate.raw);
      } else if (!current) plan.toCreate.push(merged);
      else {
        const changes = auditDiff(current, merged, ENTERPRISE_FIELDS);
        if (Object.keys(changes).length > 0) plan.toUpdate.push({ before: current, changes });
        else plan.outcome.unchanged += 1;
      }
    }
    plan.outcome.created = plan.toCreate.length;
    plan.outcome.updated = plan.toUpdate.length;
    return plan;
  }

  private async write(plan: BatchPlan, manager: EntityManager, actor: Actor): Promise<void> {
    const { toCreate, toUpdate } = plan;
    // Member counts are recorded on the day of the import (the enterprises' write path records them).
    const recordedOn = this.clock.today();
    if (toCreate.length > 0) {
      const created = await this.enterprises.insertMany(toCreate, manager, recordedOn);
      await this.audit.recordMany(
        manager,
        actor,
        created.map((e) => ({
          action: 'enterprise.import.create',
          entityType: 'enterprise',
          entityId: e.id,
          changes: auditCreated(e, ENTERPRISE_FIELDS),
        })),
      );
    }
    // Only the fields the row changes, at the version compared: never a stale value of another field.
    for (const { before, changes } of toUpdate) {
      const changed = Object.fromEntries(
        Object.entries(changes).map(([field, { to }]) => [field, to]),
      ) as Partial<Enterprise>;
      if (!(await this.enterprises.updateAtVersion(manager, before, changed, recordedOn)))
        throw new ChangedMeanwhile();
    }
    await this.audit.recordMany(
      manager,
      actor,
      toUpdate.map(({ before, changes }) => ({
        action: 'enterprise.import.update',
        entityType: 'enterprise',
        entityId: before.id,
        changes,
      })),
    );
  }
}

/**
 * The first date rule a row breaks, under the column to correct: registeredOn not after today,
 * closedOn not before registeredOn, unionFoundedOn and workersCongressOn (enterprise-dates.ts).
 * Dates of a stored enterprise are judged when the row changes them, as in the API.
 */
function datesProblem(
  current: Enterprise | undefined,
  merged: Enterprise,
  today: string,
): {
  field: 'registeredOn' | 'closedOn' | 'unionFoundedOn' | 'workersCongressOn';
  en: string;
  zh: string;
} | null {
  const registered =
    !current || current.registeredOn !== merged.registeredOn
      ? registeredOnProblem(merged.registeredOn, today)
      : null;
  if (registered) return { field: 'registeredOn', ...registered };
  if (closesBeforeRegistered(merged)) {
    return {
      field: 'closedOn',
      en: `must not be before 成立日期 ${merged.registeredOn}`,
      zh: `注销日期不能早于成立日期 ${merged.registeredOn}`,
    };
  }
  const union = !current || unionDatesChanged(current, merged) ? unionFoundedOnProblem(merged, today) : null;
  if (union) return { field: 'unionFoundedOn', ...union };
  const congress =
    !current || congressDatesChanged(current, merged) ? workersCongressOnProblem(merged, today) : null;
  return congress ? { field: 'workersCongressOn', ...congress } : null;
}

/** Why a batch's rows must be imported again: [English, Chinese]. */
const CLASH_MESSAGES = {
  created: [
    'another import was writing the same enterprises at the same time: import the file again',
    '另一次导入正在同时写入相同的企业，请稍后重新导入该文件',
  ],
  changed: [
    'someone else kept changing these enterprises while they were imported: import the file again',
    '导入时这些企业正被他人修改，请稍后重新导入该文件',
  ],
} as const;

/**
 * A batch that kept meeting simultaneous writes: other imports creating the same new codes, or
 * others changing the same enterprises. Its rows, to import again.
 */
function takenMeanwhile(
  batch: CheckedRow[],
  sheet: Sheet,
  columns: Map<EnterpriseColumn, number>,
  clash: keyof typeof CLASH_MESSAGES,
): BatchOutcome {
  const [message, messageZh] = CLASH_MESSAGES[clash];
  return {
    created: 0,
    updated: 0,
    unchanged: 0,
    errors: batch.map((candidate) =>
      rowError(
        candidate.raw.row,
        columnHeader(sheet, columns, 'creditCode'),
        candidate.fields.creditCode,
        message,
        messageZh,
      ),
    ),
    badRows: batch.map((candidate) => candidate.raw),
  };
}

function convert(field: EnterpriseColumn, cell: CellValue): unknown {
  // A cell of spaces or invisible characters only is an empty cell.
  if (cell === null || (typeof cell === 'string' && cleanText(cell) === '')) {
    return ['community', 'memberCount', ...DATE_FIELDS].includes(field) ? null : undefined;
  }
  if (DATE_FIELDS.includes(field)) return dateOf(cell);
  if (COUNT_FIELDS.includes(field)) return countOf(cell);
  if (field === 'ownershipType') return ownershipTypeOf(textOf(cell));
  if (field === 'creditCode' || field === 'industry') return codeTextOf(cell);
  return textOf(cell); // names and places: the DTO cleans them (full-width parentheses belong to a name)
}

/** The DTO's values for the columns the file has (a missing column leaves the stored value alone). */
function onlyGiven(dto: CreateEnterpriseDto, columns: Map<EnterpriseColumn, number>): Partial<Enterprise> {
  const fields: Partial<Enterprise> = {};
  for (const field of ENTERPRISE_FIELDS) {
    if (field === 'orgUnitId') continue; // from the township's placement (check)
    const column: EnterpriseColumn = field === 'instructorId' ? 'instructor' : field;
    if (columns.has(column))
      (fields as Record<string, unknown>)[field] = (dto as unknown as Record<string, unknown>)[field] ?? null;
  }
  return fields;
}

function emptyEnterprise(): Partial<Enterprise> {
  return {
    community: null,
    unionFoundedOn: null,
    instructorId: null,
    registeredOn: null,
    closedOn: null,
    memberCount: null,
    workersCongressOn: null,
  };
}

function columnHeader(sheet: Sheet, columns: Map<EnterpriseColumn, number>, field: EnterpriseColumn): string {
  return columns.has(field) ? sheet.headers[columns.get(field)!] : columnLabel(field);
}

function columnLabel(field: EnterpriseColumn): string {
  return ENTERPRISE_COLUMNS.find((c) => c.field === field)?.zh ?? field;
}
