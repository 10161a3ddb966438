import { documentTitle, DOCUMENT_KINDS, type DocumentKind } from './document-kinds';
import type { NegotiationDossier } from './negotiation-dossier';
import { latestOffer, latestVote } from './steps';
import { dateZh } from './words-zh';

export type Availability = { available: true } | { available: false; reason: string };

/** One entry of `GET /negotiations/:id/documents`. */
export interface DocumentEntry {
  kind: DocumentKind;
  title: string;
  available: boolean;
  /** Why not yet, in Chinese, naming the step that is missing; only when not available. */
  reason?: string;
}

const HISTORICAL = '本协议为补录的历史协议（系统启用前签订），';
const notYet = (reason: string): Availability => ({ available: false, reason });

/**
 * When each document can be made: the step it records must have happened
 * (docs/documents.md, When a document is available).
 *
 * - 要约书: an offer was sent (OFFER_SENT); the latest one.
 * - 要约回应书: the latest offer was answered (OFFER_ACCEPTED or OFFER_REFUSED).
 * - 职工代表大会决议: the draft was put to a vote (VOTE_RECORDED), passed or not; the latest vote.
 * - 合同文本 and 报送审查登记表: the agreement was signed (SIGNED): its terms (term, employees
 *   covered, wage increase, minimum wage) are recorded then. A review objection sets the signed
 *   text aside until it is signed again. An agreement recorded after the fact has a text but
 *   was never submitted through the product: no 登记表.
 */
export function availabilityOf(kind: DocumentKind, dossier: NegotiationDossier): Availability {
  const { context, events, historical } = dossier;
  switch (kind) {
    case 'offer':
      if (historical) return notYet(`${HISTORICAL}没有要约记录`);
      return latestOffer(events)
        ? { available: true }
        : notYet('尚未记录“发出协商要约”：要约书在发出要约后生成');
    case 'offer_reply': {
      if (historical) return notYet(`${HISTORICAL}没有要约回应记录`);
      const offer = latestOffer(events);
      if (!offer) return notYet('尚未记录“发出协商要约”，还没有可回应的要约');
      return offer.reply
        ? { available: true }
        : notYet(
            `${dateZh(offer.offer.sentOn)}发出的要约尚未得到回应：请先记录“对方接受要约”或“对方拒绝要约”`,
          );
    }
    case 'vote_resolution':
      if (historical) return notYet(`${HISTORICAL}没有职工代表大会表决记录`);
      return latestVote(events)
        ? { available: true }
        : notYet('尚未记录“职代会表决”：决议在职工代表大会（或全体职工大会）审议协议草案并表决后生成');
    case 'agreement_draft':
      return context.agreement ? { available: true } : notSigned(dossier, '合同文本');
    case 'review_submission':
      if (historical) return notYet(`${HISTORICAL}不经本系统报送审查`);
      return context.agreement ? { available: true } : notSigned(dossier, '报送审查登记表');
  }
}

function notSigned(dossier: NegotiationDossier, what: string): Availability {
  if (dossier.context.lastObjection) {
    return notYet(
      `劳动保障行政部门已于${dateZh(dossier.context.lastObjection.objectedOn)}提出审查意见，修改后的合同尚未重新签订：${what}在重新签订后生成`,
    );
  }
  return notYet(
    `尚未记录“双方首席代表签字”：合同期限、覆盖职工人数、工资增长幅度和最低工资在签订时记录，${what}在签订后生成`,
  );
}

/** Every document of the negotiation, in procedure order, with whether it can be made now. */
export function documentList(dossier: NegotiationDossier): DocumentEntry[] {
  return DOCUMENT_KINDS.map((kind) => {
    const availability = availabilityOf(kind, dossier);
    return {
      kind,
      title: documentTitle(kind, dossier.agreementKind),
      available: availability.available,
      ...(availability.available ? {} : { reason: availability.reason }),
    };
  });
}
