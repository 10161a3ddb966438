import { loadBusinessTimeConfig } from './business-time.config';
import { Clock } from './clock';

describe('Clock.today', () => {
  const config = loadBusinessTimeConfig({ TZ_BUSINESS: 'Asia/Shanghai' });

  function clockAt(instants: string[]): Clock {
    const clock = new Clock(config);
    const queue = instants.map((instant) => new Date(instant));
    jest.spyOn(clock, 'now').mockImplementation(() => queue.shift()!);
    return clock;
  }

  it('turns at midnight in the business zone, also when asked twice within a second', () => {
    const clock = clockAt([
      '2026-11-25T15:59:59.100Z',
      '2026-11-25T15:59:59.900Z',
      '2026-11-25T16:00:00.000Z',
      '2026-11-25T16:00:00.500Z',
    ]);
    expect([clock.today(), clock.today(), clock.today(), clock.today()]).toEqual([
      '2026-11-25',
      '2026-11-25',
      '2026-11-26',
      '2026-11-26',
    ]);
  });

  it('answers an earlier instant correctly after a later one (tests move the clock back)', () => {
    const clock = clockAt(['2026-11-26T01:00:00Z', '2026-01-01T01:00:00Z']);
    expect([clock.today(), clock.today()]).toEqual(['2026-11-26', '2026-01-01']);
  });
});
