import { Inject, Injectable } from '@nestjs/common';
import PizZip from 'pizzip';
import { DataSource } from 'typeorm';
import type { Actor } from '../access/actor';
import { type AccessScope, scopeOf, UNRESTRICTED, unitRecordInScope, withinUnits } from '../access/scope';
import { Clock } from '../common/clock/clock';
import { addDays } from '../common/dates/business-date';
import { ValidationFailedError } from '../common/errors/request.errors';
import { writeTransaction } from '../database/transactions';
import { DocumentsService } from '../documents/documents.service';
import { OrgUnitsService } from '../org-units/org-units.service';
import type { Campaign } from './campaign.entity';
import { CampaignRunner } from './campaign-runner';
import { type CampaignsConfig, campaignsConfig } from './campaigns.config';
import { CampaignNotFoundError, NoOfferLettersError } from './campaigns.errors';
import { type ItemCounts, CampaignsRepository, type Targeting } from './campaigns.repository';
import {
  CampaignPage,
  CampaignPreviewResponse,
  CampaignResponse,
  CampaignStartedResponse,
  CampaignSummaryResponse,
  ListCampaignsQuery,
} from './dto/campaign.response';
import { CampaignTargetDto, CreateCampaignDto } from './dto/create-campaign.dto';
import { type CampaignFilter, rateOf, signingRateOf } from './domain/eligibility';

/** How many eligible enterprises the preview lists. */
const PREVIEW_ITEMS = 20;
/** How many skipped targets a campaign's answer lists (skippedCount counts them all). */
const SKIPPED_LISTED = 1000;
/** Offer letters per .zip (GET /campaigns/:id/offers.zip?part=): a part is made in memory, one letter at a time. */
export const OFFER_LETTERS_PER_PART = 1000;
/** How far back an offer day may lie: a campaign is this year's action, not a record of an old one. */
const OLDEST_OFFER_DAYS = 366;

/**
 * Offer campaigns (docs/domain.md, Offer campaigns): the preview, the start (which freezes the
 * targets and runs in the background), the answers. The rounds are opened by CampaignRunner
 * through NegotiationWriter, the one write path.
 */
