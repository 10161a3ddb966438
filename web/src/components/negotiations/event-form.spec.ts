import { describe, expect, it } from 'vitest';
import type { EventField } from '../../api/negotiations';
import { eventValues, initialValues, widgetFor } from './event-form';

const field = (name: string, type: EventField['type'], required = true): EventField => ({
  name,
  type,
  required,
});

describe('widgetFor', () => {
  it.each([
    [field('occurredOn', 'date'), 'date'],
    [{ ...field('sentBy', 'enum'), values: ['union', 'employer'] } as EventField, 'choice'],
    [field('workerReps', 'names'), 'names'],
    [field('reasons', 'texts'), 'lines'],
    [field('total', 'integer'), 'integer'],
    [field('wageIncreasePct', 'number'), 'decimal'],
    [field('reason', 'text'), 'paragraph'],
    [field('workerChief', 'text'), 'chief'],
    [field('employerChief', 'text'), 'chief'],
  ] as const)('%o → %s', (given, widget) => {
    expect(widgetFor(given)).toBe(widget);
  });
});

describe('initialValues', () => {
  it('dates the event today and leaves the rest empty', () => {
    const fields = [
      field('occurredOn', 'date'),
      field('receivedOn', 'date'),
      field('workerReps', 'names'),
      field('total', 'integer'),
      field('reasons', 'texts'),
    ];
    expect(initialValues(fields, '2026-03-05')).toEqual({
      occurredOn: '2026-03-05',
      receivedOn: '',
      workerReps: [],
      total: undefined,
      reasons: '',
    });
  });
});

describe('eventValues', () => {
  const fields = [
    field('occurredOn', 'date'),
    field('workerReps', 'names'),
    field('experts', 'names', false),
    field('reasons', 'texts'),
    field('summary', 'text', false),
    field('total', 'integer'),
    field('minimumWage', 'number', false),
  ];

  it('trims what was typed, splits lines into a list and keeps numbers as numbers', () => {
    expect(
      eventValues(fields, {
        occurredOn: '2026-03-05',
        workerReps: [' 张伟', '李娜 '],
        experts: [],
        reasons: '第三条不符合最低工资规定\n\n  第五条表述不清 ',
        summary: '  ',
        total: 60,
        minimumWage: 2100.5,
      }),
    ).toEqual({
      occurredOn: '2026-03-05',
      workerReps: ['张伟', '李娜'],
      reasons: ['第三条不符合最低工资规定', '第五条表述不清'],
      total: 60,
      minimumWage: 2100.5,
    });
  });

  it('leaves out fields left empty', () => {
    expect(eventValues(fields, { occurredOn: '', total: undefined, minimumWage: null })).toEqual({});
  });
});
