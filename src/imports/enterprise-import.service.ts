import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock/clock';
import { fieldRuleZh } from './row-messages-zh';
import {
  closesBeforeRegistered,
  unionDatesChanged,
  unionFoundedOnProblem,
} from '../enterprises/domain/enterprise-dates';
import { ENTERPRISE_FIELDS } from '../enterprises/domain/enterprise-fields';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { auditCreated, auditDiff } from '../audit/audit-diff';
import type { Actor } from '../auth/actor';
import { PlannerStatistics } from '../database/planner-statistics';
import { writeTransaction } from '../database/transactions';
import { CreateEnterpriseDto } from '../enterprises/dto/create-enterprise.dto';
import { Enterprise } from '../enterprises/enterprise.entity';
import { EnterprisesRepository } from '../enterprises/enterprises.repository';
import { UsersService } from '../users/users.service';
import { badRowsWorkbook } from './bad-rows';
import {
  countOf,
  DATE_FIELDS,
  dateOf,
  ENTERPRISE_COLUMNS,
  type EnterpriseColumn,
  isEnterpriseHeader,
  mapHeaders,
  ownershipTypeOf,
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
}

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
}

/** Thrown inside an atomic import's transaction to roll it back when a row was bad. */
class AtomicImportRefused extends Error {}

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
  ) {}

  async import(
    content: Buffer,
    filename: string,
    actor: Actor,
    options: ImportOptions = {},
  ): Promise<ImportResult> {
    const sheet = await readSpreadsheet(content, filename, isEnterpriseHeader);
    const columns = mapHeaders(sheet.headers);
    const instructorIds = await this.users.activeInstructorIds();
    const tally: Tally = {
      created: 0,
      updated: 0,
      unchanged: 0,
      errors: [],
      badRows: [],
      seen: new Map(),
      rows: 0,
    };

    // Where each batch is written: nowhere (dry run), its own transaction, or the one of an atomic import.
    let applied = !options.dryRun;
    if (options.dryRun) {
      await this.eachBatch(sheet, columns, instructorIds, tally, options, (batch) =>
        this.apply(batch, tally, null, actor, sheet, columns),
      );
    } else if (options.atomic) {
      try {
        await writeTransaction(this.dataSource, async (manager) => {
          await this.eachBatch(sheet, columns, instructorIds, tally, options, (batch) =>
            this.apply(batch, tally, manager, actor, sheet, columns),
          );
          if (tally.errors.length > 0) throw new AtomicImportRefused();
        });
      } catch (error) {
        if (!(error instanceof AtomicImportRefused)) throw error;
        applied = false;
      }
    } else {
      await this.eachBatch(sheet, columns, instructorIds, tally, options, (batch) =>
        writeTransaction(this.dataSource, (manager) =>
          this.apply(batch, tally, manager, actor, sheet, columns),
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
    instructorIds: Map<string, number>,
    tally: Tally,
    options: ImportOptions,
    handle: (batch: CheckedRow[]) => Promise<void>,
  ): Promise<void> {
    let batch: CheckedRow[] = [];
    for await (const sheetRow of sheet.rows) {
      tally.rows += 1;
      const checked = await this.check(sheetRow, sheet, columns, instructorIds, tally);
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
    instructorIds: Map<string, number>,
    tally: Tally,
  ): Promise<CheckedRow | null> {
    const rowErrors: ImportRowError[] = [];
    const plain: Record<string, unknown> = {};
    for (const [field, position] of columns) {
      const cell = sheetRow.cells[position] ?? null;
      const header = sheet.headers[position];
      if (field === 'instructor') {
        if (cell === null) plain.instructorId = null;
        else if (!instructorIds.has(textOf(cell))) {
          rowErrors.push(
            rowError(
              sheetRow.row,
              header,
              textOf(cell),
              'no active instructor has this username',
              '该账号不存在、已停用或不是指导员',
            ),
          );
        } else plain.instructorId = instructorIds.get(textOf(cell));
        continue;
      }
      plain[field] = convert(field, cell);
    }
    const dto = plainToInstance(CreateEnterpriseDto, plain);
    for (const problem of await validate(dto, {
      whitelist: true,
      forbidNonWhitelisted: true,
      stopAtFirstError: true,
    })) {
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
    return { fields: onlyGiven(dto, columns), raw: sheetRow };
  }

  /** Compares a batch with the database and, given a transaction, writes it with its audit rows. */
  private async apply(
    batch: CheckedRow[],
    tally: Tally,
    manager: EntityManager | null,
    actor: Actor,
    sheet: Sheet,
    columns: Map<EnterpriseColumn, number>,
  ): Promise<void> {
    const existing = new Map(
      (
        await this.enterprises.findByCreditCodes(
          batch.map((c) => c.fields.creditCode!),
          manager ?? undefined,
        )
      ).map((e) => [e.creditCode, e]),
    );
    const toCreate: Enterprise[] = [];
    const toUpdate: { before: Enterprise; after: Enterprise }[] = [];
    for (const candidate of batch) {
      const current = existing.get(candidate.fields.creditCode!);
      const merged = Object.assign(new Enterprise(), current ?? emptyEnterprise(), candidate.fields);
      const unionProblem =
        !current || unionDatesChanged(current, merged)
          ? unionFoundedOnProblem(merged, this.clock.today())
          : null;
      if (closesBeforeRegistered(merged)) {
        tally.errors.push(
          rowError(
            candidate.raw.row,
            columnHeader(sheet, columns, 'closedOn'),
            merged.closedOn,
            `must not be before 成立日期 ${merged.registeredOn}`,
            `注销日期不能早于成立日期 ${merged.registeredOn}`,
          ),
        );
        tally.badRows.push(candidate.raw);
      } else if (unionProblem) {
        tally.errors.push(
          rowError(
            candidate.raw.row,
            columnHeader(sheet, columns, 'unionFoundedOn'),
            merged.unionFoundedOn,
            unionProblem.en,
            unionProblem.zh,
          ),
        );
        tally.badRows.push(candidate.raw);
      } else if (!current) toCreate.push(merged);
      else if (Object.keys(auditDiff(current, merged, ENTERPRISE_FIELDS)).length > 0)
        toUpdate.push({ before: current, after: merged });
      else tally.unchanged += 1;
    }
    tally.created += toCreate.length;
    tally.updated += toUpdate.length;
    if (!manager) return;

    if (toCreate.length > 0) {
      await this.enterprises.insertMany(toCreate, manager);
      const created = await this.enterprises.findByCreditCodes(
        toCreate.map((e) => e.creditCode),
        manager,
      );
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
    for (const { after } of toUpdate) await this.enterprises.save(after, manager);
    await this.audit.recordMany(
      manager,
      actor,
      toUpdate.map(({ before, after }) => ({
        action: 'enterprise.import.update',
        entityType: 'enterprise',
        entityId: before.id,
        changes: auditDiff(before, after, ENTERPRISE_FIELDS),
      })),
    );
  }
}

function convert(field: EnterpriseColumn, cell: CellValue): unknown {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) {
    return ['community', ...DATE_FIELDS].includes(field) ? null : undefined;
  }
  if (DATE_FIELDS.includes(field)) return dateOf(cell);
  if (field === 'employeeCount') return countOf(cell);
  if (field === 'ownershipType') return ownershipTypeOf(textOf(cell));
  return textOf(cell);
}

/** The DTO's values for the columns the file has (a missing column leaves the stored value alone). */
function onlyGiven(dto: CreateEnterpriseDto, columns: Map<EnterpriseColumn, number>): Partial<Enterprise> {
  const fields: Partial<Enterprise> = {};
  for (const field of ENTERPRISE_FIELDS) {
    const column: EnterpriseColumn = field === 'instructorId' ? 'instructor' : field;
    if (columns.has(column))
      (fields as Record<string, unknown>)[field] = (dto as unknown as Record<string, unknown>)[field] ?? null;
  }
  return fields;
}

function emptyEnterprise(): Partial<Enterprise> {
  return { community: null, unionFoundedOn: null, instructorId: null, registeredOn: null, closedOn: null };
}

function columnHeader(sheet: Sheet, columns: Map<EnterpriseColumn, number>, field: EnterpriseColumn): string {
  return columns.has(field) ? sheet.headers[columns.get(field)!] : columnLabel(field);
}

function columnLabel(field: EnterpriseColumn): string {
  return ENTERPRISE_COLUMNS.find((c) => c.field === field)?.zh ?? field;
}
