import { describe, expect, it } from 'vitest';
import type { EventField, EventValues, RuleSet } from '../../api/negotiations';
import { checkEvent, type CheckContext } from './event-checks';

const NATIONAL: RuleSet = {
  version: 'national-2004.1',
  offerReplyDays: 20,
  filingDays: 10,
  wageFilingDays: 7,
  reviewDays: 15,
  minRepresentativesPerSide: 3,
  maxExpertShare: 1 / 3,
  quorumShare: 2 / 3,
  majorityShare: 0.5,
  minTermMonths: 1,
  maxTermMonths: 36,
  defaultWageTermMonths: 12,
  renewalWindowMonths: 3,
  publicationDays: 10,
  maxSuspensionDays: 60,
  stalledAfterDays: 30,
  vacantSeatRefillDays: 15,
  counting: {
    offer_reply: { unit: 'calendar', movesOffRestDay: true },
    submission_for_review: { unit: 'calendar', movesOffRestDay: true },
    review_period_end: { unit: 'calendar', movesOffRestDay: true },
    publication: { unit: 'calendar', movesOffRestDay: true },
  },
};
const CONTEXT: CheckContext = {
  today: '2026-03-05',
  lastEventOn: '2026-02-20',
  agreementKind: 'wage',
  rules: NATIONAL,
};

const occurredOn: EventField = { name: 'occurredOn', type: 'date', required: true };
const REPRESENTATIVES: EventField[] = [
  occurredOn,
  { name: 'workerReps', type: 'names', required: true },
  { name: 'employerReps', type: 'names', required: true },
  { name: 'workerChief', type: 'text', required: true },
  { name: 'employerChief', type: 'text', required: true },
  { name: 'experts', type: 'names', required: false },
];
const VOTE: EventField[] = [
  occurredOn,
  { name: 'total', type: 'integer', required: true, min: 1 },
  { name: 'present', type: 'integer', required: true, min: 0 },
  { name: 'inFavour', type: 'integer', required: true, min: 0 },
];
const SIGNED: EventField[] = [
  occurredOn,
  { name: 'termMonths', type: 'integer', required: false },
  { name: 'coveredEmployees', type: 'integer', required: true, min: 1 },
];

const keys = (errors: Record<string, { key: string }>) =>
  Object.fromEntries(Object.entries(errors).map(([field, problem]) => [field, problem.key]));

describe('checkEvent: any event', () => {
  it('asks for the required fields', () => {
    const { errors } = checkEvent(
      'OFFER_REFUSED',
      [occurredOn, { name: 'reason', type: 'text', required: true }],
      {},
      CONTEXT,
    );
    expect(keys(errors)).toEqual({ occurredOn: 'required', reason: 'required' });
  });

  it('refuses a date after today or before the previous event', () => {
    expect(
      keys(checkEvent('DRAFT_AGREED', [occurredOn], { occurredOn: '2026-03-06' }, CONTEXT).errors),
    ).toEqual({
      occurredOn: 'future',
    });
    expect(
      keys(checkEvent('DRAFT_AGREED', [occurredOn], { occurredOn: '2026-02-19' }, CONTEXT).errors),
    ).toEqual({
      occurredOn: 'beforeLastEvent',
    });
    expect(checkEvent('DRAFT_AGREED', [occurredOn], { occurredOn: '2026-03-05' }, CONTEXT).errors).toEqual(
      {},
    );
  });

  it('lets an agreed resume date lie ahead, but after the suspension', () => {
    const fields: EventField[] = [occurredOn, { name: 'resumeOn', type: 'date', required: true }];
    expect(
      checkEvent('SUSPENDED', fields, { occurredOn: '2026-03-01', resumeOn: '2026-04-01' }, CONTEXT).errors,
    ).toEqual({});
    expect(
      keys(
        checkEvent('SUSPENDED', fields, { occurredOn: '2026-03-01', resumeOn: '2026-03-01' }, CONTEXT).errors,
      ),
    ).toEqual({ resumeOn: 'resumeNotAfterSuspension' });
  });

  it('refuses an offer received before it was sent', () => {
    const fields: EventField[] = [occurredOn, { name: 'receivedOn', type: 'date', required: true }];
    const body = { occurredOn: '2026-03-02', receivedOn: '2026-03-01' };
    expect(keys(checkEvent('OFFER_SENT', fields, body, CONTEXT).errors)).toEqual({
      receivedOn: 'receivedBeforeSent',
    });
  });
});

