import { validateEvent } from './event-validation';
import { EVENT_SPECS, EVENT_TYPES } from './events';
import { validPayload } from './workflow.fixtures';

describe(validateEvent.name, () => {
  it.each(EVENT_TYPES.map((type) => [type]))('accepts a valid %s', (type) => {
    const result = validateEvent(validPayload(type, '2026-01-05'));
    expect(result).toMatchObject({ ok: true, event: { type, occurredOn: '2026-01-05' } });
  });

  it('trims texts and names and drops absent optional fields', () => {
    const result = validateEvent({
      type: 'REPRESENTATIVES_CONFIRMED',
      occurredOn: '2026-01-05',
      workerReps: [' 王芳 ', '李强', '张伟'],
      employerReps: ['刘洋', '陈静', '杨磊'],
      workerChief: '王芳 ',
      employerChief: '刘洋',
      experts: null,
    });
    expect(result).toEqual({
      ok: true,
      event: {
        type: 'REPRESENTATIVES_CONFIRMED',
        occurredOn: '2026-01-05',
        workerReps: ['王芳', '李强', '张伟'],
        employerReps: ['刘洋', '陈静', '杨磊'],
        workerChief: '王芳',
        employerChief: '刘洋',
      },
    });
  });

  const circular: Record<string, unknown> = { type: 'RESUMED', occurredOn: '2026-01-05' };
  circular['self'] = circular;
  const hostile = new Proxy(
    {},
    {
      ownKeys: () => {
        throw new Error('boom');
      },
    },
  );

  it.each<[string, unknown, string, string | null]>([
    ['null', null, 'the event must be a JSON object', null],
    ['an array', [], 'the event must be a JSON object', null],
    ['a string', 'OFFER_SENT', 'the event must be a JSON object', null],
    [
      'a BigInt field',
      { type: 'RESUMED', occurredOn: '2026-01-05', n: BigInt(1) },
      'the event must be a JSON object',
      null,
    ],
    ['a cycle', circular, 'the event must be a JSON object', null],
    ['a throwing proxy', hostile, 'the event must be a JSON object', null],
    [
      'an unknown type',
      { type: 'OFFER_MADE', occurredOn: '2026-01-05' },
      'type must be one of OFFER_SENT',
      'type',
    ],
    ['no occurredOn', { type: 'RESUMED' }, 'RESUMED requires occurredOn', 'occurredOn'],
    [
      'a Date object',
      { type: 'RESUMED', occurredOn: new Date('2026-01-05') },
      'must be a real calendar date',
      'occurredOn',
    ],
    [
      'an unknown field',
      { type: 'RESUMED', occurredOn: '2026-01-05', note: 'x' },
      'RESUMED does not accept field(s) note',
      'note',
    ],
    [
      'a wrong enum',
      { ...validPayload('OFFER_SENT', '2026-01-05'), sentBy: 'government' },
      'sentBy must be one of union, employer',
      'sentBy',
    ],
    [
      'a fractional integer',
      { ...validPayload('VOTE_RECORDED', '2026-01-05'), total: 99.5 },
      'total must be an integer from 1 to 10000000',
      'total',
    ],
    [
      'a numeric string',
      { ...validPayload('VOTE_RECORDED', '2026-01-05'), present: '80' },
      'present must be an integer',
      'present',
    ],
    [
      'an empty name',
      { ...validPayload('REPRESENTATIVES_CONFIRMED', '2026-01-05'), workerReps: ['王芳', ' '] },
      'workerReps must hold non-empty names',
      'workerReps',
    ],
    [
      'no objection reasons',
      { type: 'REVIEW_OBJECTION', occurredOn: '2026-01-05', reasons: [] },
      'reasons must hold at least one entry (集体合同规定 art. 45-46)',
      'reasons',
    ],
    [
      'no covered employees',
      { ...validPayload('SIGNED', '2026-01-05'), coveredEmployees: 0 },
      'coveredEmployees must be an integer from 1',
      'coveredEmployees',
    ],
    [
      'NaN',
      { ...validPayload('SIGNED', '2026-01-05'), minimumWage: Number.NaN },
      'minimumWage must be a finite number',
      'minimumWage',
    ],
  ])('refuses %s', (_, input, message, field) => {
    const result = validateEvent(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain(message);
      expect(result.field ?? null).toBe(field);
    }
  });

  it('describes every event type once', () => {
    expect(new Set(EVENT_TYPES).size).toBe(EVENT_SPECS.length);
    expect(EVENT_SPECS.filter((spec) => spec.systemOnly).map((spec) => spec.type)).toEqual([
      'REVIEW_PERIOD_ELAPSED',
      'EXPIRED',
      'HISTORICAL_RECORDED',
    ]);
  });
});
