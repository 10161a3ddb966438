import { ConfigError } from '../config/config.error';
import { loadReportsConfig } from '../reports/reports.config';
import { DEFAULT_ROOT_UNIT, loadOrgUnitsConfig, parseReportTargets } from './org-units.config';

describe(loadOrgUnitsConfig.name, () => {
  it('starts with the county 本县 and the seed county’s targets (docs/domain.md: state-owned 100 %, non-public 90 %)', () => {
    expect(loadOrgUnitsConfig({})).toEqual({
      rootUnit: DEFAULT_ROOT_UNIT,
      defaultTargets: { state: 1, non_public: 0.9 },
    });
  });

  it('takes the default targets from REPORT_TARGETS, as the reports do', () => {
    const env = { REPORT_TARGETS: 'state=0.95, collective=0.8' };
    expect(loadOrgUnitsConfig(env).defaultTargets).toEqual({ state: 0.95, collective: 0.8 });
    expect(loadReportsConfig(env).reportTargets).toEqual({ state: 0.95, collective: 0.8 });
  });
});

describe(parseReportTargets.name, () => {
  it.each(['private=0.9', 'state=1.2', 'state=', 'state=abc'])('refuses %s naming REPORT_TARGETS', (raw) => {
    expect(() => parseReportTargets(raw)).toThrow(ConfigError);
    expect(() => parseReportTargets(raw)).toThrow(/REPORT_TARGETS/);
  });
});
