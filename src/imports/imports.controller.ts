import {
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../access/actor';
import { CurrentActor, Roles } from '../access/decorators';
import { Clock } from '../common/clock/clock';
import { downloadFormat, sendTable } from '../common/tables/download';
import { ListEnterprisesQuery } from '../enterprises/dto/list-enterprises.query';
import { EnterprisesService } from '../enterprises/enterprises.service';
import { ListNegotiationsQuery } from '../negotiations/dto/list-negotiations.query';
import { NegotiationsService } from '../negotiations/negotiations.service';
import { UsersService } from '../users/users.service';
import { AgreementImportService } from './agreement-import.service';
import { ImportQuery } from './dto/import.query';
import { EnterpriseImportService } from './enterprise-import.service';
import { ImportResult } from './import-result';
import { MissingFileError } from './imports.errors';
import { UploadLimitInterceptor } from './upload-limit.interceptor';
import { filterWords, negotiationsTable, rosterTable } from './roster-tables';
import { ApiErrors } from '../common/http/error-response';

/** What multer hands over for the `file` field (memory storage). */
export interface UploadedSpreadsheet {
  buffer: Buffer;
  originalname: string;
  size: number;
}

export const UPLOAD_DOC = {
  schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
};
const FORMAT_DOC = { name: 'format', enum: ['csv', 'xlsx'], description: 'the download format' };

export const IMPORT_ERRORS =
  'IMPORT.NO_FILE: no file in the field "file"; IMPORT.UNREADABLE_FILE: not an .xlsx or .csv that can be read, or no sheet has the header row (rows at fault are in the 200 answer, not errors); the body carries messageZh, the same in Chinese';
export const TOO_LARGE =
  'REQUEST.BODY_TOO_LARGE: the file is over IMPORT_MAX_MB; the body carries limitMb and messageZh';

/** Spreadsheets in and out: the roster and historical agreements imported, the lists exported. */
@ApiTags('imports and exports')
@ApiBearerAuth()
@Controller('api/v1')
export class ImportsController {
  constructor(
    private readonly enterpriseImport: EnterpriseImportService,
    private readonly agreementImport: AgreementImportService,
    private readonly enterprises: EnterprisesService,
    private readonly negotiations: NegotiationsService,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  @Post('enterprises/import')
  @HttpCode(200)
  @Roles('admin')
  @UseInterceptors(UploadLimitInterceptor, FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_DOC)
  @ApiOperation({
    summary:
      'Import the enterprise roster (.xlsx or .csv, Chinese or English headers), upsert by credit code',
  })
  @ApiErrors({ 413: TOO_LARGE, 422: IMPORT_ERRORS })
  @ApiOkResponse({ type: ImportResult })
  importEnterprises(
    @UploadedFile() file: UploadedSpreadsheet | undefined,
    @Query() query: ImportQuery,
    @CurrentActor() actor: Actor,
  ): Promise<ImportResult> {
    if (!file) throw new MissingFileError();
    return this.enterpriseImport.import(file.buffer, file.originalname, actor, {
      dryRun: query.dryRun === 'true',
      atomic: query.atomic === 'true',
    });
  }

  @Post('agreements/import')
  @HttpCode(200)
  @Roles('admin')
  @UseInterceptors(UploadLimitInterceptor, FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_DOC)
  @ApiOperation({
    summary: 'Import agreements signed before the product was used, each as a historical negotiation',
  })
  @ApiErrors({ 413: TOO_LARGE, 422: IMPORT_ERRORS })
  @ApiOkResponse({ type: ImportResult })
  importAgreements(
    @UploadedFile() file: UploadedSpreadsheet | undefined,
    @Query() query: ImportQuery,
    @CurrentActor() actor: Actor,
  ): Promise<ImportResult> {
    if (!file) throw new MissingFileError();
    return this.agreementImport.import(file.buffer, file.originalname, actor, {
      dryRun: query.dryRun === 'true',
      atomic: query.atomic === 'true',
    });
  }

  @Get('enterprises.:format')
  @ApiParam(FORMAT_DOC)
  @ApiOperation({ summary: 'The roster as .xlsx or .csv, with the list filters; it imports back unchanged' })
  async exportEnterprises(
    @Param('format') format: string,
    @Query() query: ListEnterprisesQuery,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ): Promise<void> {
    const rows = await this.enterprises.all(query, actor);
    const usernames = await this.users.usernames();
    await sendTable(
      res,
      downloadFormat(format),
      rosterTable(rows, usernames, {
        on: this.clock.today(),
        filters: filterWords(query, { instructors: usernames }),
      }),
      this.clock.today(),
    );
  }

  @Get('negotiations.:format')
  @ApiParam(FORMAT_DOC)
  @ApiOperation({
    summary: 'The negotiations as .xlsx or .csv, with the list filters, stages in Chinese and deadlines',
  })
  async exportNegotiations(
    @Param('format') format: string,
    @Query() query: ListNegotiationsQuery,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ): Promise<void> {
    const items = await this.negotiations.all(query, actor);
    // Each negotiation names the enterprises it covers.
    const names = new Map(items.flatMap((n) => n.enterprises).map((e) => [e.id, e.name]));
    await sendTable(
      res,
      downloadFormat(format),
      negotiationsTable(items, names, {
        on: this.clock.today(),
        filters: filterWords(query, {
          instructors: await this.users.displayNames('instructor'),
          enterprises: names,
        }),
      }),
      this.clock.today(),
    );
  }
}
