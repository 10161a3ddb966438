import { describeWorkflow } from './describe-workflow';
import { createHistoricalState } from './historical';
import { transitionsOf } from './machine-graph';
import {
  agreementOf,
  applyEvent,
  availableEvents,
  createNegotiationState,
  replay,
  stageOf,
} from './negotiation-workflow';
import { NEGOTIATION_MACHINE_VERSION } from './negotiation.machine';
import { STAGES } from './negotiation.types';
import { NATIONAL_RULE_SET, resolveRuleSet } from './rule-set';
import { WorkflowError } from './workflow-errors';
import { PATH_TO, run, TODAY, validPayload } from './workflow.fixtures';

const createdWith = {
  agreementKind: 'comprehensive' as const,
  scope: 'enterprise' as const,
  createdOn: '2026-01-01',
};
const userOptions = { ruleSet: NATIONAL_RULE_SET, today: TODAY, source: 'user' as const };

describe(createNegotiationState.name, () => {
  it('starts in invitation with the machine and rule set versions, as plain JSON', () => {
    const sut = createNegotiationState({ ...createdWith, ruleSet: NATIONAL_RULE_SET });
    expect(sut).toMatchObject({
      machineId: 'negotiation',
      machineVersion: NEGOTIATION_MACHINE_VERSION,
      ruleSetVersion: 'national-2004.1',
      snapshot: { status: 'active', value: 'invitation', context: { lastEventOn: null, escalated: false } },
    });
    expect(JSON.parse(JSON.stringify(sut))).toEqual(sut);
    expect(stageOf(sut)).toBe('invitation');
  });

  it.each([
    [{ agreementKind: 'bonus' }, 'agreementKind must be one of comprehensive, wage, women, safety'],
    [{ scope: 'national' }, 'scope must be one of enterprise, regional, industry'],
    [{ createdOn: '2026-02-30' }, 'createdOn must be a YYYY-MM-DD date'],
  ])('refuses %o', (override, message) => {
    expect(() =>
      createNegotiationState({ ...createdWith, ruleSet: NATIONAL_RULE_SET, ...(override as object) }),
    ).toThrow(message);
  });
});

describe(applyEvent.name, () => {
  it('reports the move and the accepted payload, leaving its input untouched', () => {
    const { persisted } = run(PATH_TO.offerPending);
    const before = structuredClone(persisted);
    const sut = applyEvent(persisted, { ...validPayload('OFFER_ACCEPTED', '2026-01-06') }, userOptions);
    expect(sut).toMatchObject({
      ok: true,
      fromStage: 'invitation',
      toStage: 'preparation',
      stage: 'preparation',
      state: 'preparation',
      event: { type: 'OFFER_ACCEPTED', occurredOn: '2026-01-06' },
      agreement: null,
    });
    expect(persisted).toEqual(before);
  });

  it('keeps the terms of a terminated agreement, with terminatedOn', () => {
    const { last } = run([...PATH_TO.inForce, validPayload('TERMINATED', '2026-06-30')]);
    expect(last).toMatchObject({
      stage: 'terminated',
      agreement: { terminatedOn: '2026-06-30', effectiveOn: '2026-01-20' },
    });
    expect(last?.persisted.snapshot.status).toBe('done');
  });

  it('sets the signed text aside after a review objection until it is signed again', () => {
    const { last, persisted } = run([...PATH_TO.underReview, validPayload('REVIEW_OBJECTION', '2026-01-20')]);
    expect(last).toMatchObject({ state: 'consultation.active', agreement: null });
    expect(persisted.snapshot.context).toMatchObject({
      lastVote: null,
      review: null,
      lastObjection: { objectedOn: '2026-01-20' },
    });
    const again = run([
      ...PATH_TO.underReview,
      validPayload('REVIEW_OBJECTION', '2026-01-20'),
      validPayload('MEETING_HELD', '2026-01-22'),
      validPayload('DRAFT_AGREED', '2026-01-23'),
      validPayload('VOTE_RECORDED', '2026-01-24'),
      validPayload('SIGNED', '2026-01-25'),
    ]);
    expect(again.last).toMatchObject({
      state: 'filing.awaitingSubmission',
      agreement: { signedOn: '2026-01-25' },
    });
  });

  it('throws WorkflowError for a rule set other than the negotiation’s own', () => {
    const { persisted } = run(PATH_TO.consultation);
    const county = resolveRuleSet({ version: 'county-2026.1' });
    expect(() =>
      applyEvent(persisted, validPayload('MEETING_HELD', '2026-01-08'), { ...userOptions, ruleSet: county }),
    ).toThrow(WorkflowError);
  });

  it('throws WorkflowError for a snapshot the machine cannot hold', () => {
    const { persisted } = run(PATH_TO.consultation);
    const corrupt = { ...persisted, snapshot: { ...persisted.snapshot, value: 'nowhere' } };
    expect(() => applyEvent(corrupt, validPayload('MEETING_HELD', '2026-01-08'), userOptions)).toThrow(
      "stored snapshot does not fit the machine: State 'nowhere' does not exist",
    );
  });
});

