import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../access/actor';
import { CurrentActor, Roles } from '../access/decorators';
import { ApiErrors } from '../common/http/error-response';
import { sendFile } from '../common/tables/download';
import { CampaignNotFoundError } from './campaigns.errors';
import { CampaignsService } from './campaigns.service';
import {
  CampaignPage,
  CampaignPreviewResponse,
  CampaignResponse,
  CampaignStartedResponse,
  ListCampaignsQuery,
} from './dto/campaign.response';
import { CreateCampaignDto, PreviewCampaignDto } from './dto/create-campaign.dto';
import { OfferLettersQuery } from './dto/offer-letters.query';

const campaignId = new ParseIntPipe({ exceptionFactory: () => new CampaignNotFoundError('with that id') });

const BODY_ERRORS = {
  404: 'ORG_UNIT.NOT_FOUND: filter.orgUnitId is not a unit the caller governs',
  422: 'REQUEST.VALIDATION_FAILED: a field is wrong (the message names it in Chinese): an empty name, an unknown agreement kind, sector or ownership type, an industry outside A–T, offerOn after today or more than a year ago',
};

@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('api/v1/campaigns')
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Post('preview')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary:
      'What a campaign with this body would do: how many enterprises get an offer, the first of them, why the others do not',
  })
  @ApiErrors(BODY_ERRORS)
  @ApiOkResponse({ type: CampaignPreviewResponse })
  preview(@Body() dto: PreviewCampaignDto, @CurrentActor() actor: Actor): Promise<CampaignPreviewResponse> {
    return this.campaigns.preview(dto, actor);
  }

  @Post()
  @HttpCode(202)
  @Roles('admin')
  @ApiOperation({
    summary: 'Start an offer campaign (集中要约行动)',
    description:
      'Freezes the target enterprises (every open unionised enterprise of the filter, in the caller’s scope, ' +
      'with no agreement of the kind running on offerOn and no open round of the kind), then opens an ' +
      'enterprise round for each with OFFER_SENT (sentBy union, occurredOn = receivedOn = offerOn) in the ' +
      'background. GET /campaigns/:id follows it.',
  })
  @ApiErrors(BODY_ERRORS)
  @ApiAcceptedResponse({ type: CampaignStartedResponse })
  start(@Body() dto: CreateCampaignDto, @CurrentActor() actor: Actor): Promise<CampaignStartedResponse> {
    return this.campaigns.start(dto, actor);
  }

  @Get()
  @Roles('admin', 'supervisor')
  @ApiOperation({ summary: 'The campaigns of the units the caller governs, newest first' })
  @ApiOkResponse({ type: CampaignPage })
  list(@Query() query: ListCampaignsQuery, @CurrentActor() actor: Actor): Promise<CampaignPage> {
    return this.campaigns.list(query, actor);
  }

  @Get(':id')
  @Roles('admin', 'supervisor')
  @ApiOperation({ summary: 'A campaign: its progress, skips, stages, overdue replies and signing rates' })
  @ApiErrors({ 404: 'CAMPAIGN.NOT_FOUND: no such campaign, or one of a unit the caller does not govern' })
  @ApiOkResponse({ type: CampaignResponse })
  get(@Param('id', campaignId) id: number, @CurrentActor() actor: Actor): Promise<CampaignResponse> {
    return this.campaigns.get(id, actor);
  }

  @Get(':id/offers.zip')
  @Roles('admin', 'supervisor')
  @ApiProduces('application/zip')
  @ApiOperation({
    summary:
      'The offer letters (要约书, Word) of the rounds the campaign opened, one .zip per 1,000 letters (part 1, 2, …; largest enterprises first)',
  })
  @ApiErrors({
    404: 'CAMPAIGN.NOT_FOUND: no such campaign, or not the caller’s; CAMPAIGN.NO_OFFER_LETTERS: no round opened yet, or no such part',
  })
  @ApiOkResponse({ description: 'a .zip of .docx files, numbered' })
  async offerLetters(
    @Param('id', campaignId) id: number,
    @Query() query: OfferLettersQuery,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ): Promise<void> {
    const letters = await this.campaigns.offerLetters(id, query.part, actor);
    sendFile(res, 'application/zip', letters.fileName, letters.content);
  }

  @Post(':id/run')
  @HttpCode(202)
  @Roles('admin')
  @ApiOperation({
    summary: 'Run the campaign again: opens what is still pending; nothing is opened twice',
  })
  @ApiErrors({ 404: 'CAMPAIGN.NOT_FOUND: no such campaign, or one of a unit the caller does not govern' })
  @ApiAcceptedResponse({ type: CampaignStartedResponse })
  run(@Param('id', campaignId) id: number, @CurrentActor() actor: Actor): Promise<CampaignStartedResponse> {
    return this.campaigns.runAgain(id, actor);
  }
}
