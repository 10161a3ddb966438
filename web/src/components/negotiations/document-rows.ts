import type { NegotiationDocument } from '../../api/documents';

export interface DocumentRow extends NegotiationDocument {
  /** The document's name in the reader's language. */
  label: string;
  /** Why it cannot be made yet ('' when it can). */
  why: string;
}

/**
 * The documents as the card lists them. The server words titles and reasons in Chinese (the
 * agreement's text is named by its kind, the reason names the missing step precisely): Chinese
 * readers get those; others get their language's name of the document and of the step it waits for.
 */
export function documentRows(
  documents: readonly NegotiationDocument[],
  language: string,
  t: (key: string) => string,
): DocumentRow[] {
  const chinese = language === 'zh-CN';
  return documents.map((document) => ({
    ...document,
    label: chinese ? document.title : t(`negotiation.documents.kind.${document.kind}`),
    why: document.available
      ? ''
      : chinese && document.reason
        ? document.reason
        : t(`negotiation.documents.waitsFor.${document.kind}`),
  }));
}
