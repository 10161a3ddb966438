import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseIntPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuditPage } from '../audit/dto/audit-entry.response';
import type { Actor } from '../access/actor';
import { PageQuery } from '../common/http/page';
import { CurrentActor, Roles } from '../access/decorators';
import { CreateEnterpriseDto } from './dto/create-enterprise.dto';
import { EnterprisePage, EnterpriseResponse, TownshipPage } from './dto/enterprise.response';
import { ListEnterprisesQuery } from './dto/list-enterprises.query';
import { UpdateEnterpriseDto } from './dto/update-enterprise.dto';
import { EnterpriseNotFoundError } from './enterprises.errors';
import { EnterprisesService } from './enterprises.service';
import { ApiErrors } from '../common/http/error-response';
import { ValidationFailedError } from '../common/errors/request.errors';

/** An id that is not a positive integer names no enterprise: 404, as for any unknown id. */
const enterpriseId = new ParseIntPipe({
  exceptionFactory: () => new EnterpriseNotFoundError('with that id'),
});

/**
 * The version a PATCH is made at: `expectedVersion` in the body or the If-Match header (the
 * version as a number, quoted or not; `*` means any). Neither: undefined, the latest write wins.
 */
export function expectedVersionOf(
  bodyVersion: number | undefined,
  ifMatch: string | undefined,
): number | undefined {
  const header = ifMatch?.trim();
  let headerVersion: number | undefined;
  if (header !== undefined && header !== '' && header !== '*') {
    const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header);
    if (!match || Number(match[1]) < 1) {
      throw new ValidationFailedError([
        {
          field: 'If-Match',
          message: `If-Match must be the version you loaded (a whole number), got ${header}`,
        },
      ]);
    }
    headerVersion = Number(match[1]);
  }
  if (bodyVersion !== undefined && headerVersion !== undefined && bodyVersion !== headerVersion) {
    throw new ValidationFailedError([
      {
        field: 'expectedVersion',
        message: `expectedVersion ${bodyVersion} and If-Match ${headerVersion} disagree: send one of them`,
      },
    ]);
  }
  return bodyVersion ?? headerVersion;
}

@ApiTags('enterprises')
@ApiBearerAuth()
@Controller('api/v1/enterprises')
export class EnterprisesController {
  constructor(private readonly enterprises: EnterprisesService) {}

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({ summary: 'Register an enterprise (admin)' })
  @ApiErrors({
    409: 'ENTERPRISE.DUPLICATE_CREDIT_CODE: the credit code is already registered',
    422: 'ENTERPRISE.CLOSED_BEFORE_REGISTERED: closedOn before registeredOn; ENTERPRISE.REGISTERED_ON: registeredOn after today; ENTERPRISE.UNION_FOUNDED_ON: unionFoundedOn in the future or before registeredOn; ENTERPRISE.WORKERS_CONGRESS_ON: workersCongressOn in the future or before registeredOn; ENTERPRISE.UNKNOWN_INSTRUCTOR: instructorId is not an active instructor; ENTERPRISE.BAD_TOWNSHIP: orgUnitId is not a township the caller governs, or township names none or several of them (the error names the field); ENTERPRISE.INSTRUCTOR_OUTSIDE_UNIT: the instructor’s unit does not cover the township',
  })
  @ApiCreatedResponse({ type: EnterpriseResponse })
  create(@Body() dto: CreateEnterpriseDto, @CurrentActor() actor: Actor): Promise<EnterpriseResponse> {
    return this.enterprises.create(dto, actor);
  }

  @Get()
  @ApiOperation({
    summary:
      'List enterprises with filters, in id order (instructors: their own; a caller with a unit: its subtree’s)',
  })
  @ApiErrors({ 404: 'ORG_UNIT.NOT_FOUND: orgUnitId is not a unit the caller governs' })
  @ApiOkResponse({ type: EnterprisePage })
  list(@Query() query: ListEnterprisesQuery, @CurrentActor() actor: Actor): Promise<EnterprisePage> {
    return this.enterprises.list(query, actor);
  }

  @Get('townships')
  @ApiOperation({ summary: 'The townships of the enterprises (instructors: of their own), with counts' })
  @ApiOkResponse({ type: TownshipPage })
  townships(@CurrentActor() actor: Actor): Promise<TownshipPage> {
    return this.enterprises.townships(actor);
  }

  @Get(':id')
  @ApiOkResponse({ type: EnterpriseResponse })
  get(@Param('id', enterpriseId) id: number, @CurrentActor() actor: Actor): Promise<EnterpriseResponse> {
    return this.enterprises.get(id, actor);
  }

  @Get(':id/history')
  @ApiOperation({
    summary: "The enterprise's changes, newest first (its page's history)",
    description:
      'For everyone who may see the enterprise (instructors: their own; client addresses only for admins and supervisors).',
  })
  @ApiErrors({ 404: 'ENTERPRISE.NOT_FOUND: no such enterprise, or not the instructor’s' })
  @ApiOkResponse({ type: AuditPage })
  history(
    @Param('id', enterpriseId) id: number,
    @Query() query: PageQuery,
    @CurrentActor() actor: Actor,
  ): Promise<AuditPage> {
    return this.enterprises.history(id, query, actor);
  }

  @Patch(':id')
  @ApiErrors({
    403: 'AUTH.FORBIDDEN_FIELD: an instructor changing instructorId',
    409: 'ENTERPRISE.DUPLICATE_CREDIT_CODE: the credit code is already registered; ENTERPRISE.VERSION_CONFLICT: the enterprise changed since expectedVersion (or If-Match), the body carries currentVersion',
    422: 'ENTERPRISE.CLOSED_BEFORE_REGISTERED: closedOn before registeredOn; ENTERPRISE.REGISTERED_ON: registeredOn after today; ENTERPRISE.UNION_FOUNDED_ON: unionFoundedOn in the future or before registeredOn; ENTERPRISE.WORKERS_CONGRESS_ON: workersCongressOn in the future or before registeredOn; ENTERPRISE.UNKNOWN_INSTRUCTOR: instructorId is not an active instructor; ENTERPRISE.BAD_TOWNSHIP: orgUnitId is not a township the caller governs, or township names none or several of them (the error names the field); ENTERPRISE.INSTRUCTOR_OUTSIDE_UNIT: the instructor’s unit does not cover the township',
  })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'the version you loaded (e.g. 3 or "3"), instead of expectedVersion in the body',
  })
  @Roles('admin', 'instructor')
  @ApiOperation({
    summary: 'Change some fields; null clears an optional one',
    description:
      'Instructors change their own enterprises but not instructorId (assignment is for admins). ' +
      'With expectedVersion (or If-Match) the change is made only at that version: 409 ENTERPRISE.VERSION_CONFLICT otherwise.',
  })
  @ApiOkResponse({ type: EnterpriseResponse })
  update(
    @Param('id', enterpriseId) id: number,
    @Body() dto: UpdateEnterpriseDto,
    @CurrentActor() actor: Actor,
    @Headers('if-match') ifMatch?: string,
  ): Promise<EnterpriseResponse> {
    return this.enterprises.update(id, dto, actor, expectedVersionOf(dto.expectedVersion, ifMatch));
  }
}