describe('checkEvent: REPRESENTATIVES_CONFIRMED (集体合同规定 art. 19–24)', () => {
  const valid: EventValues = {
    occurredOn: '2026-03-01',
    workerReps: ['张伟', '李娜', '王芳'],
    employerReps: ['刘洋', '陈静', '杨磊'],
    workerChief: '张伟',
    employerChief: '刘洋',
  };
  const check = (changes: EventValues) =>
    keys(checkEvent('REPRESENTATIVES_CONFIRMED', REPRESENTATIVES, { ...valid, ...changes }, CONTEXT).errors);

  it('accepts three a side with a chief each', () => {
    expect(check({})).toEqual({});
  });

  it('needs three a side and as many on both', () => {
    expect(check({ workerReps: ['张伟', '李娜'] })).toEqual({
      workerReps: 'tooFewRepresentatives',
      employerReps: 'unequalSides',
    });
    expect(check({ workerReps: ['张伟', '李娜', '王芳', '赵强'] })).toEqual({ employerReps: 'unequalSides' });
  });

  it('counts a person once, on one side only', () => {
    expect(check({ workerReps: ['张伟', '李娜', '李娜'] })).toEqual({ workerReps: 'listedTwice' });
    expect(check({ employerReps: ['刘洋', '陈静', '王芳'] })).toEqual({ employerReps: 'onBothSides' });
  });

  it('takes each chief from their own side', () => {
    expect(check({ employerChief: '张伟' })).toEqual({ employerChief: 'chiefNotOnSide' });
  });

  it('keeps outside experts on a side, never chief, at most a third of it', () => {
    expect(check({ experts: ['王芳'] })).toEqual({});
    expect(check({ experts: ['孙教授'] })).toEqual({ experts: 'expertNotRepresentative' });
    expect(check({ experts: ['张伟'] })).toEqual({ experts: 'expertIsChief' });
    expect(check({ experts: ['李娜', '王芳'] })).toEqual({ experts: 'tooManyExperts' });
    const six = ['张伟', '李娜', '王芳', '赵强', '钱七', '孙八'];
    const employers = ['刘洋', '陈静', '杨磊', '周一', '吴二', '郑三'];
    expect(check({ workerReps: six, employerReps: employers, experts: ['李娜', '王芳'] })).toEqual({});
  });

  it('leaves the rule-set numbers to the API when the round follows another rule set', () => {
    const body = { ...valid, workerReps: ['张伟', '李娜'], employerReps: ['刘洋', '陈静'] };
    const { errors } = checkEvent('REPRESENTATIVES_CONFIRMED', REPRESENTATIVES, body, {
      ...CONTEXT,
      rules: null,
    });
    expect(errors).toEqual({});
  });
});

describe('checkEvent: VOTE_RECORDED (集体合同规定 art. 36)', () => {
  const vote = (total: number, present: number, inFavour: number) =>
    checkEvent('VOTE_RECORDED', VOTE, { occurredOn: '2026-03-01', total, present, inFavour }, CONTEXT);

  it('passes with two thirds present and more than half of all in favour', () => {
    expect(vote(60, 40, 31)).toEqual({ errors: {}, warnings: [] });
  });

  it('warns, without refusing, about a vote that fails', () => {
    expect(vote(60, 39, 31).warnings).toEqual([{ key: 'noQuorum', params: { need: 40, total: 60 } }]);
    // 30 of 60 is half, not more than half: of all delegates, not of those present.
    expect(vote(60, 40, 30)).toEqual({
      errors: {},
      warnings: [{ key: 'noMajority', params: { need: 31, total: 60 } }],
    });
    expect(vote(100, 67, 51).warnings).toEqual([]);
    expect(vote(100, 66, 51).warnings.map(({ key }) => key)).toEqual(['noQuorum']);
  });

  it('refuses impossible numbers', () => {
    expect(keys(vote(60, 61, 31).errors)).toEqual({ present: 'presentOverTotal' });
    expect(keys(vote(60, 40, 41).errors)).toEqual({ inFavour: 'inFavourOverPresent' });
  });
});

describe('checkEvent: SIGNED (集体合同规定 art. 38)', () => {
  const sign = (termMonths: number | undefined, agreementKind: CheckContext['agreementKind'] = 'wage') =>
    keys(
      checkEvent(
        'SIGNED',
        SIGNED,
        {
          occurredOn: '2026-03-01',
          coveredEmployees: 80,
          ...(termMonths === undefined ? {} : { termMonths }),
        },
        { ...CONTEXT, agreementKind },
      ).errors,
    );

  it('takes a term of 1 to 36 months', () => {
    expect(sign(1)).toEqual({});
    expect(sign(36)).toEqual({});
    expect(sign(0)).toEqual({ termMonths: 'termRange' });
    expect(sign(37)).toEqual({ termMonths: 'termRange' });
  });

  it('needs a term except for a wage agreement, which has a default', () => {
    expect(sign(undefined)).toEqual({});
    expect(sign(undefined, 'comprehensive')).toEqual({ termMonths: 'termRequired' });
  });
});
