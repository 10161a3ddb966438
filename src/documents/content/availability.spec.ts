import { availabilityOf, documentList } from './availability';
import type { DocumentKind } from './document-kinds';
import { dossierAfter, STEPS, UP_TO } from './documents.fixtures';

const availableKinds = (events: Parameters<typeof dossierAfter>[0]): DocumentKind[] =>
  documentList(dossierAfter(events))
    .filter((entry) => entry.available)
    .map((entry) => entry.kind);

describe(documentList.name, () => {
  it.each([
    ['just opened', [], UP_TO.created],
    ['offer sent', ['offer'], UP_TO.offered],
    ['offer accepted', ['offer', 'offer_reply'], UP_TO.accepted],
    ['draft agreed', ['offer', 'offer_reply'], UP_TO.drafted],
    ['vote recorded', ['offer', 'offer_reply', 'vote_resolution'], UP_TO.voted],
    [
      'signed',
      ['offer', 'offer_reply', 'vote_resolution', 'agreement_draft', 'review_submission'],
      UP_TO.signed,
    ],
    [
      'in force',
      ['offer', 'offer_reply', 'vote_resolution', 'agreement_draft', 'review_submission'],
      UP_TO.inForce,
    ],
  ])('%s: gives %j', (_, kinds, events) => {
    expect(availableKinds(events)).toEqual(kinds);
  });

  it('lists every kind in procedure order, titled, with a reason only where not available', () => {
    const sut = documentList(dossierAfter(UP_TO.offered));
    expect(sut).toEqual([
      { kind: 'offer', title: '要约书', available: true },
      {
        kind: 'offer_reply',
        title: '要约回应书',
        available: false,
        reason: expect.stringContaining('尚未得到回应'),
      },
      { kind: 'vote_resolution', title: '职工代表大会决议', available: false, reason: expect.any(String) },
      {
        kind: 'agreement_draft',
        title: '工资专项集体合同文本',
        available: false,
        reason: expect.any(String),
      },
      {
        kind: 'review_submission',
        title: '集体合同报送审查登记表',
        available: false,
        reason: expect.any(String),
      },
    ]);
  });

  it('names the agreement text after its kind', () => {
    const titles = (kind: 'comprehensive' | 'women') =>
      documentList(dossierAfter([], { kind })).find((entry) => entry.kind === 'agreement_draft')!.title;
    expect(titles('comprehensive')).toBe('集体合同文本');
    expect(titles('women')).toBe('女职工权益保护专项集体合同文本');
  });
});

describe(availabilityOf.name, () => {
  const reason = (kind: DocumentKind, events: Parameters<typeof dossierAfter>[0]) => {
    const sut = availabilityOf(kind, dossierAfter(events));
    return sut.available ? null : sut.reason;
  };

  it('says which step is missing', () => {
    expect(reason('offer', UP_TO.created)).toContain('尚未记录“发出协商要约”');
    expect(reason('offer_reply', UP_TO.created)).toContain('尚未记录“发出协商要约”');
    expect(reason('offer_reply', UP_TO.offered)).toBe(
      '2026年3月5日发出的要约尚未得到回应：请先记录“对方接受要约”或“对方拒绝要约”',
    );
    expect(reason('vote_resolution', UP_TO.drafted)).toContain('尚未记录“职代会表决”');
    expect(reason('agreement_draft', UP_TO.voted)).toContain('尚未记录“双方首席代表签字”');
    expect(reason('review_submission', UP_TO.voted)).toContain('尚未记录“双方首席代表签字”');
  });

  it('answers a refused offer with a reply, and a new offer awaiting one with none', () => {
    const refused = [STEPS.offer, { type: 'OFFER_REFUSED', occurredOn: '2026-03-10', reason: '经营困难' }];
    expect(availabilityOf('offer_reply', dossierAfter(refused))).toEqual({ available: true });
    const again = [...refused, { ...STEPS.offer, occurredOn: '2026-04-01', receivedOn: '2026-04-01' }];
    expect(reason('offer_reply', again)).toContain('2026年4月1日发出的要约尚未得到回应');
  });

  it('gives the resolution of a failed vote too (it says the draft did not pass)', () => {
    const failed = [...UP_TO.drafted, { ...STEPS.vote, present: 60 }];
    expect(availabilityOf('vote_resolution', dossierAfter(failed))).toEqual({ available: true });
  });

  it('sets the signed text aside after a review objection until it is signed again', () => {
    const objected = [
      ...UP_TO.submitted,
      { type: 'REVIEW_OBJECTION', occurredOn: '2026-04-25', reasons: ['最低工资低于当地标准'] },
    ];
    expect(reason('agreement_draft', objected)).toContain('2026年4月25日提出审查意见');
    expect(reason('review_submission', objected)).toContain('尚未重新签订');
  });

  it('has a text but no offer, reply, vote or review form for an agreement recorded after the fact', () => {
    const historical = [
      {
        type: 'HISTORICAL_RECORDED',
        occurredOn: '2025-01-10',
        effectiveOn: '2025-02-01',
        expiresOn: '2026-02-01',
        coveredEmployees: 200,
      },
    ];
    expect(availableKinds(historical)).toEqual(['agreement_draft']);
    expect(reason('review_submission', historical)).toContain('补录的历史协议');
  });
});
