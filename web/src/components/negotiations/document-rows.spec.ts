import { describe, expect, it } from 'vitest';
import type { NegotiationDocument } from '../../api/documents';
import { documentRows } from './document-rows';

const documents: NegotiationDocument[] = [
  { kind: 'offer', title: '要约书', available: true },
  {
    kind: 'agreement_draft',
    title: '工资专项集体合同文本',
    available: false,
    reason: '尚未记录“双方首席代表签字”',
  },
];
const t = (key: string) => `[${key}]`;

describe(documentRows.name, () => {
  it('shows the server’s Chinese title and reason to a Chinese reader', () => {
    expect(documentRows(documents, 'zh-CN', t).map(({ label, why }) => [label, why])).toEqual([
      ['要约书', ''],
      ['工资专项集体合同文本', '尚未记录“双方首席代表签字”'],
    ]);
  });

  it('words the document and the step it waits for in the reader’s language otherwise', () => {
    expect(documentRows(documents, 'en', t).map(({ label, why }) => [label, why])).toEqual([
      ['[negotiation.documents.kind.offer]', ''],
      ['[negotiation.documents.kind.agreement_draft]', '[negotiation.documents.waitsFor.agreement_draft]'],
    ]);
  });
});