describe(availableEvents.name, () => {
  const types = (path: Parameters<typeof run>[0], source: 'user' | 'system' = 'user') =>
    availableEvents(run(path).persisted, source).map((event) => event.type);

  it.each<[string, Parameters<typeof run>[0], 'user' | 'system', string[]]>([
    ['invitation, no offer yet', PATH_TO.invitation, 'user', ['OFFER_SENT', 'ABANDONED']],
    [
      'invitation, for the system',
      PATH_TO.invitation,
      'system',
      ['OFFER_SENT', 'ABANDONED', 'HISTORICAL_RECORDED'],
    ],
    [
      'invitation, offer pending',
      PATH_TO.offerPending,
      'user',
      ['OFFER_ACCEPTED', 'OFFER_REFUSED', 'ABANDONED'],
    ],
    [
      'consultation',
      PATH_TO.consultation,
      'user',
      ['REPRESENTATIVES_CONFIRMED', 'MEETING_HELD', 'SUSPENDED', 'DRAFT_AGREED', 'ABANDONED'],
    ],
    ['under review, user', PATH_TO.underReview, 'user', ['REVIEW_APPROVED', 'REVIEW_OBJECTION', 'ABANDONED']],
    [
      'under review, system',
      PATH_TO.underReview,
      'system',
      ['REVIEW_APPROVED', 'REVIEW_OBJECTION', 'ABANDONED', 'REVIEW_PERIOD_ELAPSED'],
    ],
    [
      'in force, published',
      [...PATH_TO.inForce, validPayload('PUBLISHED', '2026-01-21')],
      'user',
      ['FILED_WITH_UNION', 'TERMINATED'],
    ],
    ['a final stage', [...PATH_TO.inForce, validPayload('TERMINATED', '2026-02-01')], 'system', []],
  ])('%s', (_, path, source, expected) => {
    expect(types(path, source).sort()).toEqual([...expected].sort());
  });

  it('lists the fields of each event, occurredOn first', () => {
    const signing = availableEvents(run(PATH_TO.signing).persisted, 'user');
    expect(signing.find((event) => event.type === 'SIGNED')?.fields).toEqual([
      { name: 'occurredOn', type: 'date', required: true },
      { name: 'termMonths', type: 'integer', required: false },
      { name: 'coveredEmployees', type: 'integer', required: true },
      { name: 'wageIncreasePct', type: 'number', required: false },
      { name: 'minimumWage', type: 'number', required: false },
    ]);
  });
});

describe(replay.name, () => {
  it('rebuilds the stored state from the event log', () => {
    const events = [...PATH_TO.inForce, validPayload('PUBLISHED', '2026-01-25')];
    expect(replay(events, { ruleSet: NATIONAL_RULE_SET, createdWith })).toEqual(run(events).persisted);
  });

  it('throws when the log holds an event the machine refuses', () => {
    const events = [...PATH_TO.consultation, validPayload('SIGNED', '2026-01-09')];
    expect(() => replay(events, { ruleSet: NATIONAL_RULE_SET, createdWith })).toThrow(
      'event #4 of the log was refused on replay: ILLEGAL_EVENT',
    );
  });
});

