import { ApiProperty } from '@nestjs/swagger';
import { PageQuery } from '../../common/http/page';
import { AGREEMENT_KINDS, type AgreementKind, STAGES } from '../../negotiations/workflow';
import { CAMPAIGN_STATUSES, type CampaignStatus } from '../campaign.entity';
import { type ExclusionCounts, SKIP_REASONS, type SkipReason } from '../domain/eligibility';
import { CampaignFilterDto } from './create-campaign.dto';

export class ListCampaignsQuery extends PageQuery {}

/** The enterprises of the filter not targeted, by reason (docs/domain.md, Offer campaigns). */
export class ExclusionCountsResponse implements ExclusionCounts {
  @ApiProperty({ description: 'not open on offerOn (closed by then, or registered after it)' })
  closed!: number;
  @ApiProperty({ description: 'no union founded by offerOn' }) noUnion!: number;
  @ApiProperty({ description: 'an agreement of the kind signed and running on offerOn' })
  agreementInForce!: number;
  @ApiProperty({ description: 'a round of the kind already open' }) roundOpen!: number;
}

export class EligibleEnterpriseResponse {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty() creditCode!: string;
  @ApiProperty() township!: string;
  @ApiProperty() ownershipType!: string;
  @ApiProperty() industry!: string;
  @ApiProperty() employeeCount!: number;
  @ApiProperty({ type: 'integer', nullable: true }) instructorId!: number | null;
}

export class CampaignPreviewResponse {
  @ApiProperty({ format: 'date' }) offerOn!: string;
  @ApiProperty({ enum: AGREEMENT_KINDS }) agreementKind!: AgreementKind;
  @ApiProperty({ description: 'enterprises the campaign would send an offer to' }) eligible!: number;
  @ApiProperty({
    type: [EligibleEnterpriseResponse],
    description: 'the first eligible enterprises, largest first (ties by id)',
  })
  items!: EligibleEnterpriseResponse[];
  @ApiProperty({ type: ExclusionCountsResponse, description: 'the others of the filter, by reason' })
  skipped!: ExclusionCountsResponse;
  @ApiProperty({ description: 'open unionised enterprises of the filter on offerOn (the signing-rate base)' })
  base!: number;
  @ApiProperty({ description: 'those of the base with an agreement of the kind running on offerOn' })
  covered!: number;
  @ApiProperty({ type: 'number', nullable: true, description: 'covered / base, 0–1; null for an empty base' })
  rate!: number | null;
}

export class CampaignStartedResponse {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: CAMPAIGN_STATUSES }) status!: CampaignStatus;
  @ApiProperty({ description: 'target enterprises frozen at the start' }) eligible!: number;
}

export class SkippedItemResponse {
  @ApiProperty() enterpriseId!: number;
  @ApiProperty({ enum: SKIP_REASONS }) reason!: SkipReason;
}

/** A campaign in the list: what it is and how far it got. */
export class CampaignSummaryResponse {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: CAMPAIGN_STATUSES }) status!: CampaignStatus;
  @ApiProperty({ enum: AGREEMENT_KINDS }) agreementKind!: AgreementKind;
  @ApiProperty({ format: 'date' }) offerOn!: string;
  @ApiProperty({ type: CampaignFilterDto }) filter!: CampaignFilterDto;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'the unit whose subtree it covers; null: all',
  })
  unitId!: number | null;
  @ApiProperty({ description: 'target enterprises frozen at the start' }) eligible!: number;
  @ApiProperty({ description: 'rounds opened' }) opened!: number;
  @ApiProperty({ description: 'targets still to open' }) pending!: number;
  @ApiProperty({ description: 'targets skipped (an open round or an agreement in the meantime, …)' })
  skippedCount!: number;
  @ApiProperty({ description: '(opened + skipped) / eligible, 0–1 (1 with no target)' }) progress!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: 'integer', nullable: true }) createdBy!: number | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) finishedAt!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) failedReason!: string | null;
}

export class CampaignResponse extends CampaignSummaryResponse {
  @ApiProperty({
    type: [SkippedItemResponse],
    description: 'the targets skipped, largest enterprise first (at most 1,000; skippedCount counts all)',
  })
  skipped!: SkippedItemResponse[];
  @ApiProperty({
    type: ExclusionCountsResponse,
    description: 'the enterprises of the filter not targeted at the start, by reason (as the preview said)',
  })
  excluded!: ExclusionCountsResponse;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: `the rounds opened, by their stage now (${STAGES.join(', ')}); stages with none left out`,
  })
  byStage!: Record<string, number>;
  @ApiProperty({
    description: 'rounds opened whose offer has had no reply past its deadline (集体合同规定 art. 32)',
  })
  repliesOverdue!: number;
  @ApiProperty({
    type: 'number',
    nullable: true,
    description: 'signing rate of the filter’s open unionised enterprises on offerOn (0–1)',
  })
  rateAtStart!: number | null;
  @ApiProperty({ type: 'number', nullable: true, description: 'the same rate today (0–1)' })
  rateNow!: number | null;
  @ApiProperty() baseAtStart!: number;
  @ApiProperty() coveredAtStart!: number;
  @ApiProperty() baseNow!: number;
  @ApiProperty() coveredNow!: number;
  @ApiProperty({ format: 'date', description: 'the day rateNow is measured' }) today!: string;
}

export class CampaignPage {
  @ApiProperty({ type: [CampaignSummaryResponse] }) items!: CampaignSummaryResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
