import { Controller, HttpCode, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../access/actor';
import { CurrentActor, Roles } from '../access/decorators';
import { ApiErrors } from '../common/http/error-response';
import { ImportQuery } from './dto/import.query';
import { ImportResult } from './import-result';
import { IMPORT_ERRORS, TOO_LARGE, UPLOAD_DOC, type UploadedSpreadsheet } from './imports.controller';
import { MissingFileError } from './imports.errors';
import { OrgUnitImportService } from './org-unit-import.service';
import { UploadLimitInterceptor } from './upload-limit.interceptor';

/** The list of units imported (the federation hierarchy), beside the roster's import. */
@ApiTags('imports and exports')
@ApiBearerAuth()
@Controller('api/v1')
export class OrgUnitImportController {
  constructor(private readonly orgUnitImport: OrgUnitImportService) {}

  @Post('org-units/import')
  @HttpCode(200)
  @Roles('admin')
  @UseInterceptors(UploadLimitInterceptor, FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_DOC)
  @ApiOperation({
    summary:
      'Import a list of units (区划代码, 名称, 上级区划代码, optional 层级; .xlsx or .csv), rows in any order, by code',
    description:
      'New codes are added under their parent (in the file or stored, inside the units the caller governs), a stored code with another name is renamed; a stored code with another parent or level is a row error.',
  })
  @ApiErrors({ 413: TOO_LARGE, 422: IMPORT_ERRORS })
  @ApiOkResponse({ type: ImportResult })
  importOrgUnits(
    @UploadedFile() file: UploadedSpreadsheet | undefined,
    @Query() query: ImportQuery,
    @CurrentActor() actor: Actor,
  ): Promise<ImportResult> {
    if (!file) throw new MissingFileError();
    return this.orgUnitImport.import(file.buffer, file.originalname, actor, {
      dryRun: query.dryRun === 'true',
      atomic: query.atomic === 'true',
    });
  }
}
