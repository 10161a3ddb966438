import { Controller, Get, Param, Post, Query, Res, UploadedFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../access/actor';
import { CurrentActor } from '../access/decorators';
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
import type { ImportResult } from './import-result';
import { MissingFileError } from './imports.errors';
import { importOptions, SpreadsheetImport, type UploadedSpreadsheet } from './spreadsheet-import';
import { OrgUnitsService } from '../org-units/org-units.service';
import { filterWords, negotiationsTable, rosterTable } from './roster-tables';

const FORMAT_DOC = { name: 'format', enum: ['csv', 'xlsx'], description: 'the download format' };

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
    private readonly units: OrgUnitsService,
  ) {}

  @Post('enterprises/import')
  @SpreadsheetImport({
    summary:
      'Import the enterprise roster (.xlsx or .csv, Chinese or English headers), upsert by credit code',
    description:
      'Each enterprise goes to a township unit the importing admin governs: by the 区划代码 column, else by the 乡镇（街道） name among their townships (an unknown or ambiguous name is a row error naming it; a deployment of a single county creates a new name’s township under it). A row updating an enterprise outside their scope is a row error.',
  })
  importEnterprises(
    @UploadedFile() file: UploadedSpreadsheet | undefined,
    @Query() query: ImportQuery,
    @CurrentActor() actor: Actor,
  ): Promise<ImportResult> {
    if (!file) throw new MissingFileError();
    return this.enterpriseImport.import(file.buffer, file.originalname, actor, importOptions(query));
  }

  @Post('agreements/import')
  @SpreadsheetImport({
    summary: 'Import agreements signed before the product was used, each as a historical negotiation',
  })
  importAgreements(
    @UploadedFile() file: UploadedSpreadsheet | undefined,
    @Query() query: ImportQuery,
    @CurrentActor() actor: Actor,
  ): Promise<ImportResult> {
    if (!file) throw new MissingFileError();
    return this.agreementImport.import(file.buffer, file.originalname, actor, importOptions(query));
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
    const unitCodes = await this.units.codesOf(rows.map((row) => row.orgUnitId));
    await sendTable(
      res,
      downloadFormat(format),
      rosterTable(
        rows,
        usernames,
        {
          on: this.clock.today(),
          filters: filterWords(query, { instructors: usernames }),
        },
        unitCodes,
      ),
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
