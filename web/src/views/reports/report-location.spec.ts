import { describe, expect, it } from 'vitest';
import { readReportLocation, reportLocationQuery, sameQuery } from './report-location';

const choices = {
  tabs: ['sector', 'orgUnit', 'trend'],
  agreementKinds: ['wage', 'comprehensive'],
  bases: ['unionised', 'all'],
  statuses: ['signed', 'in_force'],
};

describe('the reports page in its address', () => {
  it('reads back what it wrote', () => {
    const location = {
      unit: 12,
      tab: 'orgUnit',
      asOf: '2026-06-30',
      agreementKind: 'comprehensive',
      base: 'all',
      status: 'in_force',
    };
    const query = reportLocationQuery(location);
    expect(query).toEqual({
      unit: '12',
      tab: 'orgUnit',
      asOf: '2026-06-30',
      kind: 'comprehensive',
      base: 'all',
      status: 'in_force',
    });
    expect(readReportLocation(query, choices)).toEqual(location);
    expect(readReportLocation({ unit: 'all' }, choices)).toEqual({ unit: 'all' });
  });

  it('drops a part it does not know, keeping the others (a hand-edited or old link)', () => {
    expect(
      readReportLocation(
        {
          tab: 'nonsense',
          asOf: '2026-02-30',
          kind: 'wage',
          base: 'some',
          status: ['in_force', 'signed'],
          unit: '0',
        },
        choices,
      ),
    ).toEqual({ agreementKind: 'wage', status: 'in_force' });
    expect(readReportLocation({ asOf: '2026-6-30', unit: '12a' }, choices)).toEqual({});
    expect(readReportLocation({ asOf: '2028-02-29', unit: '7' }, choices)).toEqual({
      asOf: '2028-02-29',
      unit: 7,
    });
  });

  it('compares queries whatever the order of their keys', () => {
    expect(sameQuery({ tab: 'trend', unit: '3' }, { unit: '3', tab: 'trend' })).toBe(true);
    expect(sameQuery({ tab: 'trend' }, { tab: 'trend', unit: '3' })).toBe(false);
    expect(sameQuery({ tab: ['trend'] }, { tab: 'trend' })).toBe(true);
  });
});
