import { PlannerStatistics } from '../database/planner-statistics';
import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Actor } from '../access/actor';
import { inScope, scopeOf } from '../access/scope';
import { EnterprisesRepository } from '../enterprises/enterprises.repository';
import { CreateHistoricalAgreementDto } from '../negotiations/dto/create-historical-agreement.dto';
import { NegotiationsService } from '../negotiations/negotiations.service';
import { AGREEMENT_KINDS, SCOPES } from '../negotiations/workflow';
import { AGREEMENT_KIND_LABELS_ZH, SIGNING_FORM_LABELS_ZH } from '@wagetrack/shared';
import { badRowsWorkbook } from './bad-rows';
import { fieldRuleZh } from './row-messages-zh';
import { codeTextOf, countOf, dateOf, textOf } from './enterprise-columns';
import { type ImportResult, type ImportRowError, rowError } from './import-result';
import type { ImportOptions } from './enterprise-import.service';
import { readSpreadsheet, type CellValue, type SheetRow } from './spreadsheet';

const COLUMNS = [
  {
    field: 'creditCodes',
    zh: '统一社会信用代码',
    aliases: ['统一社会信用代码', '企业信用代码', 'creditCodes', 'creditCode'],
  },
  { field: 'agreementKind', zh: '合同类型', aliases: ['合同类型', '协议类型', 'agreementKind'] },
  { field: 'scope', zh: '签订形式', aliases: ['签订形式', 'scope'] },
  { field: 'title', zh: '协议名称', aliases: ['协议名称', '合同名称', 'title'] },
  { field: 'signedOn', zh: '签订日期', aliases: ['签订日期', 'signedOn'] },
  { field: 'effectiveOn', zh: '生效日期', aliases: ['生效日期', 'effectiveOn'] },
  { field: 'expiresOn', zh: '到期日期', aliases: ['到期日期', 'expiresOn'] },
  {
    field: 'coveredEmployees',
    zh: '覆盖职工数',
    aliases: ['覆盖职工数', '覆盖职工人数', 'coveredEmployees'],
  },
  {
    field: 'wageIncreasePct',
    zh: '工资增幅(%)',
    aliases: ['工资增幅(%)', '工资增幅', '平均工资增幅(%)', 'wageIncreasePct'],
  },
  { field: 'minimumWage', zh: '最低工资', aliases: ['最低工资', '最低工资标准', 'minimumWage'] },
] as const;
type Column = (typeof COLUMNS)[number]['field'];

const KIND_WORDS: [RegExp, string][] = [
  [/工资/, 'wage'],
  [/女职工/, 'women'],
  [/安全/, 'safety'],
  [/综合|集体合同/, 'comprehensive'],
];
const SCOPE_WORDS: [RegExp, string][] = [
  [/区域/, 'regional'],
  [/行业/, 'industry'],
  [/单独|企业/, 'enterprise'],
];

function mapHeaders(headers: string[]): Map<Column, number> {
  const mapping = new Map<Column, number>();
  headers.forEach((header, index) => {
    const column = COLUMNS.find((c) => (c.aliases as readonly string[]).includes(header.replace(/\s+/g, '')));
    if (column && !mapping.has(column.field)) mapping.set(column.field, index);
  });
  return mapping;
}

function codeOf(
  value: string,
  words: [RegExp, string][],
  codes: readonly string[],
  labels: Record<string, string>,
): string {
  if (codes.includes(value)) return value;
  const byLabel = Object.entries(labels).find(([, label]) => label === value);
  if (byLabel) return byLabel[0];
  return words.find(([pattern]) => pattern.test(value))?.[1] ?? value;
}

/**
 * Agreements signed before the product was used, one per row, each becoming a historical
 * negotiation through the workflow's one write path. Same reporting, dry run and atomic
 * options as the roster import.
 */
@Injectable()
export class AgreementImportService {
  constructor(
    private readonly enterprises: EnterprisesRepository,
    private readonly negotiations: NegotiationsService,
    private readonly statistics: PlannerStatistics,
  ) {}

