import { AppError } from '../common/errors/app-error';

/** A campaign that does not exist, or that the caller may not read (the same answer for both). */
export class CampaignNotFoundError extends AppError {
  constructor(id: number | string) {
    super(404, 'CAMPAIGN.NOT_FOUND', `集中要约行动 ${id} 不存在`);
  }
}

/** A part of the campaign's offer letters with none in it: none opened yet, or past the last part. */
export class NoOfferLettersError extends AppError {
  constructor(id: number, part: number) {
    super(
      404,
      'CAMPAIGN.NO_OFFER_LETTERS',
      part === 1 ? `集中要约行动 ${id} 尚未发出任何要约` : `集中要约行动 ${id} 的要约书没有第 ${part} 部分`,
    );
  }
}