describe(createHistoricalState.name, () => {
  const input = {
    agreementKind: 'wage' as const,
    scope: 'regional' as const,
    signedOn: '2025-03-01',
    effectiveOn: '2025-03-20',
    expiresOn: '2026-03-20',
    coveredEmployees: 850,
    wageIncreasePct: 6.5,
    ruleSet: NATIONAL_RULE_SET,
  };

  it('records an agreement still running as in_force, through an event that replays', () => {
    const sut = createHistoricalState({ ...input, today: '2026-01-10' });
    expect(sut).toMatchObject({
      ok: true,
      stage: 'in_force',
      createdOn: '2026-01-10',
      agreement: {
        signedOn: '2025-03-01',
        effectiveOn: '2025-03-20',
        expiresOn: '2026-03-20',
        termMonths: 12,
        minimumWage: null,
      },
    });
    if (!sut.ok) return;
    expect(sut.events.map((event) => event.type)).toEqual(['HISTORICAL_RECORDED']);
    expect(sut.deadlines.map((d) => d.kind)).toEqual(['renewal_window_opens', 'expiry']);
    expect(sut.persisted.snapshot.context.historical).toBe(true);
    const rebuilt = replay(sut.events, {
      ruleSet: NATIONAL_RULE_SET,
      createdWith: { agreementKind: 'wage', scope: 'regional', createdOn: sut.createdOn },
    });
    expect(rebuilt).toEqual(sut.persisted);
  });

  it('records an agreement past its expiry as expired, EXPIRED dated expiresOn', () => {
    const sut = createHistoricalState({ ...input, today: '2026-03-20' });
    expect(sut).toMatchObject({ ok: true, stage: 'expired', fromStage: 'invitation' });
    expect(sut.ok && sut.events).toEqual([
      expect.objectContaining({ type: 'HISTORICAL_RECORDED', occurredOn: '2025-03-01' }),
      { type: 'EXPIRED', occurredOn: '2026-03-20' },
    ]);
  });

  it.each([
    [
      'effect before signing',
      { effectiveOn: '2025-02-01' },
      'effectiveOn',
      'effectiveOn 2025-02-01 is before the signing date',
    ],
    [
      'expiry before effect',
      { expiresOn: '2025-03-20' },
      'expiresOn',
      'expiresOn 2025-03-20 must be after effectiveOn',
    ],
    [
      'a term over 36 months (集体合同规定 art. 38)',
      { expiresOn: '2028-03-21' },
      'expiresOn',
      'is outside a term of 1-36 months (expiresOn 2025-04-20 to 2028-03-20)',
    ],
    [
      'a term under a month (集体合同规定 art. 38)',
      { expiresOn: '2025-04-19' },
      'expiresOn',
      'is outside a term of 1-36 months',
    ],
    [
      'a termMonths over 36 (集体合同规定 art. 38)',
      { termMonths: 60 },
      'termMonths',
      'term 60 months is outside 1-36 months',
    ],
    [
      'signed in the future, naming signedOn',
      { signedOn: '2026-02-01', effectiveOn: '2026-02-01' },
      'signedOn',
      'signedOn 2026-02-01 is in the future',
    ],
  ])('refuses %s', (_, override, field, message) => {
    const sut = createHistoricalState({ ...input, today: '2026-01-10', ...override });
    expect(sut).toMatchObject({ ok: false, code: 'GUARD_FAILED', field });
    expect(!sut.ok && sut.message).toContain(message);
  });

  it('accepts a term of exactly 36 months', () => {
    expect(createHistoricalState({ ...input, expiresOn: '2028-03-20', today: '2026-01-10' }).ok).toBe(true);
  });

  it('refuses implausible numbers', () => {
    const refused = (override: object) =>
      createHistoricalState({ ...input, today: '2026-01-10', ...override });
    expect(refused({ coveredEmployees: 0 })).toMatchObject({
      code: 'INVALID_EVENT',
      message: expect.stringContaining('coveredEmployees must be an integer from 1'),
    });
    expect(refused({ wageIncreasePct: 900 })).toMatchObject({
      code: 'INVALID_EVENT',
      field: 'wageIncreasePct',
    });
    expect(refused({ wageIncreasePct: 100 }).ok).toBe(true);
    expect(refused({ minimumWage: 100_001 })).toMatchObject({ code: 'INVALID_EVENT', field: 'minimumWage' });
  });
});

describe(describeWorkflow.name, () => {
  const sut = describeWorkflow(NATIONAL_RULE_SET);

  it('lists the ten stages with their substates', () => {
    expect(sut.states.map((state) => state.key)).toEqual([...STAGES]);
    expect(sut.states.find((s) => s.key === 'filing')).toMatchObject({
      initial: 'awaitingSubmission',
      substates: [{ key: 'awaitingSubmission' }, { key: 'underReview' }],
    });
    expect(sut.states.filter((s) => s.final).map((s) => s.key)).toEqual([
      'expired',
      'terminated',
      'abandoned',
    ]);
  });

  it('names the rule of every check and carries the rule-set numbers', () => {
    const checks = sut.guards.flatMap((guard) => guard.checks);
    expect(checks.find((check) => check.name === 'quorumReached')).toMatchObject({
      rule: '集体合同规定 art. 36',
      law: '集体合同规定',
      article: '36',
    });
    for (const check of checks) expect(check.rule).toMatch(/art\. \d|product rule/);
    expect(sut.ruleSet).toMatchObject({ version: 'national-2004.1', offerReplyDays: 20, reviewDays: 15 });
    expect(sut.machineVersion).toBe(NEGOTIATION_MACHINE_VERSION);
  });

  it('lists every transition of the machine and only guards that exist', () => {
    expect(sut.transitions).toEqual(transitionsOf());
    const guardNames = new Set(sut.guards.map((guard) => guard.name));
    for (const transition of sut.transitions) {
      if (transition.guard !== null) expect(guardNames).toContain(transition.guard);
    }
    expect(sut.events.filter((event) => event.systemOnly).map((event) => event.type)).toEqual([
      'REVIEW_PERIOD_ELAPSED',
      'EXPIRED',
      'HISTORICAL_RECORDED',
    ]);
  });
});

describe(agreementOf.name, () => {
  it('is null before signing and after abandonment, the terms otherwise', () => {
    expect(agreementOf(run(PATH_TO.signing).persisted)).toBeNull();
    expect(agreementOf(run(PATH_TO.awaitingSubmission).persisted)).toMatchObject({ signedOn: '2026-01-12' });
    expect(
      agreementOf(run([...PATH_TO.awaitingSubmission, validPayload('ABANDONED', '2026-01-13')]).persisted),
    ).toBeNull();
  });
});
