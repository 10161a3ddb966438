import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { auditCreated, auditDiff } from '../audit/audit-diff';
import type { Actor } from '../auth/actor';
import { writeTransaction } from '../database/transactions';
import { CreateEnterpriseDto } from '../enterprises/dto/create-enterprise.dto';
import { Enterprise } from '../enterprises/enterprise.entity';
import { EnterprisesRepository } from '../enterprises/enterprises.repository';
import { UsersRepository } from '../users/users.repository';
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
import type { ImportResult, ImportRowError } from './import-result';
import { readSpreadsheet, type CellValue, type Sheet } from './spreadsheet';

export interface ImportOptions {
  dryRun?: boolean;
  atomic?: boolean;
  /** Called as rows are checked and written (the CLI's progress bar). */
  progress?: (done: number, total: number) => void;
}

/** Fields compared to decide updated or unchanged, and followed by the audit trail. */
const FIELDS = [
  'name',
  'creditCode',
  'ownershipType',
  'township',
  'community',
  'industry',
  'employeeCount',
  'unionFoundedOn',
  'instructorId',
  'registeredOn',
  'closedOn',
] as const;

const BATCH = 500;

interface ValidRow {
  row: number;
  fields: Partial<Enterprise>;
}

/**
 * The roster import: every row checked with the same rules as the API (the create DTO),
 * then upserted by credit code: new → created, different → updated (audited), same →
 * unchanged. Bad rows are reported by row and column; by default the good ones are applied,
 * `atomic` applies nothing if any row is bad, `dryRun` writes nothing.
 */
