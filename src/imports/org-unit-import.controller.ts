import { Controller, Post, Query, UploadedFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../access/actor';
import { CurrentActor } from '../access/decorators';
import { ImportQuery } from './dto/import.query';
import type { ImportResult } from './import-result';
import { MissingFileError } from './imports.errors';
import { OrgUnitImportService } from './org-unit-import.service';
import { importOptions, SpreadsheetImport, type UploadedSpreadsheet } from './spreadsheet-import';

/** The list of units imported (the federation hierarchy), beside the roster's import. */
@ApiTags('imports and exports')
@ApiBearerAuth()
@Controller('api/v1')
export class OrgUnitImportController {
  constructor(private readonly orgUnitImport: OrgUnitImportService) {}

  @Post('org-units/import')
  @SpreadsheetImport({
    summary:
      'Import a list of units (区划代码, 名称, 上级区划代码, optional 层级; .xlsx or .csv), rows in any order, by code',
    description:
      'New codes are added under their parent (in the file or stored, inside the units the caller governs), a stored code with another name is renamed; a stored code with another parent or level is a row error.',
  })
  importOrgUnits(
    @UploadedFile() file: UploadedSpreadsheet | undefined,
    @Query() query: ImportQuery,
    @CurrentActor() actor: Actor,
  ): Promise<ImportResult> {
    if (!file) throw new MissingFileError();
    return this.orgUnitImport.import(file.buffer, file.originalname, actor, importOptions(query));
  }
}
