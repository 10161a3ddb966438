import { AtomicImportRefused } from './atomic-import';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../access/actor';
import { governsUnit, mayAddRootUnit } from '../access/scope';
import { auditCreated } from '../audit/audit-diff';
import { AuditService } from '../audit/audit.service';
import { isUniqueViolation } from '../database/database-errors';
import { writeTransaction } from '../database/transactions';
import { ORG_UNIT_LEVELS } from '../org-units/domain/org-unit-code';
import { type ListedUnit, planUnitList, type UnitListPlan } from '../org-units/domain/unit-list';
import { ORG_UNIT_AUDITED_FIELDS, type OrgUnit } from '../org-units/org-unit.entity';
import { OrgUnitsRepository } from '../org-units/org-units.repository';
import { OrgUnitsService } from '../org-units/org-units.service';
import { badRowsWorkbook } from './bad-rows';
import type { ImportOptions } from './enterprise-import.service';
import { type ImportResult, type ImportRowError, rowError } from './import-result';
import { mapUnitListHeaders, readUnitRow, UNIT_LIST_HEADER, unitListHeader } from './org-unit-columns';
import { readSpreadsheet, type SheetRow } from './spreadsheet';

/** Another import adding the same codes at the same time: the whole list is compared again, this many times at most. */
const MAX_ATTEMPTS = 3;

/**
 * The list of units (区划代码, 名称, 上级区划代码, optional 层级; docs/contract.md, Federation
 * hierarchy): every row read, then the whole list compared with the stored tree at once
 * (`planUnitList`: parents before children whatever the order of the rows, the same placement
 * rules as the API, the importer's scope), then written in one transaction: new units a level
 * at a time in a few statements, corrected names one by one, each with its audit row. A
 * province's list (some 3,200 rows) is read with a handful of queries. Bad rows are reported by
 * row and column; by default the good ones are written, `atomic` writes nothing if any row is
 * bad, `dryRun` writes nothing. Importing the same list again changes nothing.
 */
@Injectable()
export class OrgUnitImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly units: OrgUnitsRepository,
    private readonly orgUnits: OrgUnitsService,
    private readonly audit: AuditService,
  ) {}

  async import(
    content: Buffer,
    filename: string,
    actor: Actor,
    options: ImportOptions = {},
  ): Promise<ImportResult> {
    const sheet = await readSpreadsheet(content, filename, UNIT_LIST_HEADER);
    const columns = mapUnitListHeaders(sheet.headers);
    const rows: SheetRow[] = [];
    const listed: ListedUnit[] = [];
    const cellErrors: ImportRowError[] = [];
    const refusedRows = new Map<string, number>();
    for await (const sheetRow of sheet.rows) {
      rows.push(sheetRow);
      const read = readUnitRow(sheetRow, sheet.headers, columns);
      if ('unit' in read) listed.push(read.unit);
      else {
        cellErrors.push(...read.errors);
        if (read.code !== null && !refusedRows.has(read.code)) refusedRows.set(read.code, sheetRow.row);
      }
    }
    options.progress?.(0, rows.length);

    const compare = async (manager?: EntityManager) => {
      const codes = listed.flatMap((unit) => (unit.parentCode ? [unit.code, unit.parentCode] : [unit.code]));
      const stored = new Map((await this.units.findByCodes(codes, manager)).map((unit) => [unit.code, unit]));
      const plan = planUnitList(
        listed,
        stored,
        { governs: (id) => governsUnit(actor, id), mayAddRoot: mayAddRootUnit(actor) },
        refusedRows,
      );
      return { plan, stored };
    };

    let plan: UnitListPlan;
    let applied = !options.dryRun;
    if (options.dryRun) plan = (await compare()).plan;
    else {
      for (let attempt = 1; ; attempt++) {
        try {
          plan = await writeTransaction(this.dataSource, async (manager) => {
            const compared = await compare(manager);
            if (options.atomic && compared.plan.errors.length + cellErrors.length > 0) {
              throw new AtomicImportRefused();
            }
            await this.write(compared.plan, compared.stored, manager, actor);
            return compared.plan;
          });
          break;
        } catch (error) {
          if (error instanceof AtomicImportRefused) {
            plan = (await compare()).plan;
            applied = false;
            break;
          }
          if (!isUniqueViolation(error) || attempt >= MAX_ATTEMPTS) throw error;
        }
      }
      if (applied && plan.create.length + plan.rename.length > 0) this.orgUnits.forget();
    }
    options.progress?.(rows.length, rows.length);

    const errors = [
      ...cellErrors,
      ...plan.errors.map((error) =>
        rowError(
          error.row,
          unitListHeader(sheet.headers, columns, error.column),
          error.value,
          error.message,
          error.messageZh,
        ),
      ),
    ].sort((a, b) => a.row - b.row);
    const refused = !applied && !options.dryRun;
    const badRows = new Set(errors.map((error) => error.row));
    return {
      created: refused ? 0 : plan.create.length,
      updated: refused ? 0 : plan.rename.length,
      unchanged: refused ? 0 : plan.unchanged,
      errors,
      dryRun: !applied,
      applied,
      ...(errors.length > 0
        ? {
            badRowsXlsx: (
              await badRowsWorkbook(
                { headers: sheet.headers, rows: rows.filter((row) => badRows.has(row.row)) },
                errors,
              )
            ).toString('base64'),
          }
        : {}),
    };
  }

  /** New units a level at a time (each level's parents exist by then), then the corrected names. */
  private async write(
    plan: UnitListPlan,
    stored: ReadonlyMap<string, OrgUnit>,
    manager: EntityManager,
    actor: Actor,
  ): Promise<void> {
    const known = new Map(stored);
    const created: OrgUnit[] = [];
    for (const level of ORG_UNIT_LEVELS) {
      const batch = plan.create.filter((unit) => unit.level === level);
      if (batch.length === 0) continue;
      const made = await this.units.insertMany(
        batch.map(({ code, name, parentCode }) => ({
          code,
          name,
          level,
          parent: parentCode === null ? null : known.get(parentCode)!,
        })),
        manager,
      );
      for (const unit of made) known.set(unit.code, unit);
      created.push(...made);
    }
    for (const { id, to } of plan.rename) await this.units.rename(id, to, manager);
    await this.audit.recordMany(manager, actor, [
      ...created.map((unit) => ({
        action: 'org_unit.import.create',
        entityType: 'org_unit' as const,
        entityId: unit.id,
        changes: auditCreated(unit, ORG_UNIT_AUDITED_FIELDS),
      })),
      ...plan.rename.map(({ id, from, to }) => ({
        action: 'org_unit.import.update',
        entityType: 'org_unit' as const,
        entityId: id,
        changes: { name: { from, to } },
      })),
    ]);
  }
}
