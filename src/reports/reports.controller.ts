import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../access/actor';
import { CurrentActor } from '../access/decorators';
import { AppError } from '../common/errors/app-error';
import { DOCX_CONTENT_TYPE } from '../documents/document-templates';
import { UsersService } from '../users/users.service';
import {
  DOWNLOAD_CONTENT_TYPES,
  downloadFormat,
  sendFile,
  sendTable,
  streamTable,
} from '../common/tables/download';
import type { ReportTable } from '../common/tables/table';
import { SECTOR_LABELS_ZH } from '../enterprises/domain/ownership';
import {
  agreementsTable,
  type InstructorNames,
  signingRatesTable,
  targetGapsTable,
  trendTable,
  unionFoundingTable,
} from './export/report-tables';
import {
  AgreementsReportQuery,
  PeriodQuery,
  SigningRatesQuery,
  StatisticsQuery,
  TargetGapsQuery,
  TrendQuery,
  UnionFoundingQuery,
} from './dto/report-queries';
import {
  AgreementsReportResponse,
  SigningRatesResponse,
  StatisticsResponse,
  TargetGapsResponse,
  TrendResponse,
  UnionFoundingResponse,
  WorkSummaryResponse,
} from './dto/report-responses';
import { STATISTICS_TITLE_ZH, statisticsTable, statisticsXlsx } from './export/statistics-table';
import { AGREEMENT_SCOPE_COLUMNS_ZH, GROUP_BY_LABELS_ZH } from './labels-zh';
import type { GroupBy } from './rates';
import { ReportsService } from './reports.service';

const FORMAT_DOC = {
  name: 'format',
  required: false,
  description: 'append .csv (UTF-8 with BOM) or .xlsx to the path to download the table',
  enum: ['csv', 'xlsx'],
};

const JSON_DOC = 'the report; at the download path, its table as a file';

/**
 * Each report answers JSON at its path and downloads as a table at the same path with
 * `.csv` or `.xlsx` (`/api/v1/reports/signing-rates.xlsx?asOf=…`), Chinese headers and the
 * parameters in a title row. Everyone signed in may read; instructors get their portfolio.
 */
