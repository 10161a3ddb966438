import type { BusinessDate } from '../../common/dates/business-date';
import { applyEvent, type ApplyResult } from './negotiation-workflow';
import type { AgreementKind } from './negotiation.types';
import { NATIONAL_RULE_SET } from './rule-set';
import { EMPLOYER_REPS, PATH_TO, run, validPayload, WORKER_REPS, type EventInput } from './workflow.fixtures';

/** Arranges the events of `path`, then lets the user send `event`. */
function attempt(
  path: readonly EventInput[],
  event: Record<string, unknown>,
  options: { kind?: AgreementKind; today?: BusinessDate; source?: 'user' | 'system' } = {},
): ApplyResult {
  const { persisted } = run(path, { kind: options.kind ?? 'comprehensive' });
  return applyEvent(persisted, event, {
    ruleSet: NATIONAL_RULE_SET,
    today: options.today ?? '2026-12-31',
    source: options.source ?? 'user',
  });
}

type Expectation =
  | { ok: true; state: string }
  | { code: 'ILLEGAL_EVENT' | 'GUARD_FAILED' | 'INVALID_EVENT'; says: string; field?: string };

function expectOutcome(result: ApplyResult, expected: Expectation): void {
  if ('ok' in expected) {
    expect(result).toMatchObject({ ok: true, state: expected.state });
    return;
  }
  expect(result).toMatchObject({ ok: false, code: expected.code });
  if (!result.ok) {
    expect(result.message).toContain(expected.says);
    if (expected.field !== undefined) expect(result.field).toBe(expected.field);
  }
}

const ON = '2026-01-08';

