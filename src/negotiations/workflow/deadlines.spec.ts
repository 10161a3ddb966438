import { deadlinesFor } from './deadlines';
import { deadlinesOf } from './negotiation-workflow';
import { NATIONAL_RULE_SET, resolveRuleSet } from './rule-set';
import { PATH_TO, run, validPayload, type EventInput } from './workflow.fixtures';
import type { AgreementKind } from './negotiation.types';

const kinds = (events: EventInput[], kind: AgreementKind = 'comprehensive') =>
  run(events, { kind }).last?.deadlines ?? [];

describe(deadlinesFor.name, () => {
  it.each<[string, EventInput[], AgreementKind, object[]]>([
    [
      '集体合同规定 art. 32: offer reply = receivedOn + 20 days',
      [{ ...validPayload('OFFER_SENT', '2026-01-05'), receivedOn: '2026-01-08' }],
      'comprehensive',
      [
        { kind: 'offer_reply', dueOn: '2026-01-28', action: 'remind', rule: '集体合同规定 art. 32' },
        { kind: 'stalled', dueOn: '2026-02-04' },
      ],
    ],
    [
      'a refused offer has no reply clock any more',
      [...PATH_TO.offerPending, validPayload('OFFER_REFUSED', '2026-01-09')],
      'comprehensive',
      [{ kind: 'stalled', dueOn: '2026-02-08' }],
    ],
    [
      '集体合同规定 art. 42: submission = signedOn + 10 days',
      PATH_TO.awaitingSubmission,
      'comprehensive',
      [{ kind: 'submission_for_review', dueOn: '2026-01-22', rule: '集体合同规定 art. 42' }],
    ],
    [
      '工资集体协商试行办法 art. 21: wage submission = signedOn + 7 days',
      PATH_TO.awaitingSubmission,
      'wage',
      [{ kind: 'submission_for_review', dueOn: '2026-01-19', rule: '工资集体协商试行办法 art. 21' }],
    ],
    [
      '集体合同规定 art. 47: review ends = receivedOn + 15 days and fires REVIEW_PERIOD_ELAPSED',
      [
        ...PATH_TO.awaitingSubmission,
        { ...validPayload('SUBMITTED_FOR_REVIEW', '2026-01-15'), receivedOn: '2026-01-17' },
      ],
      'comprehensive',
      [
        {
          kind: 'review_period_end',
          dueOn: '2026-02-01',
          action: 'fire',
          event: 'REVIEW_PERIOD_ELAPSED',
          rule: '集体合同规定 art. 47; 劳动合同法 art. 54',
        },
      ],
    ],
    [
      'review receivedOn defaults to the day of submission',
      [...PATH_TO.awaitingSubmission, { type: 'SUBMITTED_FOR_REVIEW', occurredOn: '2026-01-15' }],
      'comprehensive',
      [{ kind: 'review_period_end', dueOn: '2026-01-30' }],
    ],
    [
      '集体合同规定 art. 35: a suspension reminds on the agreed resume date',
      [...PATH_TO.consultation, { ...validPayload('SUSPENDED', '2026-01-08'), resumeOn: '2026-02-15' }],
      'comprehensive',
      [{ kind: 'suspension_resume', dueOn: '2026-02-15', action: 'remind' }],
    ],
    [
      'in force: publication, renewal window 3 months before expiry (art. 38), expiry fires EXPIRED',
      PATH_TO.inForce,
      'comprehensive',
      [
        { kind: 'publication', dueOn: '2026-01-30', action: 'remind' },
        { kind: 'renewal_window_opens', dueOn: '2026-10-20', action: 'remind', rule: '集体合同规定 art. 38' },
        { kind: 'expiry', dueOn: '2027-01-20', action: 'fire', event: 'EXPIRED' },
      ],
    ],
    [
      'no publication reminder once published',
      [...PATH_TO.inForce, validPayload('PUBLISHED', '2026-01-25')],
      'comprehensive',
      [{ kind: 'renewal_window_opens' }, { kind: 'expiry' }],
    ],
    [
      'no deadlines in a final stage',
      [...PATH_TO.inForce, validPayload('TERMINATED', '2026-03-01')],
      'comprehensive',
      [],
    ],
  ])('%s', (_, events, kind, expected) => {
    const deadlines = kinds(events, kind);
    expect(deadlines).toHaveLength(expected.length);
    expected.forEach((deadline, index) => expect(deadlines[index]).toMatchObject(deadline));
  });

  it('makes the agreement effective on receivedOn + 15 when the timer fires on a later day', () => {
    const { last } = run([
      ...PATH_TO.awaitingSubmission,
      { ...validPayload('SUBMITTED_FOR_REVIEW', '2026-01-15'), receivedOn: '2026-01-17' },
      validPayload('REVIEW_PERIOD_ELAPSED', '2026-02-09'),
    ]);
    expect(last?.agreement).toMatchObject({
      signedOn: '2026-01-12',
      effectiveOn: '2026-02-01',
      expiresOn: '2027-02-01',
    });
    expect(last?.deadlines.map((d) => [d.kind, d.dueOn])).toEqual([
      ['publication', '2026-02-11'],
      ['renewal_window_opens', '2026-11-01'],
      ['expiry', '2027-02-01'],
    ]);
  });

  it('keeps expiry provisional (signedOn + term) until the agreement takes effect', () => {
    const { last } = run(PATH_TO.awaitingSubmission);
    expect(last?.agreement).toMatchObject({ effectiveOn: null, expiresOn: '2027-01-12' });
  });

  it.each([
    // Received 2026-01-16 → effect 2026-01-31; one month later clamps to February's end,
    // and a term shorter than the window opens it on the day of effect.
    [1, '2026-02-28', '2026-01-31'],
    [13, '2027-02-28', '2026-11-28'],
    [25, '2028-02-29', '2027-11-29'],
  ])(
    'clamps month ends: effect 2026-01-31 + %i months expires %s, renewal window %s',
    (term, expiresOn, window) => {
      const { last } = run([
        ...PATH_TO.signing,
        { ...validPayload('SIGNED', '2026-01-12'), termMonths: term },
        { ...validPayload('SUBMITTED_FOR_REVIEW', '2026-01-15'), receivedOn: '2026-01-16' },
        validPayload('REVIEW_PERIOD_ELAPSED', '2026-01-31'),
      ]);
      expect(last?.agreement).toMatchObject({ effectiveOn: '2026-01-31', expiresOn });
      expect(last?.deadlines.find((d) => d.kind === 'renewal_window_opens')?.dueOn).toBe(window);
    },
  );

  it('uses the numbers of the negotiation’s own rule set', () => {
    const county = resolveRuleSet({
      version: 'county-2026.1',
      filingDays: 7,
      reviewDays: 10,
      publicationDays: 5,
    });
    const { persisted } = run(PATH_TO.underReview, { ruleSet: county });
    expect(deadlinesOf(persisted, county)).toEqual([
      expect.objectContaining({ kind: 'review_period_end', dueOn: '2026-01-25' }),
    ]);
    expect(() => deadlinesOf(persisted, NATIONAL_RULE_SET)).toThrow(
      'the negotiation keeps rule set county-2026.1; got national-2004.1',
    );
  });
});