@ApiTags('reports')
@ApiBearerAuth()
@ApiProduces('application/json', DOWNLOAD_CONTENT_TYPES.csv, DOWNLOAD_CONTENT_TYPES.xlsx)
@Controller('api/v1/reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly users: UsersService,
  ) {}

  @Get('signing-rates{.:format}')
  @ApiParam(FORMAT_DOC)
  @ApiOkResponse({ type: SigningRatesResponse, description: JSON_DOC })
  @ApiOperation({ summary: '签订率 by group against the targets, as of a date' })
  async signingRates(
    @Query() query: SigningRatesQuery,
    @Param('format') format: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    const result = await this.reports.signingRates(query, actor);
    return this.answer(res, format, result, byGroup(result.groupBy), async () =>
      signingRatesTable(result, await this.names()),
    );
  }

  @Get('target-gaps{.:format}')
  @ApiParam(FORMAT_DOC)
  @ApiOkResponse({ type: TargetGapsResponse, description: JSON_DOC })
  @ApiOperation({
    summary: 'The uncovered enterprises of a sector, largest first: the list that closes shortBy',
  })
  async targetGaps(
    @Query() query: TargetGapsQuery,
    @Param('format') format: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    if (format === undefined) return this.reports.targetGaps(query, actor);
    // The download holds every uncovered enterprise, not a page: streamed as they are read.
    const download = downloadFormat(format);
    const gaps = await this.reports.targetGapsDownload(query, actor);
    const table = targetGapsTable(gaps, await this.names());
    const { asOf, sector } = gaps.result;
    await streamTable(res, download, table, [table.title, SECTOR_LABELS_ZH[sector], asOf].join('_'));
    return undefined;
  }

  @Get('union-founding{.:format}')
  @ApiParam(FORMAT_DOC)
  @ApiOkResponse({ type: UnionFoundingResponse, description: JSON_DOC })
  @ApiOperation({ summary: '建会率: unionised / open enterprises by group' })
  async unionFounding(
    @Query() query: UnionFoundingQuery,
    @Param('format') format: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    const result = await this.reports.unionFounding(query, actor);
    return this.answer(res, format, result, byGroup(result.groupBy), async () =>
      unionFoundingTable(result, await this.names()),
    );
  }

  @Get('agreements{.:format}')
  @ApiParam(FORMAT_DOC)
  @ApiOkResponse({ type: AgreementsReportResponse, description: JSON_DOC })
  @ApiOperation({ summary: 'Agreements in force by scope, with enterprises and employees covered' })
  async agreements(
    @Query() query: AgreementsReportQuery,
    @Param('format') format: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    const result = await this.reports.agreements(query, actor);
    return this.answer(res, format, result, `按${AGREEMENT_SCOPE_COLUMNS_ZH.scope}`, () =>
      Promise.resolve(agreementsTable(result)),
    );
  }

  @Get('trend{.:format}')
  @ApiParam(FORMAT_DOC)
  @ApiOkResponse({ type: TrendResponse, description: JSON_DOC })
  @ApiOperation({
    summary:
      'Monthly signing-rate series between two months: each month on its last day, the current month on today (partial: true), later months left out',
  })
  async trend(
    @Query() query: TrendQuery,
    @Param('format') format: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    const result = await this.reports.trend(query, actor);
    return this.answer(res, format, result, byGroup(result.groupBy), async () =>
      trendTable(result, await this.names()),
    );
  }

  @Get('statistics{.:format}')
  @ApiParam(FORMAT_DOC)
  @ApiOkResponse({ type: StatisticsResponse, description: JSON_DOC })
  @ApiOperation({
    summary:
      "集体合同签订情况统计表: agreements by kind × level (in force at to, signed in the period), enterprises and employees covered, each enterprise once in every total; .xlsx in the offices' layout",
  })
  async statistics(
    @Query() query: StatisticsQuery,
    @Param('format') format: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    const result = await this.reports.statistics(query, actor);
    if (format === undefined) return result;
    const download = downloadFormat(format);
    const unit = result.orgUnit?.name ?? '全部单位';
    const name = [STATISTICS_TITLE_ZH, unit, `${result.from}_${result.to}`].join('_');
    if (download === 'csv') {
      await sendTable(res, 'csv', statisticsTable(result), result.to, name);
      return undefined;
    }
    sendFile(res, DOWNLOAD_CONTENT_TYPES.xlsx, `${name}.xlsx`, await statisticsXlsx(result));
    return undefined;
  }

  @Get('work-summary{.:format}')
  @ApiParam({
    name: 'format',
    required: false,
    enum: ['docx'],
    description: 'append .docx to the path for the paragraph as a Word document (template work_summary.docx)',
  })
  @ApiProduces('application/json', DOCX_CONTENT_TYPE)
  @ApiOkResponse({
    type: WorkSummaryResponse,
    description: 'the figures; at work-summary.docx, the Word document',
  })
  @ApiOperation({
    summary:
      'The figures of a half-year or annual work report (工作总结) for a unit and a period, and the paragraph that states them',
  })
  async workSummary(
    @Query() query: PeriodQuery,
    @Param('format') format: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    if (format !== undefined && format !== 'docx') {
      throw new AppError(404, 'HTTP.NOT_FOUND', `no such download format ".${format}"; use .docx`);
    }
    if (format === undefined) return this.reports.workSummary(query, actor);
    const { fileName, content } = await this.reports.workSummaryDocument(query, actor);
    sendFile(res, DOCX_CONTENT_TYPE, fileName, content);
    return undefined;
  }

  /**
   * The JSON answer, or the table as a file named after the report, what it is grouped or
   * filtered by (so the report page's tabs save distinct files) and the day it describes
   * (the trend: its months): `集体合同签订率_按乡镇(街道)_2026-06-30.xlsx`.
   */
  private async answer(
    res: Response,
    rawFormat: string | undefined,
    result: unknown,
    qualifier: string,
    table: () => Promise<ReportTable>,
  ): Promise<unknown> {
    if (rawFormat === undefined) return result;
    const format = downloadFormat(rawFormat);
    const dated = result as { asOf?: string; from?: string; to?: string };
    const datedOn = dated.asOf ?? `${dated.from}_${dated.to}`;
    const content = await table();
    await sendTable(res, format, content, datedOn, [content.title, qualifier, datedOn].join('_'));
    return undefined;
  }

  private names(): Promise<InstructorNames> {
    return this.users.displayNames();
  }
}

/** `按乡镇(街道)`: a report's grouping as a file name says it. */
function byGroup(groupBy: GroupBy): string {
  return `按${GROUP_BY_LABELS_ZH[groupBy]}`;
}