@Injectable()
export class EnterpriseImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly enterprises: EnterprisesRepository,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
  ) {}

  async import(
    content: Buffer,
    filename: string,
    actor: Actor,
    options: ImportOptions = {},
  ): Promise<ImportResult> {
    const sheet = await readSpreadsheet(content, filename, isEnterpriseHeader);
    const columns = mapHeaders(sheet.headers);
    const errors: ImportRowError[] = [];
    const valid = await this.validRows(sheet, columns, errors, options);

    const existing = new Map(
      (await this.enterprises.findByCreditCodes(valid.map((v) => v.fields.creditCode!))).map((e) => [
        e.creditCode,
        e,
      ]),
    );
    const toCreate: ValidRow[] = [];
    const toUpdate: { row: number; before: Enterprise; after: Enterprise }[] = [];
    let unchanged = 0;
    for (const candidate of valid) {
      const current = existing.get(candidate.fields.creditCode!);
      const merged = Object.assign(new Enterprise(), current ?? emptyEnterprise(), candidate.fields);
      if (merged.registeredOn && merged.closedOn && merged.closedOn < merged.registeredOn) {
        errors.push(
          error(
            candidate.row,
            columnHeader(sheet, columns, 'closedOn'),
            merged.closedOn,
            `must not be before 成立日期 ${merged.registeredOn}`,
          ),
        );
        continue;
      }
      if (!current) toCreate.push({ row: candidate.row, fields: merged });
      else if (Object.keys(auditDiff(current, merged, FIELDS)).length > 0)
        toUpdate.push({ row: candidate.row, before: current, after: merged });
      else unchanged += 1;
    }

    errors.sort((a, b) => a.row - b.row);
    const writeNothing = options.dryRun === true || (options.atomic === true && errors.length > 0);
    if (!writeNothing) await this.write(toCreate, toUpdate, actor, options);
    return {
      created: writeNothing && !options.dryRun ? 0 : toCreate.length,
      updated: writeNothing && !options.dryRun ? 0 : toUpdate.length,
      unchanged: writeNothing && !options.dryRun ? 0 : unchanged,
      errors,
      dryRun: writeNothing,
      applied: !writeNothing,
      ...(errors.length > 0
        ? { badRowsXlsx: (await badRowsWorkbook(sheet, errors)).toString('base64') }
        : {}),
    };
  }

  /** Each row as the create DTO would see it, checked by the same rules; duplicates inside the file refused. */
  private async validRows(
    sheet: Sheet,
    columns: Map<EnterpriseColumn, number>,
    errors: ImportRowError[],
    options: ImportOptions,
  ): Promise<ValidRow[]> {
    const instructorIds = await this.instructorIdsByUsername();
    const seen = new Map<string, number>();
    const valid: ValidRow[] = [];
    for (const [index, sheetRow] of sheet.rows.entries()) {
      const rowErrors: ImportRowError[] = [];
      const plain: Record<string, unknown> = {};
      for (const [field, position] of columns) {
        const cell = sheetRow.cells[position] ?? null;
        const header = sheet.headers[position];
        if (field === 'instructor') {
          if (cell === null) plain.instructorId = null;
          else if (!instructorIds.has(textOf(cell))) {
            rowErrors.push(
              error(sheetRow.row, header, textOf(cell), 'no active instructor has this username'),
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
        const header = columns.has(field) ? sheet.headers[columns.get(field)!] : columnLabel(field);
        const message = Object.values(problem.constraints ?? {})[0] ?? 'is not valid';
        rowErrors.push(
          error(
            sheetRow.row,
            header,
            display(problem.value),
            columns.has(field) ? message : `the column ${header} is missing`,
          ),
        );
      }
      const code = typeof dto.creditCode === 'string' ? dto.creditCode : '';
      if (rowErrors.length === 0 && seen.has(code)) {
        rowErrors.push(
          error(
            sheetRow.row,
            columnHeader(sheet, columns, 'creditCode'),
            code,
            `the same credit code is on row ${seen.get(code)}`,
          ),
        );
      }
      if (rowErrors.length > 0) errors.push(...rowErrors);
      else {
        seen.set(code, sheetRow.row);
        valid.push({ row: sheetRow.row, fields: onlyGiven(dto, columns) });
      }
      if (index % 1000 === 0) options.progress?.(index, sheet.rows.length);
    }
    return valid;
  }

  private async write(
    toCreate: ValidRow[],
    toUpdate: { row: number; before: Enterprise; after: Enterprise }[],
    actor: Actor,
    options: ImportOptions,
  ): Promise<void> {
    const total = toCreate.length + toUpdate.length;
    const batches: ((manager: EntityManager) => Promise<void>)[] = [];
    for (let i = 0; i < toCreate.length; i += BATCH) {
      const slice = toCreate.slice(i, i + BATCH);
      batches.push(async (manager) => {
        const rows = slice.map((candidate) => candidate.fields as Enterprise);
        await manager.getRepository(Enterprise).insert(rows);
        const created = await this.enterprises.findByCreditCodes(
          rows.map((r) => r.creditCode),
          manager,
        );
        await this.audit.recordMany(
          manager,
          actor,
          created.map((e) => ({
            action: 'enterprise.import.create',
            entityType: 'enterprise',
            entityId: e.id,
            changes: auditCreated(e, FIELDS),
          })),
        );
      });
    }
    for (let i = 0; i < toUpdate.length; i += BATCH) {
      const slice = toUpdate.slice(i, i + BATCH);
      batches.push(async (manager) => {
        for (const { after } of slice) await manager.getRepository(Enterprise).save(after);
        await this.audit.recordMany(
          manager,
          actor,
          slice.map(({ before, after }) => ({
            action: 'enterprise.import.update',
            entityType: 'enterprise',
            entityId: before.id,
            changes: auditDiff(before, after, FIELDS),
          })),
        );
      });
    }
    let done = 0;
    const step = async (manager: EntityManager, batch: (m: EntityManager) => Promise<void>) => {
      await batch(manager);
      done += BATCH;
      options.progress?.(Math.min(done, total), total);
    };
    if (options.atomic) {
      await writeTransaction(this.dataSource, async (manager) => {
        for (const batch of batches) await step(manager, batch);
      });
    } else {
      for (const batch of batches) await writeTransaction(this.dataSource, (manager) => step(manager, batch));
    }
  }

  private async instructorIdsByUsername(): Promise<Map<string, number>> {
    const users = await this.users.findAll();
    return new Map(users.filter((u) => u.role === 'instructor' && u.active).map((u) => [u.username, u.id]));
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
  for (const field of FIELDS) {
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

function display(value: unknown): string | null {
  return value === undefined || value === null ? null : String(value);
}

function error(row: number, column: string, value: unknown, message: string): ImportRowError {
  return { row, column, value: display(value), message };
}
