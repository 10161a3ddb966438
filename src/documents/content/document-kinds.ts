import { AGREEMENT_KIND_LABELS_ZH, type AgreementKind } from '@wagetrack/shared';

/** The documents a negotiation gives, in procedure order (docs/contract.md, Documents and statistics). */
export const DOCUMENT_KINDS = [
  'offer',
  'offer_reply',
  'vote_resolution',
  'agreement_draft',
  'review_submission',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Templates besides the negotiation documents, rendered by other features (the reports' work summary). */
export const OTHER_TEMPLATES = ['work_summary'] as const;
export type TemplateName = DocumentKind | (typeof OTHER_TEMPLATES)[number];
export const TEMPLATE_NAMES: readonly TemplateName[] = [...DOCUMENT_KINDS, ...OTHER_TEMPLATES];

export function isDocumentKind(value: string): value is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(value);
}

const FIXED_TITLES: Record<Exclude<DocumentKind, 'agreement_draft'>, string> = {
  offer: '要约书',
  offer_reply: '要约回应书',
  vote_resolution: '职工代表大会决议',
  review_submission: '集体合同报送审查登记表',
};

/**
 * The agreement's own name as its text is headed: a comprehensive agreement is the plain 集体合同
 * (劳动合同法 art. 51), the special ones keep their names (工资专项集体合同, art. 52).
 */
export function agreementName(kind: AgreementKind): string {
  return kind === 'comprehensive' ? '集体合同' : AGREEMENT_KIND_LABELS_ZH[kind];
}

/** The title of a document, as the list and the file name give it; the agreement's text is named by its kind. */
export function documentTitle(kind: DocumentKind, agreementKind: AgreementKind): string {
  return kind === 'agreement_draft' ? `${agreementName(agreementKind)}文本` : FIXED_TITLES[kind];
}
