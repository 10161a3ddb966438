import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../access/actor';
import { CurrentActor, Roles } from '../access/decorators';
import { CreateHistoricalAgreementDto } from './dto/create-historical-agreement.dto';
import { CreateNegotiationDto } from './dto/create-negotiation.dto';
import { ListNegotiationsQuery } from './dto/list-negotiations.query';
import { NegotiationEventResponse, NegotiationPage, NegotiationResponse } from './dto/negotiation.response';
import { NegotiationNotFoundError } from './negotiations.errors';
import { NegotiationsService } from './negotiations.service';
import { ApiErrors } from '../common/http/error-response';

const negotiationId = new ParseIntPipe({
  exceptionFactory: () => new NegotiationNotFoundError('with that id'),
});

@ApiTags('negotiations')
@ApiBearerAuth()
@Controller('api/v1')
export class NegotiationsController {
  constructor(private readonly negotiations: NegotiationsService) {}

  @Post('negotiations')
  @HttpCode(201)
  @Roles('admin', 'instructor')
  @ApiOperation({ summary: 'Open a negotiation round (stage invitation)' })
  @ApiErrors({
    404: "ENTERPRISE.NOT_FOUND: a covered enterprise does not exist or is outside the caller's scope (an instructor may include only their own enterprises; rounds spanning several instructors are opened by an admin); the body's enterpriseIds lists them. NEGOTIATION.NOT_FOUND (field renews): the renewed negotiation does not exist or is outside the caller's scope",
    409: 'NEGOTIATION.ALREADY_OPEN: an enterprise already has an open round of this agreement kind; the body carries its negotiationId',
    422: 'NEGOTIATION.ENTERPRISES: an enterprise-scope round names more than one enterprise; NEGOTIATION.RENEWS: the renewed negotiation has no agreement of this kind',
  })
  @ApiCreatedResponse({ type: NegotiationResponse })
  create(@Body() dto: CreateNegotiationDto, @CurrentActor() actor: Actor): Promise<NegotiationResponse> {
    return this.negotiations.create(dto, actor);
  }

  @Get('negotiations')
  @ApiOperation({
    summary:
      'List negotiations, by id or (sort=agenda) open rounds by next deadline first (instructors: those covering their enterprises)',
  })
  @ApiOkResponse({ type: NegotiationPage })
  list(@Query() query: ListNegotiationsQuery, @CurrentActor() actor: Actor): Promise<NegotiationPage> {
    return this.negotiations.list(query, actor);
  }

  @Get('negotiations/:id')
  @ApiOkResponse({ type: NegotiationResponse })
  get(@Param('id', negotiationId) id: number, @CurrentActor() actor: Actor): Promise<NegotiationResponse> {
    return this.negotiations.get(id, actor);
  }

  @Post('negotiations/:id/events')
  @HttpCode(200)
  @Roles('admin', 'instructor')
  @ApiOperation({
    summary: 'Record what happened: one workflow event',
    description:
      'Body: {type, occurredOn, expectedVersion, ...the fields of that event}. availableEvents of the ' +
      'negotiation lists the events accepted now and their fields. 409 NEGOTIATION.VERSION_CONFLICT ' +
      '(with currentVersion) when someone else recorded an event first; 422 NEGOTIATION.ILLEGAL_EVENT, ' +
      'GUARD_FAILED or INVALID_EVENT with a message naming the rule; a GUARD_FAILED by one of the ' +
      "machine's checks also carries `check` (its name in GET /workflow), `rule` (the article) and " +
      '`ruleZh` (the article as Chinese cites it).',
  })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['type', 'occurredOn', 'expectedVersion'],
      properties: {
        type: { type: 'string', example: 'OFFER_SENT' },
        occurredOn: { type: 'string', format: 'date', example: '2026-11-20' },
        expectedVersion: { type: 'integer', example: 0 },
      },
      additionalProperties: true,
    },
  })
  @ApiErrors({
    409: 'NEGOTIATION.VERSION_CONFLICT: someone recorded an event since expectedVersion; the body carries currentVersion',
    422: 'NEGOTIATION.ILLEGAL_EVENT: the stage does not take this event; NEGOTIATION.GUARD_FAILED: a rule refuses it (message names the article; check and rule say which); NEGOTIATION.INVALID_EVENT: a missing or malformed field, occurredOn before a covered enterprise was registered, or (SIGNED) coveredEmployees above their headcount',
  })
  @ApiOkResponse({ type: NegotiationResponse })
  recordEvent(
    @Param('id', negotiationId) id: number,
    @Body() body: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<NegotiationResponse> {
    return this.negotiations.recordEvent(id, body, actor);
  }

  @Get('negotiations/:id/events')
  @ApiOperation({ summary: 'The whole history, in order' })
  @ApiOkResponse({ type: [NegotiationEventResponse] })
  events(
    @Param('id', negotiationId) id: number,
    @CurrentActor() actor: Actor,
  ): Promise<NegotiationEventResponse[]> {
    return this.negotiations.events(id, actor);
  }

  @Post('agreements/historical')
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({ summary: 'Record an agreement signed before the product was used (→ in_force or expired)' })
  @ApiErrors({
    404: "ENTERPRISE.NOT_FOUND: a covered enterprise does not exist; the body's enterpriseIds lists them",
    422: 'NEGOTIATION.GUARD_FAILED: the dates or term break a rule (effect before signing, expiry not after effect, a term outside 1-36 months, signedOn in the future); NEGOTIATION.INVALID_EVENT: signedOn before a covered enterprise was registered, or an implausible number; NEGOTIATION.ENTERPRISES: the covered enterprises do not fit the scope; each names its field',
  })
  @ApiCreatedResponse({ type: NegotiationResponse })
  historical(
    @Body() dto: CreateHistoricalAgreementDto,
    @CurrentActor() actor: Actor,
  ): Promise<NegotiationResponse> {
    return this.negotiations.createHistorical(dto, actor);
  }
}
