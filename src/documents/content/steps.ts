import type { BusinessDate, Side } from '@wagetrack/shared';
import type { DossierEvent } from './negotiation-dossier';

/**
 * The steps of the procedure a document records, read from the event log: the log keeps every
 * offer, reply and vote, where the workflow's context keeps only what is still pending (a refused
 * offer and a vote before a review objection are gone from it).
 */

export interface OfferStep {
  sentBy: Side;
  sentOn: BusinessDate;
  receivedOn: BusinessDate;
}

export interface ReplyStep {
  accepted: boolean;
  repliedOn: BusinessDate;
  /** A refusal's reason; null for an acceptance. */
  reason: string | null;
}

export interface VoteStep {
  votedOn: BusinessDate;
  total: number;
  present: number;
  inFavour: number;
  /** As the workflow decided it when the vote was recorded (集体合同规定 art. 36): it led to signing. */
  passed: boolean;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const count = (value: unknown): number => (typeof value === 'number' ? value : 0);

/** The latest offer sent, with the reply it got (null while it awaits one). */
export function latestOffer(
  events: readonly DossierEvent[],
): { offer: OfferStep; reply: ReplyStep | null } | null {
  const sentAt = events.findLastIndex((event) => event.type === 'OFFER_SENT');
  if (sentAt < 0) return null;
  const sent = events[sentAt]!;
  const offer: OfferStep = {
    sentBy: sent.payload.sentBy === 'employer' ? 'employer' : 'union',
    sentOn: sent.occurredOn,
    receivedOn: text(sent.payload.receivedOn) || sent.occurredOn,
  };
  const answer = events
    .slice(sentAt + 1)
    .find((event) => event.type === 'OFFER_ACCEPTED' || event.type === 'OFFER_REFUSED');
  const reply: ReplyStep | null = answer
    ? {
        accepted: answer.type === 'OFFER_ACCEPTED',
        repliedOn: answer.occurredOn,
        reason: answer.type === 'OFFER_REFUSED' ? text(answer.payload.reason) : null,
      }
    : null;
  return { offer, reply };
}

/** The latest vote of the workers' congress (or all-staff meeting) on a draft. */
export function latestVote(events: readonly DossierEvent[]): VoteStep | null {
  const vote = events.findLast((event) => event.type === 'VOTE_RECORDED');
  if (!vote) return null;
  return {
    votedOn: vote.occurredOn,
    total: count(vote.payload.total),
    present: count(vote.payload.present),
    inFavour: count(vote.payload.inFavour),
    passed: vote.toStage === 'signing',
  };
}