describe(applyEvent.name, () => {
  describe('representatives (集体合同规定 art. 19-24)', () => {
    const reps = (over: Record<string, unknown>): Record<string, unknown> => ({
      ...validPayload('REPRESENTATIVES_CONFIRMED', ON),
      ...over,
    });
    const six = (prefix: string): string[] => [1, 2, 3, 4, 5, 6].map((n) => `${prefix}${n}`);
    it.each<[string, Record<string, unknown>, Expectation]>([
      [
        'art. 19: 2 per side fails',
        reps({
          workerReps: ['甲', '乙'],
          employerReps: ['丙', '丁'],
          workerChief: '甲',
          employerChief: '丙',
        }),
        { code: 'GUARD_FAILED', says: '集体合同规定 art. 19: each side needs at least 3 representatives' },
      ],
      ['art. 19: 3 per side passes', reps({}), { ok: true, state: 'consultation.active' }],
      [
        'art. 19: unequal numbers fail',
        reps({ employerReps: [...EMPLOYER_REPS, '赵敏'] }),
        { code: 'GUARD_FAILED', says: 'art. 19: the sides must be equal in number' },
      ],
      [
        'art. 19: a name twice on one side fails',
        reps({ workerReps: ['王芳', '王芳', '张伟'] }),
        { code: 'GUARD_FAILED', says: 'art. 19: 王芳 is listed twice' },
      ],
      [
        'art. 19-21: chief not among the side fails',
        reps({ workerChief: '刘洋' }),
        {
          code: 'GUARD_FAILED',
          says: 'art. 19-21: the worker chief "刘洋" is not among',
          field: 'workerChief',
        },
      ],
      [
        'art. 23: an expert as chief fails',
        reps({ experts: ['王芳'] }),
        { code: 'GUARD_FAILED', says: 'art. 23: the worker chief 王芳 is an outside expert' },
      ],
      [
        'art. 23: experts above 1/3 of a side fail (2 of 3)',
        reps({ experts: ['李强', '张伟'] }),
        {
          code: 'GUARD_FAILED',
          says: 'art. 23: outside experts may be at most 1/3 of a side; the worker side has 2 of 3',
        },
      ],
      [
        'art. 23: experts at 1/3 of a side pass (2 of 6)',
        reps({
          workerReps: six('工'),
          employerReps: six('资'),
          workerChief: '工1',
          employerChief: '资1',
          experts: ['工5', '工6'],
        }),
        { ok: true, state: 'consultation.active' },
      ],
      [
        'art. 23: an expert must sit on a side',
        reps({ experts: ['外聘律师'] }),
        { code: 'GUARD_FAILED', says: 'art. 23: expert 外聘律师 is not listed on either side' },
      ],
      [
        'art. 24: the same person on both sides fails',
        reps({ employerReps: ['王芳', '陈静', '杨磊'], employerChief: '陈静' }),
        { code: 'GUARD_FAILED', says: 'art. 24: 王芳 cannot represent both sides' },
      ],
    ])('%s', (_, event, expected) => {
      expectOutcome(attempt(PATH_TO.preparation, event), expected);
    });
  });

  describe('vote (集体合同规定 art. 36): total 100', () => {
    const vote = (present: number, inFavour: number) => ({
      ...validPayload('VOTE_RECORDED', '2026-01-10'),
      total: 100,
      present,
      inFavour,
    });
    it.each<[string, Record<string, unknown>, Expectation, string | null]>([
      [
        'art. 36: present 66 misses the 2/3 quorum, back to consultation',
        vote(66, 66),
        { ok: true, state: 'consultation.active' },
        '集体合同规定 art. 36: present 66 of 100 is below 2/3 (need 67)',
      ],
      [
        'art. 36: present 67 with 50 in favour is not more than 1/2 of all',
        vote(67, 50),
        { ok: true, state: 'consultation.active' },
        '集体合同规定 art. 36: in favour 50 of 100 is not more than 1/2 of all (need 51)',
      ],
      ['art. 36: present 67 with 51 in favour passes', vote(67, 51), { ok: true, state: 'signing' }, null],
      [
        'impossible: present above total',
        vote(101, 60),
        { code: 'INVALID_EVENT', says: 'present (101) cannot exceed total (100)', field: 'present' },
        null,
      ],
      [
        'impossible: in favour above present',
        vote(70, 71),
        { code: 'INVALID_EVENT', says: 'inFavour (71) cannot exceed present (70)', field: 'inFavour' },
        null,
      ],
    ])('%s', (_, event, expected, failedBecause) => {
      const result = attempt(PATH_TO.ratification, event);
      expectOutcome(result, expected);
      if (result.ok) {
        expect(result.persisted.snapshot.context.lastVote?.failedBecause).toBe(failedBecause);
      }
    });
  });

  describe('term (集体合同规定 art. 38: 1-36 months; wage default 12)', () => {
    const signed = (termMonths?: number) => ({
      ...validPayload('SIGNED', '2026-01-12'),
      termMonths,
    });
    it.each<[string, AgreementKind, Record<string, unknown>, Expectation]>([
      [
        'art. 38: 0 months fails',
        'comprehensive',
        signed(0),
        {
          code: 'GUARD_FAILED',
          says: '集体合同规定 art. 38: term 0 months is outside 1-36 months',
          field: 'termMonths',
        },
      ],
      [
        'art. 38: 1 month passes',
        'comprehensive',
        signed(1),
        { ok: true, state: 'filing.awaitingSubmission' },
      ],
      [
        'art. 38: 36 months pass',
        'comprehensive',
        signed(36),
        { ok: true, state: 'filing.awaitingSubmission' },
      ],
      [
        'art. 38: 37 months fail',
        'comprehensive',
        signed(37),
        { code: 'GUARD_FAILED', says: 'art. 38: term 37 months is outside 1-36 months' },
      ],
      [
        'art. 38: a comprehensive agreement must state its term',
        'comprehensive',
        signed(),
        { code: 'GUARD_FAILED', says: 'art. 38: termMonths is required for a comprehensive agreement' },
      ],
      [
        'WN art. 23: a wage agreement defaults to 12 months',
        'wage',
        signed(),
        { ok: true, state: 'filing.awaitingSubmission' },
      ],
    ])('%s', (_, kind, event, expected) => {
      const result = attempt(PATH_TO.signing, event, { kind });
      expectOutcome(result, expected);
      if (result.ok && kind === 'wage') {
        expect(result.agreement).toMatchObject({ termMonths: 12, expiresOn: '2027-01-12' });
      }
    });
  });

  describe('offer (集体合同规定 art. 32)', () => {
    it.each<[string, EventInput[], Record<string, unknown>, Expectation]>([
      [
        'art. 32: refusal without a reason field is invalid',
        PATH_TO.offerPending,
        { type: 'OFFER_REFUSED', occurredOn: ON },
        {
          code: 'INVALID_EVENT',
          says: 'OFFER_REFUSED requires reason (集体合同规定 art. 32)',
          field: 'reason',
        },
      ],
      [
        'art. 32: refusal with a blank reason fails',
        PATH_TO.offerPending,
        { type: 'OFFER_REFUSED', occurredOn: ON, reason: '   ' },
        {
          code: 'GUARD_FAILED',
          says: '集体合同规定 art. 32: a refusal must state its reason',
          field: 'reason',
        },
      ],
      [
        'art. 32: refusal with a reason stays in invitation, escalated',
        PATH_TO.offerPending,
        validPayload('OFFER_REFUSED', ON),
        { ok: true, state: 'invitation' },
      ],
      [
        'art. 32: acceptance needs an offer',
        PATH_TO.invitation,
        validPayload('OFFER_ACCEPTED', ON),
        { code: 'GUARD_FAILED', says: 'art. 32: no offer awaits a reply' },
      ],
      [
        'art. 32: a second offer waits for the reply to the first',
        PATH_TO.offerPending,
        validPayload('OFFER_SENT', ON),
        { code: 'GUARD_FAILED', says: 'art. 32: the offer sent on 2026-01-05 still awaits a reply' },
      ],
      [
        'art. 32: received before sent fails',
        PATH_TO.invitation,
        { ...validPayload('OFFER_SENT', ON), receivedOn: '2026-01-07' },
        { code: 'GUARD_FAILED', says: 'art. 32: receivedOn 2026-01-07 is before', field: 'receivedOn' },
      ],
    ])('%s', (_, path, event, expected) => {
      const result = attempt(path, event);
      expectOutcome(result, expected);
      if (result.ok)
        expect(result.persisted.snapshot.context).toMatchObject({ escalated: true, offer: null });
    });
  });

  describe('suspension (集体合同规定 art. 35; local cap 60 days)', () => {
    const suspend = (resumeOn?: string) => ({ type: 'SUSPENDED', occurredOn: ON, resumeOn });
    it.each<[string, Record<string, unknown>, Expectation]>([
      [
        'art. 35: without resumeOn is invalid',
        suspend(),
        {
          code: 'INVALID_EVENT',
          says: 'SUSPENDED requires resumeOn (集体合同规定 art. 35)',
          field: 'resumeOn',
        },
      ],
      [
        'art. 35: resumeOn before the suspension fails',
        suspend('2026-01-07'),
        {
          code: 'GUARD_FAILED',
          says: '集体合同规定 art. 35: resumeOn 2026-01-07 must be after',
          field: 'resumeOn',
        },
      ],
      [
        'art. 35: resumeOn the same day fails',
        suspend(ON),
        { code: 'GUARD_FAILED', says: 'art. 35: resumeOn 2026-01-08 must be after' },
      ],
      [
        'art. 35: resumeOn 60 days later passes',
        suspend('2026-03-09'),
        { ok: true, state: 'consultation.suspended' },
      ],
      [
        'art. 35: resumeOn 61 days later exceeds the cap',
        suspend('2026-03-10'),
        { code: 'GUARD_FAILED', says: 'art. 35: suspensions are capped at 60 days (local rule)' },
      ],
    ])('%s', (_, event, expected) => {
      expectOutcome(attempt(PATH_TO.consultation, event), expected);
    });
  });

  describe('event dates and legality', () => {
    it.each<
      [
        string,
        EventInput[],
        Record<string, unknown>,
        Expectation,
        { today?: string; source?: 'user' | 'system' },
      ]
    >([
      [
        'occurredOn in the future fails',
        PATH_TO.consultation,
        validPayload('MEETING_HELD', '2026-02-02'),
        {
          code: 'GUARD_FAILED',
          says: 'occurredOn 2026-02-02 is in the future (today is 2026-02-01)',
          field: 'occurredOn',
        },
        { today: '2026-02-01' },
      ],
      [
        'occurredOn today passes',
        PATH_TO.consultation,
        validPayload('MEETING_HELD', '2026-02-01'),
        { ok: true, state: 'consultation.active' },
        { today: '2026-02-01' },
      ],
      [
        'occurredOn before the previous event fails',
        PATH_TO.consultation,
        validPayload('MEETING_HELD', '2026-01-06'),
        {
          code: 'GUARD_FAILED',
          says: 'occurredOn 2026-01-06 is before the previous event of this negotiation (2026-01-07)',
          field: 'occurredOn',
        },
        {},
      ],
      [
        'occurredOn on the day of the previous event passes',
        PATH_TO.consultation,
        validPayload('MEETING_HELD', '2026-01-07'),
        { ok: true, state: 'consultation.active' },
        {},
      ],
      [
        'a received date in the future fails',
        PATH_TO.invitation,
        { ...validPayload('OFFER_SENT', '2026-01-05'), receivedOn: '2026-01-09' },
        { code: 'GUARD_FAILED', says: 'receivedOn 2026-01-09 is in the future', field: 'receivedOn' },
        { today: '2026-01-08' },
      ],
      [
        'art. 37: SIGNED without a passed vote is illegal',
        PATH_TO.ratification,
        validPayload('SIGNED', '2026-01-10'),
        {
          code: 'ILLEGAL_EVENT',
          says: 'SIGNED is not accepted in stage ratification; accepted now: VOTE_RECORDED, ABANDONED',
        },
        {},
      ],
      [
        'art. 37: SIGNED after a failed vote is illegal',
        [
          ...PATH_TO.ratification,
          { ...validPayload('VOTE_RECORDED', '2026-01-10'), present: 10, inFavour: 10 },
        ],
        validPayload('SIGNED', '2026-01-11'),
        { code: 'ILLEGAL_EVENT', says: 'not accepted in stage consultation.active' },
        {},
      ],
      [
        'a timer event from a user is illegal',
        PATH_TO.underReview,
        validPayload('REVIEW_PERIOD_ELAPSED', '2026-02-01'),
        { code: 'ILLEGAL_EVENT', says: 'REVIEW_PERIOD_ELAPSED is sent by the system' },
        {},
      ],
      [
        'an unknown field is invalid',
        PATH_TO.consultation,
        { ...validPayload('MEETING_HELD', ON), expectedVersion: 3 },
        { code: 'INVALID_EVENT', says: 'does not accept field(s) expectedVersion', field: 'expectedVersion' },
        {},
      ],
      [
        'an unreal date is invalid',
        PATH_TO.consultation,
        validPayload('MEETING_HELD', '2026-02-30'),
        { code: 'INVALID_EVENT', says: 'must be a real calendar date', field: 'occurredOn' },
        {},
      ],
      [
        'nothing is accepted in a final stage',
        [...PATH_TO.consultation, validPayload('ABANDONED', ON)],
        validPayload('MEETING_HELD', ON),
        { code: 'ILLEGAL_EVENT', says: 'accepted now: nothing (final stage)' },
        {},
      ],
    ])('%s', (_, path, event, expected, options) => {
      expectOutcome(attempt(path, event, options), expected);
    });
  });

  describe('review and in force (集体合同规定 art. 38, 47-48)', () => {
    // Submitted and received on 2026-01-15: the period ends on 2026-01-30.
    it.each<[string, EventInput[], Record<string, unknown>, Expectation, 'user' | 'system']>([
      [
        'art. 47: the timer cannot fire before the period ends',
        PATH_TO.underReview,
        validPayload('REVIEW_PERIOD_ELAPSED', '2026-01-29'),
        { code: 'GUARD_FAILED', says: '集体合同规定 art. 47: the review period runs until 2026-01-30' },
        'system',
      ],
      [
        'art. 47: the timer fires on the end date',
        PATH_TO.underReview,
        validPayload('REVIEW_PERIOD_ELAPSED', '2026-01-30'),
        { ok: true, state: 'in_force' },
        'system',
      ],
      [
        'art. 47: an objection on the end date is too late',
        PATH_TO.underReview,
        validPayload('REVIEW_OBJECTION', '2026-01-30'),
        { code: 'GUARD_FAILED', says: 'art. 47: the review period ended on 2026-01-30' },
        'user',
      ],
      [
        'art. 45-46: an objection the day before returns to consultation',
        PATH_TO.underReview,
        validPayload('REVIEW_OBJECTION', '2026-01-29'),
        { ok: true, state: 'consultation.active' },
        'user',
      ],
      [
        'art. 48: publication is recorded once',
        [...PATH_TO.inForce, validPayload('PUBLISHED', '2026-01-21')],
        validPayload('PUBLISHED', '2026-01-22'),
        { code: 'GUARD_FAILED', says: '集体合同规定 art. 48: already published on 2026-01-21' },
        'user',
      ],
      [
        'filing with the union is recorded once',
        [...PATH_TO.inForce, validPayload('FILED_WITH_UNION', '2026-01-21')],
        validPayload('FILED_WITH_UNION', '2026-01-22'),
        { code: 'GUARD_FAILED', says: 'already filed with the union on 2026-01-21' },
        'user',
      ],
      [
        'art. 38: EXPIRED before expiresOn fails',
        PATH_TO.inForce,
        validPayload('EXPIRED', '2027-01-19'),
        { code: 'GUARD_FAILED', says: 'art. 38: the agreement runs until 2027-01-20' },
        'system',
      ],
      [
        'art. 38: EXPIRED on expiresOn passes',
        PATH_TO.inForce,
        validPayload('EXPIRED', '2027-01-20'),
        { ok: true, state: 'expired' },
        'system',
      ],
      [
        'art. 38: no termination after expiry',
        PATH_TO.inForce,
        validPayload('TERMINATED', '2027-01-20'),
        { code: 'GUARD_FAILED', says: 'art. 38: the agreement expired on 2027-01-20' },
        'user',
      ],
      [
        'art. 39-40: termination states a reason',
        PATH_TO.inForce,
        { ...validPayload('TERMINATED', '2026-06-01'), reason: ' ' },
        { code: 'GUARD_FAILED', says: '集体合同规定 art. 39-40: a termination must state its reason' },
        'user',
      ],
      [
        'TERMINATED only from in_force',
        PATH_TO.underReview,
        validPayload('TERMINATED', '2026-01-20'),
        { code: 'ILLEGAL_EVENT', says: 'TERMINATED is not accepted in stage filing.underReview' },
        'user',
      ],
    ])('%s', (_, path, event, expected, source) => {
      expectOutcome(attempt(path, event, { source, today: '2027-12-31' }), expected);
    });
  });

  it.each([
    ['invitation', PATH_TO.invitation],
    ['consultation.suspended', [...PATH_TO.consultation, validPayload('SUSPENDED', ON)]],
    ['filing.underReview', PATH_TO.underReview],
  ])('allows ABANDONED with a reason from %s', (_, path) => {
    const result = attempt(path, validPayload('ABANDONED', '2026-01-20'));
    expect(result).toMatchObject({ ok: true, stage: 'abandoned', agreement: null });
  });

  it('keeps the worker and employer lists used by the fixtures distinct', () => {
    expect(WORKER_REPS.filter((name) => EMPLOYER_REPS.includes(name))).toEqual([]);
  });
});