@Injectable()
export class CampaignsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly campaigns: CampaignsRepository,
    private readonly runner: CampaignRunner,
    private readonly orgUnits: OrgUnitsService,
    private readonly clock: Clock,
    @Inject(campaignsConfig.KEY) private readonly config: CampaignsConfig,
    private readonly documents: DocumentsService,
  ) {}

  async preview(dto: CampaignTargetDto, actor: Actor): Promise<CampaignPreviewResponse> {
    const { targeting } = await this.targetingOf(dto, actor);
    const classified = await this.campaigns.classify(targeting);
    const items = await this.campaigns.eligible(targeting, PREVIEW_ITEMS);
    return {
      offerOn: dto.offerOn,
      agreementKind: dto.agreementKind,
      eligible: classified.eligible,
      items,
      skipped: classified.excluded,
      ...signingRateOf(classified),
    };
  }

  /** Freezes the targets (one transaction with the campaign row), then runs it in the background. */
  async start(dto: CreateCampaignDto, actor: Actor): Promise<CampaignStartedResponse> {
    const { targeting, unitId } = await this.targetingOf(dto, actor);
    const campaign = await writeTransaction(this.dataSource, async (manager) => {
      const classified = await this.campaigns.classify(targeting, manager);
      const rate = signingRateOf(classified);
      return this.campaigns.create(
        manager,
        {
          name: dto.name,
          agreementKind: dto.agreementKind,
          offerOn: dto.offerOn,
          filter: targeting.filter,
          unitId,
          status: 'running',
          eligible: classified.eligible,
          excluded: classified.excluded,
          baseAtStart: rate.base,
          coveredAtStart: rate.covered,
          createdBy: actor.id,
          finishedAt: null,
          failedReason: null,
        },
        targeting,
      );
    });
    if (this.config.autoRun) this.runner.kick(campaign.id);
    return { id: campaign.id, status: campaign.status, eligible: campaign.eligible };
  }

  /** Runs the campaign again: opens what is still pending (nothing twice), and finds nothing new to target. */
  async runAgain(id: number, actor: Actor): Promise<CampaignStartedResponse> {
    const campaign = await this.loadInScope(id, actor);
    if (campaign.status !== 'running') await this.campaigns.markRunning(id);
    if (this.config.autoRun) this.runner.kick(id);
    return { id, status: 'running', eligible: campaign.eligible };
  }

  async list(query: ListCampaignsQuery, actor: Actor): Promise<CampaignPage> {
    const [rows, total] = await this.campaigns.page(actor, query.page, query.pageSize);
    const counts = await this.campaigns.counts(rows.map((row) => row.id));
    return {
      items: rows.map((row) => summaryOf(row, counts.get(row.id)!)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(id: number, actor: Actor): Promise<CampaignResponse> {
    const campaign = await this.loadInScope(id, actor);
    const today = this.clock.today();
    const [counts, skipped, byStage, repliesOverdue, now] = await Promise.all([
      this.campaigns.counts([id]),
      this.campaigns.skipped(id, SKIPPED_LISTED),
      this.campaigns.byStage(id),
      this.campaigns.repliesOverdue(id, today),
      this.rateNow(campaign, today),
    ]);
    return {
      ...summaryOf(campaign, counts.get(id)!),
      skipped,
      excluded: campaign.excluded,
      byStage,
      repliesOverdue,
      rateAtStart: rateOf(campaign.coveredAtStart, campaign.baseAtStart),
      rateNow: now.rate,
      baseAtStart: campaign.baseAtStart,
      coveredAtStart: campaign.coveredAtStart,
      baseNow: now.base,
      coveredNow: now.covered,
      today,
    };
  }

  /**
   * The offer letters (要约书) of the rounds the campaign opened, as one .zip of Word documents,
   * `OFFER_LETTERS_PER_PART` a file: part 1 the first (largest enterprises first), part 2 the
   * next… Each letter is the negotiation's own document (src/documents), numbered in the zip.
   */
  async offerLetters(id: number, part: number, actor: Actor): Promise<{ fileName: string; content: Buffer }> {
    const campaign = await this.loadInScope(id, actor);
    const rounds = await this.campaigns.openedRounds(
      id,
      (part - 1) * OFFER_LETTERS_PER_PART,
      OFFER_LETTERS_PER_PART,
    );
    if (rounds.length === 0) throw new NoOfferLettersError(id, part);
    const zip = new PizZip();
    const width = String((part - 1) * OFFER_LETTERS_PER_PART + rounds.length).length;
    for (const [index, negotiationId] of rounds.entries()) {
      const letter = await this.documents.render(negotiationId, 'offer', actor);
      const number = String((part - 1) * OFFER_LETTERS_PER_PART + index + 1).padStart(width, '0');
      zip.file(`${number}_${letter.fileName}`, letter.content);
    }
    const suffix = part > 1 ? `_第${part}部分` : '';
    return {
      fileName: `要约书_${campaign.name}${suffix}.zip`,
      content: zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' }),
    };
  }

  /** The campaign if it exists and the actor governs its unit; else not found, alike. */
  private async loadInScope(id: number, actor: Actor): Promise<Campaign> {
    const campaign = await this.campaigns.findById(id);
    if (!campaign || !unitRecordInScope(actor, campaign.unitId)) throw new CampaignNotFoundError(id);
    return campaign;
  }

  /** The signing rate of the campaign's filter today, in the campaign's unit. */
  private async rateNow(campaign: Campaign, today: string) {
    const scope: AccessScope =
      campaign.unitId === null
        ? UNRESTRICTED
        : withinUnits(UNRESTRICTED, await this.orgUnits.governedUnitIds(campaign.unitId));
    const classified = await this.campaigns.classify({
      filter: campaign.filter,
      scope,
      agreementKind: campaign.agreementKind,
      on: today,
    });
    return signingRateOf(classified);
  }

  /**
   * Who the body targets, within the actor's scope: the filter's unit must be one the actor
   * governs (else 404 ORG_UNIT.NOT_FOUND, as the reports answer), the offer day today or in
   * the last year. Also the campaign's unit: the filter's, else the actor's when their scope is
   * a unit's; null for the whole deployment.
   */
  private async targetingOf(
    dto: CampaignTargetDto,
    actor: Actor,
  ): Promise<{ targeting: Targeting; unitId: number | null }> {
    const today = this.clock.today();
    if (dto.offerOn > today) {
      throw new ValidationFailedError([
        { field: 'offerOn', message: `要约日期（offerOn）${dto.offerOn} 不能晚于今天（${today}）` },
      ]);
    }
    const oldest = addDays(today, -OLDEST_OFFER_DAYS);
    if (dto.offerOn < oldest) {
      throw new ValidationFailedError([
        { field: 'offerOn', message: `要约日期（offerOn）${dto.offerOn} 不能早于 ${oldest}（一年以内）` },
      ]);
    }
    const filter = cleanFilter(dto.filter);
    let scope = scopeOf(actor);
    let unitId = actor.governedUnitIds === null ? null : actor.orgUnitId;
    if (filter.orgUnitId !== undefined) {
      const unit = await this.orgUnits.governedUnit(filter.orgUnitId, actor);
      scope = withinUnits(scope, await this.orgUnits.governedUnitIds(unit.id));
      unitId = unit.id;
    }
    return { targeting: { filter, scope, agreementKind: dto.agreementKind, on: dto.offerOn }, unitId };
  }
}

/** The filter as stored: the fields given, nothing else. */
function cleanFilter(dto: CampaignTargetDto['filter']): CampaignFilter {
  const filter: CampaignFilter = {};
  if (dto.orgUnitId !== undefined) filter.orgUnitId = dto.orgUnitId;
  if (dto.sector !== undefined) filter.sector = dto.sector;
  if (dto.ownershipTypes !== undefined && dto.ownershipTypes.length > 0)
    filter.ownershipTypes = [...dto.ownershipTypes];
  if (dto.industry !== undefined) filter.industry = dto.industry;
  if (dto.township !== undefined) filter.township = dto.township;
  return filter;
}

function summaryOf(campaign: Campaign, counts: ItemCounts): CampaignSummaryResponse {
  const handled = counts.opened + counts.skipped;
  return {
    id: campaign.id,
    name: campaign.name,
    status: campaign.status,
    agreementKind: campaign.agreementKind,
    offerOn: campaign.offerOn,
    filter: campaign.filter,
    unitId: campaign.unitId,
    eligible: campaign.eligible,
    opened: counts.opened,
    pending: counts.pending,
    skippedCount: counts.skipped,
    progress: campaign.eligible === 0 ? 1 : handled / campaign.eligible,
    createdAt: campaign.createdAt.toISOString(),
    createdBy: campaign.createdBy,
    finishedAt: campaign.finishedAt ? campaign.finishedAt.toISOString() : null,
    failedReason: campaign.failedReason,
  };
}
