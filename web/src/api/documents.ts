import { api, download } from './client';
import type { AnswerOf, Schema } from './schema-types';

/**
 * A negotiation's Word documents (docs/documents.md): each with whether it can be made now and,
 * when not, the reason in Chinese naming the missing step.
 */
export type NegotiationDocument = Schema<'DocumentResponse'>;
export type DocumentKind = NegotiationDocument['kind'];

export const fetchDocuments = (negotiationId: number) =>
  api.get<AnswerOf<'/negotiations/{id}/documents'>>(`/negotiations/${negotiationId}/documents`);

/** Saves the Word file, under the name the server gives it (`要约书_<企业>_<日期>.docx`). */
export const downloadDocument = (negotiationId: number, kind: DocumentKind) =>
  download(`/negotiations/${negotiationId}/documents/${kind}.docx`);
