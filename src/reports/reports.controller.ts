import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/decorators';
import { AppError } from '../common/errors/app-error';
import { UsersRepository } from '../users/users.repository';
import { toCsv } from '../common/tables/csv';
import type { ReportTable } from '../common/tables/table';
import {
  agreementsTable,
  type InstructorNames,
  signingRatesTable,
  targetGapsTable,
  trendTable,
  unionFoundingTable,
} from './export/report-tables';
import { toXlsx } from '../common/tables/xlsx';
import {
  AgreementsReportQuery,
  SigningRatesQuery,
  TargetGapsQuery,
  TrendQuery,
  UnionFoundingQuery,
} from './dto/report-queries';
import { ReportsService } from './reports.service';

type Format = 'json' | 'csv' | 'xlsx';

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const FORMAT_DOC = {
  name: 'format',
  required: false,
  description: 'append .csv (UTF-8 with BOM) or .xlsx to the path to download the table',
  enum: ['csv', 'xlsx'],
};

/**
 * Each report answers JSON at its path and downloads as a table at the same path with
 * `.csv` or `.xlsx` (`/api/v1/reports/signing-rates.xlsx?asOf=…`), Chinese headers and the
 * parameters in a title row. Everyone signed in may read; instructors get their portfolio.
 */
@ApiTags('reports')
@ApiBearerAuth()
@ApiProduces('application/json', CONTENT_TYPES.csv, CONTENT_TYPES.xlsx)
@Controller('api/v1/reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly users: UsersRepository,
  ) {}

  @Get('signing-rates{.:format}')
  @ApiParam(FORMAT_DOC)
  @ApiOperation({ summary: '签订率 by group against the targets, as of a date' })
  async signingRates(
    @Query() query: SigningRatesQuery,
    @Param('format') format: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    const result = await this.reports.signingRates(query, actor);
    return this.answer(res, format, result, async () => signingRatesTable(result, await this.names()));
  }

  @Get('target-gaps{.:format}')
  @ApiParam(FORMAT_DOC)
  @ApiOperation({
    summary: 'The uncovered enterprises of a sector, largest first: the list that closes shortBy',
  })
  async targetGaps(
    @Query() query: TargetGapsQuery,
    @Param('format') format: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    const result = await this.reports.targetGaps(query, actor);
    return this.answer(res, format, result, async () => targetGapsTable(result, await this.names()));
  }

  @Get('union-founding{.:format}')
  @ApiParam(FORMAT_DOC)
  @ApiOperation({ summary: '建会率: unionised / open enterprises by group' })
  async unionFounding(
    @Query() query: UnionFoundingQuery,
    @Param('format') format: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    const result = await this.reports.unionFounding(query, actor);
    return this.answer(res, format, result, async () => unionFoundingTable(result, await this.names()));
  }

  @Get('agreements{.:format}')
  @ApiParam(FORMAT_DOC)
  @ApiOperation({ summary: 'Agreements in force by scope, with enterprises and employees covered' })
  async agreements(
    @Query() query: AgreementsReportQuery,
    @Param('format') format: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    const result = await this.reports.agreements(query, actor);
    return this.answer(res, format, result, () => Promise.resolve(agreementsTable(result)));
  }

  @Get('trend{.:format}')
  @ApiParam(FORMAT_DOC)
  @ApiOperation({ summary: 'Monthly signing-rate series between two months (each month on its last day)' })
  async trend(
    @Query() query: TrendQuery,
    @Param('format') format: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    const result = await this.reports.trend(query, actor);
    return this.answer(res, format, result, async () => trendTable(result, await this.names()));
  }

  private async answer(
    res: Response,
    rawFormat: string | undefined,
    result: unknown,
    table: () => Promise<ReportTable>,
  ): Promise<unknown> {
    const format = parseFormat(rawFormat);
    if (format === 'json') return result;
    const built = await table();
    const body = format === 'csv' ? toCsv(built) : await toXlsx(built);
    const filename = `${built.title}-${new Date().toISOString().slice(0, 10)}.${format}`;
    res.set({
      'Content-Type': CONTENT_TYPES[format],
      'Content-Disposition': `attachment; filename="report.${format}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    });
    res.send(body);
    return undefined;
  }

  private async names(): Promise<InstructorNames> {
    const users = await this.users.findAll();
    return new Map(users.map((user) => [user.id, user.displayName]));
  }
}

function parseFormat(raw: string | undefined): Format {
  if (raw === undefined) return 'json';
  if (raw === 'csv' || raw === 'xlsx') return raw;
  throw new AppError(404, 'HTTP.NOT_FOUND', `no such download format ".${raw}"; use .csv or .xlsx`);
}
