import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateEnterpriseDto } from './dto/create-enterprise.dto';
import { EnterprisePage, EnterpriseResponse } from './dto/enterprise.response';
import { ListEnterprisesQuery } from './dto/list-enterprises.query';
import { UpdateEnterpriseDto } from './dto/update-enterprise.dto';
import { EnterpriseNotFoundError } from './enterprises.errors';
import { EnterprisesService } from './enterprises.service';

/** An id that is not a positive integer names no enterprise: 404, as for any unknown id. */
const enterpriseId = new ParseIntPipe({
  exceptionFactory: () => new EnterpriseNotFoundError('with that id'),
});

@ApiTags('enterprises')
@Controller('api/v1/enterprises')
export class EnterprisesController {
  constructor(private readonly enterprises: EnterprisesService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Register an enterprise' })
  @ApiCreatedResponse({ type: EnterpriseResponse })
  create(@Body() dto: CreateEnterpriseDto): Promise<EnterpriseResponse> {
    return this.enterprises.create(dto);
  }

  @Get()
  @ApiOperation({ summary: 'List enterprises with filters, in id order' })
  @ApiOkResponse({ type: EnterprisePage })
  list(@Query() query: ListEnterprisesQuery): Promise<EnterprisePage> {
    return this.enterprises.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: EnterpriseResponse })
  get(@Param('id', enterpriseId) id: number): Promise<EnterpriseResponse> {
    return this.enterprises.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change some fields; null clears an optional one' })
  @ApiOkResponse({ type: EnterpriseResponse })
  update(
    @Param('id', enterpriseId) id: number,
    @Body() dto: UpdateEnterpriseDto,
  ): Promise<EnterpriseResponse> {
    return this.enterprises.update(id, dto);
  }
}
