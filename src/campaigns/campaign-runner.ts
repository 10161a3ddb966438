import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { type Actor, SYSTEM_ACTOR } from '../access/actor';
import { Clock } from '../common/clock/clock';
import { AppError } from '../common/errors/app-error';
import { claimToken } from '../database/work-lease';
import { NegotiationWriter } from '../negotiations/negotiation-writer';
import type { Campaign } from './campaign.entity';
import { type CampaignsConfig, campaignsConfig } from './campaigns.config';
import { CampaignsRepository } from './campaigns.repository';

/** How long a runner holds the batch it claimed; one that died lets it go after this. */
export const CAMPAIGN_LEASE_MS = 120_000;

export interface RunReport {
  batches: number;
  opened: number;
  skipped: number;
  /** Whether the campaign is done (no item left pending) after this run. */
  done: boolean;
}

/**
 * Works through a campaign's pending items (docs/architecture.md, Offer campaigns): claims a
 * batch with a lease (database/work-lease.ts; across instances and cluster nodes, the affected
 * rows decide), then opens the batch's rounds through NegotiationWriter.openWithOffers, whose
 * transaction also marks the items: opened with their round, or skipped with why. A crash
 * between the rounds and the marks cannot happen (one transaction); a runner that dies
 * mid-batch leaves its lease to run out and the next run takes the batch. When no item is left
 * pending, the campaign is done.
 */
@Injectable()
export class CampaignRunner implements BeforeApplicationShutdown {
  private readonly logger = new Logger(CampaignRunner.name);
  private stopping = false;
  /** Runs under way in this process, by campaign (a kick while one runs joins it). */
  private readonly running = new Map<number, Promise<RunReport>>();

  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly writer: NegotiationWriter,
    private readonly clock: Clock,
    @Inject(campaignsConfig.KEY) private readonly config: CampaignsConfig,
  ) {}

  /** Starts running the campaign in the background, in this process (a start, POST …/run). */
  kick(campaignId: number): void {
    if (this.running.has(campaignId)) return;
    const run = this.run(campaignId).catch((error: unknown) => {
      this.logger.error(
        `campaign ${campaignId}: ${error instanceof Error ? error.message : String(error)} (a later run goes on)`,
      );
      return { batches: 0, opened: 0, skipped: 0, done: false };
    });
    this.running.set(campaignId, run);
    void run.finally(() => this.running.delete(campaignId));
  }

  /** Runs every campaign still running (start-up, the schedule). */
  async runPending(): Promise<void> {
    for (const id of await this.campaigns.running()) {
      if (this.stopping) return;
      await (this.running.get(id) ?? this.run(id));
    }
  }

  /**
   * Runs the campaign until no pending item is free to claim, or `maxBatches` batches (tests
   * stop half-way with it). Items another runner holds are left to it.
   */
  async run(campaignId: number, options: { maxBatches?: number } = {}): Promise<RunReport> {
    const report: RunReport = { batches: 0, opened: 0, skipped: 0, done: false };
    const campaign = await this.campaigns.findById(campaignId);
    if (!campaign || campaign.status !== 'running') return { ...report, done: campaign?.status === 'done' };
    const actor = campaignActor(campaign);
    while (!this.stopping && report.batches < (options.maxBatches ?? Infinity)) {
      const owner = claimToken();
      const now = this.clock.now();
      const items = await this.campaigns.claim(
        campaignId,
        this.config.batchSize,
        now,
        owner,
        new Date(now.getTime() + CAMPAIGN_LEASE_MS),
      );
      if (items.length === 0) break;
      try {
        const outcome = await this.openBatch(
          campaign,
          actor,
          owner,
          items.map((item) => item.enterpriseId),
        );
        report.batches += 1;
        report.opened += outcome.opened.size;
        report.skipped += outcome.refused.size;
      } catch (error) {
        // The workflow or the data refused the whole batch (not a lost race, not a database
        // that cannot answer): running again would refuse it again.
        if (
          error instanceof AppError &&
          error.statusCode >= 400 &&
          error.statusCode < 500 &&
          error.statusCode !== 409
        ) {
          await this.campaigns.markFailed(campaignId, error.message, this.clock.now());
          this.logger.error(`campaign ${campaignId} failed: ${error.message}`);
          return report;
        }
        throw error;
      }
    }
    report.done = await this.campaigns.finishIfDone(campaignId, this.clock.now());
    if (report.opened + report.skipped > 0) {
      this.logger.log(`campaign ${campaignId}: opened ${report.opened}, skipped ${report.skipped}`);
    }
    return report;
  }

  /** Stopping: the batch in hand is finished, no other is claimed. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.running.values()]);
  }

  private openBatch(campaign: Campaign, actor: Actor, owner: string, enterpriseIds: number[]) {
    const today = this.clock.today();
    return this.writer.openWithOffers(
      {
        agreementKind: campaign.agreementKind,
        title: campaign.name,
        offer: { occurredOn: campaign.offerOn, receivedOn: campaign.offerOn, sentBy: 'union' },
        enterpriseIds,
        auditContext: { campaignId: campaign.id },
      },
      actor,
      {
        claim: (manager, ids) => this.campaigns.take(manager, campaign.id, owner, ids),
        exclude: (manager, ids) =>
          this.campaigns.stillExcluded(manager, ids, campaign.agreementKind, campaign.offerOn, today),
        record: (manager, { opened, refused }) =>
          this.campaigns.settle(manager, campaign.id, owner, opened, refused),
      },
    );
  }
}

/**
 * Who the campaign's rounds are opened by: the admin who started it (their id on the
 * negotiations, events and audit rows), whichever process runs it; the system when unknown.
 */
function campaignActor(campaign: Campaign): Actor {
  if (campaign.createdBy === null) return SYSTEM_ACTOR;
  return { ...SYSTEM_ACTOR, id: campaign.createdBy, username: `campaign:${campaign.id}` };
}
