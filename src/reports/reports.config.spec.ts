import { ConfigError } from '../config/config.error';
import { loadReportsConfig } from './reports.config';

describe('reports config: the work summary targets', () => {
  it('defaults to 90 % unionisation and 70 % workers’ congresses', () => {
    expect(loadReportsConfig({})).toMatchObject({ unionisationTarget: 0.9, workersCongressTarget: 0.7 });
  });

  it('reads fractions', () => {
    const config = loadReportsConfig({ UNIONISATION_TARGET: '0.85', WORKERS_CONGRESS_TARGET: '1' });
    expect(config).toMatchObject({ unionisationTarget: 0.85, workersCongressTarget: 1 });
  });

  it.each(['90', '-0.1', 'abc'])('stops the start on %s, naming the variable', (raw) => {
    expect(() => loadReportsConfig({ WORKERS_CONGRESS_TARGET: raw })).toThrow(ConfigError);
    expect(() => loadReportsConfig({ WORKERS_CONGRESS_TARGET: raw })).toThrow(/WORKERS_CONGRESS_TARGET/);
  });
});
