import { api, download } from './client';
import type { AnswerOf, BodyOf, QueryOf, Schema } from './schema-types';

export type Campaign = Schema<'CampaignResponse'>;
export type CampaignSummary = Schema<'CampaignSummaryResponse'>;
export type CampaignPreview = Schema<'CampaignPreviewResponse'>;
export type CampaignBody = BodyOf<'/campaigns', 'post'>;
export type CampaignFilter = CampaignBody['filter'];
export type SkipReason = Campaign['skipped'][number]['reason'];
export const SKIP_REASONS = [
  'closed',
  'noUnion',
  'agreementInForce',
  'roundOpen',
] as const satisfies readonly SkipReason[];

export const fetchCampaigns = (page: number, pageSize: number) =>
  api.get<AnswerOf<'/campaigns'>>('/campaigns', { page, pageSize } satisfies QueryOf<'/campaigns'>);

export const fetchCampaign = (id: number) => api.get<AnswerOf<'/campaigns/{id}'>>(`/campaigns/${id}`);

/** How many enterprises the campaign would write to, the first of them, and why not the others (admin). */
export const previewCampaign = (body: BodyOf<'/campaigns/preview', 'post'>) =>
  api.post<AnswerOf<'/campaigns/preview', 'post'>>('/campaigns/preview', body);

/** Starts the campaign: its targets are frozen, the rounds open in the background (admin). */
export const startCampaign = (body: CampaignBody) =>
  api.post<Schema<'CampaignStartedResponse'>>('/campaigns', body);

/** Runs it again: what is still pending is opened; nothing twice (admin). */
export const runCampaign = (id: number) =>
  api.post<Schema<'CampaignStartedResponse'>>(`/campaigns/${id}/run`);

/** How many offer letters one download holds (the server's OFFER_LETTERS_PER_PART). */
export const OFFER_LETTERS_PER_PART = 1000;

/** The campaign's offer letters, a .zip of Word documents, `part` 1 the first 1,000. */
export const downloadOfferLetters = (id: number, part: number) =>
  download(`/campaigns/${id}/offers.zip`, { part });
