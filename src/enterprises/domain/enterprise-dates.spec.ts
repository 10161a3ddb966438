import {
  congressDatesChanged,
  registeredOnProblem,
  unionFoundedOnProblem,
  workersCongressOnProblem,
} from './enterprise-dates';

describe(unionFoundedOnProblem.name, () => {
  const today = '2026-11-25';
  const dates = { registeredOn: '2007-09-12', closedOn: null, unionFoundedOn: '2011-05-01' };

  it.each([
    ['no union yet', { unionFoundedOn: null }, null],
    ['founded on the registration day', { unionFoundedOn: '2007-09-12' }, null],
    ['founded today', { unionFoundedOn: today }, null],
    ['registration unknown', { registeredOn: null, unionFoundedOn: '1990-01-01' }, null],
    [
      'founded tomorrow',
      { unionFoundedOn: '2026-11-26' },
      'unionFoundedOn 2026-11-26 is in the future (today is 2026-11-25)',
    ],
    [
      'founded before the enterprise existed',
      { unionFoundedOn: '2007-09-11' },
      'unionFoundedOn 2007-09-11 is before the enterprise was registered (registeredOn 2007-09-12)',
    ],
  ])('%s', (_, override, problem) => {
    expect(unionFoundedOnProblem({ ...dates, ...override }, today)?.en ?? null).toBe(problem);
  });

  it('words the problem in Chinese for the roster import', () => {
    expect(unionFoundedOnProblem({ ...dates, unionFoundedOn: '2007-09-11' }, today)?.zh).toBe(
      '建会日期 2007-09-11 不能早于企业成立日期 2007-09-12',
    );
    expect(unionFoundedOnProblem({ ...dates, unionFoundedOn: '2026-11-26' }, today)?.zh).toBe(
      '建会日期 2026-11-26 不能晚于今天（2026-11-25）',
    );
  });
});

describe(registeredOnProblem.name, () => {
  const today = '2026-11-25';

  it.each([
    [null, null],
    ['2007-09-12', null],
    [today, null],
  ])('accepts registeredOn %s', (registeredOn, problem) => {
    expect(registeredOnProblem(registeredOn, today)).toBe(problem);
  });

  it('refuses a registration after today, in English and Chinese', () => {
    expect(registeredOnProblem('9999-12-31', today)).toEqual({
      en: 'registeredOn 9999-12-31 is in the future (today is 2026-11-25)',
      zh: '成立日期 9999-12-31 不能晚于今天（2026-11-25）',
    });
    expect(registeredOnProblem('2026-11-26', today)?.en).toContain('in the future');
  });
});

describe(workersCongressOnProblem.name, () => {
  const today = '2026-11-25';
  const dates = { registeredOn: '2007-09-12', workersCongressOn: '2012-03-08' };

  it.each([
    ['no workers’ congress yet', { workersCongressOn: null }, null],
    ['established on the registration day', { workersCongressOn: '2007-09-12' }, null],
    ['established today', { workersCongressOn: today }, null],
    ['registration unknown', { registeredOn: null, workersCongressOn: '1990-01-01' }, null],
    [
      'established tomorrow',
      { workersCongressOn: '2026-11-26' },
      'workersCongressOn 2026-11-26 is in the future (today is 2026-11-25)',
    ],
    [
      'established before the enterprise existed',
      { workersCongressOn: '2007-09-11' },
      'workersCongressOn 2007-09-11 is before the enterprise was registered (registeredOn 2007-09-12)',
    ],
  ])('%s', (_, override, problem) => {
    expect(workersCongressOnProblem({ ...dates, ...override }, today)?.en ?? null).toBe(problem);
  });

  it('words the problem in Chinese for the roster import', () => {
    expect(workersCongressOnProblem({ ...dates, workersCongressOn: '2007-09-11' }, today)?.zh).toBe(
      '职代会建立日期 2007-09-11 不能早于企业成立日期 2007-09-12',
    );
    expect(workersCongressOnProblem({ ...dates, workersCongressOn: '2026-11-26' }, today)?.zh).toBe(
      '职代会建立日期 2026-11-26 不能晚于今天（2026-11-25）',
    );
  });
});

describe(congressDatesChanged.name, () => {
  const stored = { registeredOn: '2007-09-12', workersCongressOn: '2012-03-08' };

  it('is judged again when the congress date or the registration changes, not otherwise', () => {
    expect(congressDatesChanged(stored, { ...stored })).toBe(false);
    expect(congressDatesChanged(stored, { ...stored, workersCongressOn: null })).toBe(true);
    expect(congressDatesChanged(stored, { ...stored, registeredOn: '2008-01-01' })).toBe(true);
  });
});
