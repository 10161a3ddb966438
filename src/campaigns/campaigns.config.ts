import { registerAs } from '@nestjs/config';
import { ConfigError } from '../config/config.error';
import { parseSwitch } from '../config/env';

export interface CampaignsConfig {
  /**
   * How many enterprises one claim takes and one transaction opens (CAMPAIGN_BATCH_SIZE, default
   * 500): the batch is written with multi-row INSERTs (docs/benchmarks.md, Offer campaigns).
   */
  batchSize: number;
  /**
   * Whether starting a campaign (or POST /campaigns/:id/run) runs it at once in this process, in
   * the background (CAMPAIGN_AUTORUN, default on). Independent of SCHEDULER: with the schedule
   * off a campaign still runs. Tests turn it off to run the work themselves, batch by batch.
   */
  autoRun: boolean;
}

export function loadCampaignsConfig(env: NodeJS.ProcessEnv): CampaignsConfig {
  return {
    batchSize: parseBatchSize(env.CAMPAIGN_BATCH_SIZE),
    autoRun: parseSwitch('CAMPAIGN_AUTORUN', env.CAMPAIGN_AUTORUN, true),
  };
}

function parseBatchSize(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 500;
  const value = Number(raw.trim());
  if (!Number.isInteger(value) || value < 1 || value > 5000) {
    throw new ConfigError('CAMPAIGN_BATCH_SIZE', `must be a whole number from 1 to 5000, got "${raw}"`);
  }
  return value;
}

export const campaignsConfig = registerAs('campaigns', () => loadCampaignsConfig(process.env));
