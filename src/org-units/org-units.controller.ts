import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../access/actor';
import { CurrentActor, Roles } from '../access/decorators';
import { ApiErrors } from '../common/http/error-response';
import { CreateOrgUnitDto } from './dto/create-org-unit.dto';
import { ListOrgUnitsQuery } from './dto/list-org-units.query';
import { OrgUnitPage, OrgUnitResponse, OrgUnitTargetsResponse } from './dto/org-unit.response';
import { PutTargetsDto } from './dto/put-targets.dto';
import { UpdateOrgUnitDto } from './dto/update-org-unit.dto';
import { OrgUnitsRegistryService } from './org-units-registry.service';
import { OrgUnitNotFoundError } from './org-units.errors';

const unitId = new ParseIntPipe({ exceptionFactory: () => new OrgUnitNotFoundError('with that id') });

const NOT_FOUND = 'ORG_UNIT.NOT_FOUND: no such unit, or one outside the units the caller governs';

/** The federation hierarchy (docs/contract.md, Federation hierarchy): units and their targets. */
@ApiTags('org-units')
@ApiBearerAuth()
@Controller('api/v1/org-units')
export class OrgUnitsController {
  constructor(private readonly registry: OrgUnitsRegistryService) {}

  @Get()
  @ApiOperation({
    summary: 'The units the caller governs (everyone: their unit’s subtree; without a unit, all), by code',
  })
  @ApiErrors({ 404: `${NOT_FOUND} (parentId)` })
  @ApiOkResponse({ type: OrgUnitPage })
  list(@Query() query: ListOrgUnitsQuery, @CurrentActor() actor: Actor): Promise<OrgUnitPage> {
    return this.registry.list(query, actor);
  }

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({
    summary: 'Add a unit under one the caller governs (a root: admins without a unit only)',
    description:
      '403 AUTH.FORBIDDEN_UNIT when the parent is outside the units the caller governs, or for a new root asked by an admin who has a unit.',
  })
  @ApiErrors({
    409: 'ORG_UNIT.DUPLICATE_CODE: a unit has that code already',
    422: 'ORG_UNIT.BAD_PLACEMENT: the level is not one below the parent’s, the code does not start with the parent’s prefix, or the parent does not exist (the error names level, code or parentId)',
  })
  @ApiCreatedResponse({ type: OrgUnitResponse })
  create(@Body() dto: CreateOrgUnitDto, @CurrentActor() actor: Actor): Promise<OrgUnitResponse> {
    return this.registry.create(dto, actor);
  }

  @Get(':id')
  @ApiErrors({ 404: NOT_FOUND })
  @ApiOkResponse({ type: OrgUnitResponse })
  get(@Param('id', unitId) id: number, @CurrentActor() actor: Actor): Promise<OrgUnitResponse> {
    return this.registry.get(id, actor);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({
    summary: 'Correct a unit’s name; its code, level and parent never change (422 naming them)',
  })
  @ApiErrors({ 404: NOT_FOUND })
  @ApiOkResponse({ type: OrgUnitResponse })
  update(
    @Param('id', unitId) id: number,
    @Body() dto: UpdateOrgUnitDto,
    @CurrentActor() actor: Actor,
  ): Promise<OrgUnitResponse> {
    return this.registry.update(id, dto, actor);
  }

  @Get(':id/targets')
  @ApiOperation({
    summary: 'The unit’s own signing-rate targets, the effective ones and where each comes from',
  })
  @ApiErrors({ 404: NOT_FOUND })
  @ApiOkResponse({ type: OrgUnitTargetsResponse })
  targets(@Param('id', unitId) id: number, @CurrentActor() actor: Actor): Promise<OrgUnitTargetsResponse> {
    return this.registry.targets(id, actor);
  }

  @Put(':id/targets')
  @Roles('admin')
  @ApiOperation({
    summary:
      'Set the unit’s own targets (admins of the unit or above): a fraction sets one, null inherits it again',
  })
  @ApiErrors({ 404: NOT_FOUND })
  @ApiOkResponse({ type: OrgUnitTargetsResponse })
  putTargets(
    @Param('id', unitId) id: number,
    @Body() dto: PutTargetsDto,
    @CurrentActor() actor: Actor,
  ): Promise<OrgUnitTargetsResponse> {
    return this.registry.putTargets(id, dto, actor);
  }
}
