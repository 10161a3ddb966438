import { applyEvent, replay, stageOf } from './negotiation-workflow';
import { NEGOTIATION_MACHINE_VERSION } from './negotiation.machine';
import { NATIONAL_RULE_SET } from './rule-set';
import { migratePersistedWorkflow } from './snapshot-migrations';
import { PATH_TO, run, validPayload } from './workflow.fixtures';

/**
 * Snapshots as machine version 1 wrote them (flat consultation and filing, `effective`,
 * `meetingCount`, `suspendedUntil`). Literal JSON on purpose: they stand for rows already
 * in a database, and must keep loading whatever the code does next.
 */
const v1Context = {
  agreementKind: 'comprehensive',
  scope: 'enterprise',
  ruleSetVersion: 'national-2004.1',
  createdOn: '2026-01-01',
  lastEventOn: '2026-01-08',
  historical: false,
  offer: { sentBy: 'union', sentOn: '2026-01-05', receivedOn: '2026-01-05' },
  lastRefusal: null,
  escalated: false,
  representatives: {
    workerReps: ['王芳', '李强', '张伟'],
    employerReps: ['刘洋', '陈静', '杨磊'],
    workerChief: '王芳',
    employerChief: '刘洋',
    experts: [],
    confirmedOn: '2026-01-07',
  },
  meetingCount: 1,
  suspendedUntil: null,
  lastVote: null,
  agreement: null,
  review: null,
  lastObjection: null,
  publishedOn: null,
  filedWithUnionOn: null,
  closure: null,
};

const V1_SUSPENDED = {
  machineId: 'negotiation',
  machineVersion: 1,
  ruleSetVersion: 'national-2004.1',
  snapshot: {
    status: 'active',
    value: 'consultation',
    historyValue: {},
    context: { ...v1Context, lastEventOn: '2026-01-09', suspendedUntil: '2026-02-01' },
    children: {},
  },
};

const V1_UNDER_REVIEW = {
  machineId: 'negotiation',
  machineVersion: 1,
  ruleSetVersion: 'national-2004.1',
  snapshot: {
    status: 'active',
    value: 'filing',
    historyValue: {},
    context: {
      ...v1Context,
      lastEventOn: '2026-01-15',
      lastVote: {
        votedOn: '2026-01-10',
        total: 100,
        present: 80,
        inFavour: 60,
        passed: true,
        failedBecause: null,
      },
      agreement: {
        signedOn: '2026-01-12',
        termMonths: 12,
        effectiveOn: null,
        expiresOn: '2027-01-12',
        coveredEmployees: 120,
        wageIncreasePct: 5,
        minimumWage: 2200,
        terminatedOn: null,
      },
      review: { submittedOn: '2026-01-15', receivedOn: '2026-01-15', endsOn: '2026-01-30' },
    },
    children: {},
  },
};

const V1_EFFECTIVE = {
  ...V1_UNDER_REVIEW,
  snapshot: {
    ...V1_UNDER_REVIEW.snapshot,
    value: 'effective',
    context: {
      ...V1_UNDER_REVIEW.snapshot.context,
      lastEventOn: '2026-01-20',
      agreement: {
        ...V1_UNDER_REVIEW.snapshot.context.agreement,
        effectiveOn: '2026-01-20',
        expiresOn: '2027-01-20',
      },
    },
  },
};

const options = { ruleSet: NATIONAL_RULE_SET, today: '2026-12-31', source: 'user' as const };
const createdWith = {
  agreementKind: 'comprehensive' as const,
  scope: 'enterprise' as const,
  createdOn: '2026-01-01',
};

describe(migratePersistedWorkflow.name, () => {
  it('loads a suspended v1 negotiation into consultation.suspended, dated by its last event', () => {
    const sut = migratePersistedWorkflow(V1_SUSPENDED);
    expect(sut.machineVersion).toBe(NEGOTIATION_MACHINE_VERSION);
    expect(sut.snapshot.value).toEqual({ consultation: 'suspended' });
    expect(sut.snapshot.context).toMatchObject({
      meetings: 1,
      suspension: { suspendedOn: '2026-01-09', resumeOn: '2026-02-01' },
    });
    expect(sut.snapshot.context).not.toHaveProperty('meetingCount');
    expect(sut.snapshot.context).not.toHaveProperty('suspendedUntil');
  });

  it('gives exactly what the current machine builds from the same events', () => {
    const history = [
      ...PATH_TO.consultation,
      validPayload('MEETING_HELD', '2026-01-08'),
      { ...validPayload('SUSPENDED', '2026-01-09'), resumeOn: '2026-02-01' },
    ];
    const replayed = replay(history, { ruleSet: NATIONAL_RULE_SET, createdWith });
    const migrated = migratePersistedWorkflow(V1_SUSPENDED);
    expect(migrated).toEqual(replayed);
    // Same key order too, so a JSON text comparison of stored snapshots agrees.
    expect(JSON.stringify(migrated.snapshot.context)).toBe(JSON.stringify(replayed.snapshot.context));
  });

  it('lets a migrated v1 negotiation accept its next event', () => {
    const result = applyEvent(V1_SUSPENDED as never, validPayload('RESUMED', '2026-01-20'), options);
    expect(result).toMatchObject({ ok: true, fromStage: 'consultation', state: 'consultation.active' });
    expect(result.ok && result.persisted.machineVersion).toBe(NEGOTIATION_MACHINE_VERSION);
  });

  it('puts a v1 filing with a review under review, and its timer still fires', () => {
    const sut = migratePersistedWorkflow(V1_UNDER_REVIEW);
    expect(sut.snapshot.value).toEqual({ filing: 'underReview' });
    const result = applyEvent(sut, validPayload('REVIEW_PERIOD_ELAPSED', '2026-02-02'), {
      ...options,
      source: 'system',
    });
    expect(result).toMatchObject({ ok: true, stage: 'in_force', agreement: { effectiveOn: '2026-01-30' } });
  });

  it('renames the v1 stage effective to in_force and equals the replayed history', () => {
    const sut = migratePersistedWorkflow(V1_EFFECTIVE);
    expect(stageOf(sut)).toBe('in_force');
    const { persisted } = run([...PATH_TO.inForce]);
    expect(sut).toEqual(persisted);
  });

  it('returns a current snapshot unchanged and never mutates its argument', () => {
    const { persisted } = run(PATH_TO.consultation);
    const frozen = structuredClone(V1_SUSPENDED);
    migratePersistedWorkflow(V1_SUSPENDED);
    expect(V1_SUSPENDED).toEqual(frozen);
    expect(migratePersistedWorkflow(persisted)).toEqual(persisted);
  });

  it.each([
    [
      'a future version',
      { ...V1_SUSPENDED, machineVersion: NEGOTIATION_MACHINE_VERSION + 1 },
      'written by machine version 3; this build knows versions up to 2',
    ],
    ['version 0', { ...V1_SUSPENDED, machineVersion: 0 }, 'machineVersion must be a positive integer'],
    ['another machine', { ...V1_SUSPENDED, machineId: 'other' }, 'not a negotiation workflow'],
    ['null', null, 'persisted workflow must be an object'],
  ])('refuses %s', (_, input, message) => {
    expect(() => migratePersistedWorkflow(input)).toThrow(message);
  });
});