  async import(
    content: Buffer,
    filename: string,
    actor: Actor,
    options: ImportOptions = {},
  ): Promise<ImportResult> {
    const sheet = await readSpreadsheet(content, filename, {
      matches: (cells) => {
        const mapping = mapHeaders(cells.map((cell) => (cell === null ? '' : String(cell).trim())));
        return mapping.has('creditCodes') && mapping.has('signedOn');
      },
      required: ['统一社会信用代码', '签订日期'],
      known: COLUMNS.map((c) => c.zh),
    });
    const columns = mapHeaders(sheet.headers);
    const errors: ImportRowError[] = [];
    const valid: CreateHistoricalAgreementDto[] = [];
    const seen = new Map<string, number>();
    const rows: SheetRow[] = [];
    for await (const row of sheet.rows) rows.push(row); // an agreements file is small: a row per agreement
    const badRows: SheetRow[] = [];
    const codes = rows.flatMap((row) => splitCodes(row.cells[columns.get('creditCodes') ?? -1] ?? null));
    // An enterprise outside the importing admin's scope is as unknown as one not registered.
    const ids = new Map(
      (await this.enterprises.findByCreditCodes([...new Set(codes)]))
        .filter((e) => inScope(scopeOf(actor), e))
        .map((e) => [e.creditCode, e.id]),
    );

    for (const sheetRow of rows) {
      const header = (field: Column) =>
        columns.has(field) ? sheet.headers[columns.get(field)!] : COLUMNS.find((c) => c.field === field)!.zh;
      const cell = (field: Column): CellValue =>
        columns.has(field) ? (sheetRow.cells[columns.get(field)!] ?? null) : null;
      const rowErrors: ImportRowError[] = [];
      const rowCodes = splitCodes(cell('creditCodes'));
      const unknown = rowCodes.filter((code) => !ids.has(code));
      if (rowCodes.length === 0)
        rowErrors.push(
          rowError(
            sheetRow.row,
            header('creditCodes'),
            null,
            'name at least one enterprise by its credit code',
            fieldRuleZh('creditCodes', null),
          ),
        );
      if (unknown.length > 0) {
        rowErrors.push(
          rowError(
            sheetRow.row,
            header('creditCodes'),
            unknown.join('、'),
            'no enterprise with this credit code: import the roster first',
            '系统中没有该统一社会信用代码对应的企业，请先导入企业名册',
          ),
        );
      }
      const plain: Record<string, unknown> = {
        agreementKind:
          cell('agreementKind') === null
            ? 'wage'
            : codeOf(textOf(cell('agreementKind')!), KIND_WORDS, AGREEMENT_KINDS, AGREEMENT_KIND_LABELS_ZH),
        scope:
          cell('scope') === null
            ? rowCodes.length > 1
              ? 'regional'
              : 'enterprise'
            : codeOf(textOf(cell('scope')!), SCOPE_WORDS, SCOPES, SIGNING_FORM_LABELS_ZH),
        enterpriseIds: rowCodes.map((code) => ids.get(code) ?? 0),
        ...(cell('title') === null ? {} : { title: textOf(cell('title')!) }),
        signedOn: cell('signedOn') === null ? undefined : dateOf(cell('signedOn')!),
        effectiveOn: cell('effectiveOn') === null ? undefined : dateOf(cell('effectiveOn')!),
        expiresOn: cell('expiresOn') === null ? undefined : dateOf(cell('expiresOn')!),
        coveredEmployees: cell('coveredEmployees') === null ? undefined : countOf(cell('coveredEmployees')!),
        ...(cell('wageIncreasePct') === null ? {} : { wageIncreasePct: countOf(cell('wageIncreasePct')!) }),
        ...(cell('minimumWage') === null ? {} : { minimumWage: countOf(cell('minimumWage')!) }),
      };
      const dto = plainToInstance(CreateHistoricalAgreementDto, plain);
      if (unknown.length === 0) {
        for (const failure of await validate(dto, {
          whitelist: true,
          forbidNonWhitelisted: true,
          stopAtFirstError: true,
        })) {
          const field = (failure.property === 'enterpriseIds' ? 'creditCodes' : failure.property) as Column;
          rowErrors.push(
            rowError(
              sheetRow.row,
              header(field),
              failure.value,
              Object.values(failure.constraints ?? {})[0] ?? 'is not valid',
              fieldRuleZh(field, failure.value),
            ),
          );
        }
      }
      if (rowErrors.length === 0) {
        if (dto.scope === 'enterprise' && dto.enterpriseIds.length !== 1) {
          rowErrors.push(
            rowError(
              sheetRow.row,
              header('scope'),
              dto.scope,
              'a single-enterprise agreement names exactly one credit code',
              '单独签订的协议只能填写一个统一社会信用代码',
            ),
          );
        }
        // The workflow's own checks (dates in order, term) and the roster's facts, writing nothing.
        for (const { field, message, messageZh } of await this.negotiations.historicalProblems(dto)) {
          const column = COLUMNS.find((c) => c.field === field)?.field ?? 'signedOn';
          rowErrors.push(
            rowError(
              sheetRow.row,
              header(column),
              // The value as read (a date cell as 2026-03-05, not as a JS Date).
              (dto as unknown as Record<string, unknown>)[column] ?? cell(column),
              message,
              messageZh ?? fieldRuleZh(field, cell(column)),
            ),
          );
        }
        const key = `${dto.agreementKind}|${dto.signedOn}|${[...dto.enterpriseIds].sort().join(',')}`;
        if (rowErrors.length === 0 && seen.has(key)) {
          rowErrors.push(
            rowError(
              sheetRow.row,
              header('creditCodes'),
              rowCodes.join('、'),
              `the same agreement is on row ${seen.get(key)}`,
              `与第 ${seen.get(key)} 行是同一份协议`,
            ),
          );
        }
        if (rowErrors.length === 0) seen.set(key, sheetRow.row);
      }
      if (rowErrors.length > 0) {
        errors.push(...rowErrors);
        badRows.push(sheetRow);
      } else valid.push(dto);
    }

    const writeNothing = options.dryRun === true || (options.atomic === true && errors.length > 0);
    if (!writeNothing) {
      for (const [index, dto] of valid.entries()) {
        await this.negotiations.createHistorical(dto, actor);
        options.progress?.(index + 1, valid.length);
      }
      // Thousands of agreements at once: the reports' plans need statistics of what is there now.
      if (valid.length > 0) await this.statistics.refresh('import');
    }
    return {
      created: writeNothing && !options.dryRun ? 0 : valid.length,
      updated: 0,
      unchanged: 0,
      errors,
      dryRun: writeNothing,
      applied: !writeNothing,
      ...(errors.length > 0
        ? {
            badRowsXlsx: (await badRowsWorkbook({ headers: sheet.headers, rows: badRows }, errors)).toString(
              'base64',
            ),
          }
        : {}),
    };
  }
}

function splitCodes(cell: CellValue): string[] {
  if (cell === null) return [];
  return codeTextOf(cell)
    .toUpperCase()
    .split(/[、,，;；/\s]+/)
    .filter(Boolean);
}
