import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { CreateEnterpriseDto } from './dto/create-enterprise.dto';
import { EnterprisePage, EnterpriseResponse, TownshipPage } from './dto/enterprise.response';
import { ListEnterprisesQuery } from './dto/list-enterprises.query';
import { UpdateEnterpriseDto } from './dto/update-enterprise.dto';
import { EnterpriseNotFoundError } from './enterprises.errors';
import { EnterprisesService } from './enterprises.service';
import { ApiErrors } from '../common/http/error-response';

/** An id that is not a positive integer names no enterprise: 404, as for any unknown id. */
const enterpriseId = new ParseIntPipe({
  exceptionFactory: () => new EnterpriseNotFoundError('with that id'),
});

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
    422: 'ENTERPRISE.CLOSED_BEFORE_REGISTERED: closedOn before registeredOn; ENTERPRISE.UNION_FOUNDED_ON: unionFoundedOn in the future or before registeredOn; ENTERPRISE.UNKNOWN_INSTRUCTOR: instructorId is not an active instructor',
  })
  @ApiCreatedResponse({ type: EnterpriseResponse })
  create(@Body() dto: CreateEnterpriseDto, @CurrentActor() actor: Actor): Promise<EnterpriseResponse> {
    return this.enterprises.create(dto, actor);
  }

  @Get()
  @ApiOperation({ summary: 'List enterprises with filters, in id order (instructors: their own)' })
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

  @Patch(':id')
  @ApiErrors({
    403: 'AUTH.FORBIDDEN_FIELD: an instructor changing instructorId',
    409: 'ENTERPRISE.DUPLICATE_CREDIT_CODE: the credit code is already registered',
    422: 'ENTERPRISE.CLOSED_BEFORE_REGISTERED: closedOn before registeredOn; ENTERPRISE.UNION_FOUNDED_ON: unionFoundedOn in the future or before registeredOn; ENTERPRISE.UNKNOWN_INSTRUCTOR: instructorId is not an active instructor',
  })
  @Roles('admin', 'instructor')
  @ApiOperation({
    summary: 'Change some fields; null clears an optional one',
    description: 'Instructors change their own enterprises but not instructorId (assignment is for admins).',
  })
  @ApiOkResponse({ type: EnterpriseResponse })
  update(
    @Param('id', enterpriseId) id: number,
    @Body() dto: UpdateEnterpriseDto,
    @CurrentActor() actor: Actor,
  ): Promise<EnterpriseResponse> {
    return this.enterprises.update(id, dto, actor);
  }
}
