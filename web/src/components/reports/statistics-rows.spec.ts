import { describe, expect, it } from 'vitest';
import type { StatisticsReport, StatisticsRow } from '../../api/reports';
import { statisticsScreenRows } from './statistics-rows';

const row = (agreementKind: string, level: string, agreements: number): StatisticsRow =>
  ({
    agreementKind,
    level,
    agreements,
    signedInPeriod: 0,
    enterprisesCovered: agreements * 2,
    employeesCovered: 0,
    nonPublicEnterprisesCovered: 0,
  }) as StatisticsRow;

const table = (seed: number) => ({
  rows: [row('wage', 'regional', seed)],
  kindTotals: [row('wage', 'total', seed + 1)],
  levelTotals: [row('total', 'regional', seed + 2)],
  total: row('total', 'total', seed + 3),
});

describe('statisticsScreenRows', () => {
  it('lays out one block of four rows for the unit, reading each kind group from its row', () => {
    const rows = statisticsScreenRows(
      { from: '', to: '', orgUnit: null, ...table(1) } as StatisticsReport,
      '金山县',
      '合计',
    );
    expect(rows.map((found) => [found.unit, found.level, found.first])).toEqual([
      ['金山县', 'enterprise', true],
      ['金山县', 'regional', false],
      ['金山县', 'industry', false],
      ['金山县', 'total', false],
    ]);
    expect(rows[1].figures['wage.agreements']).toBe(1);
    expect(rows[1].figures['total.enterprisesCovered']).toBe(6);
    expect(rows[3].figures['wage.agreements']).toBe(2);
    expect(rows[3].figures['total.agreements']).toBe(4);
    expect(rows[0].figures['safety.agreements']).toBe(0);
  });

  it('puts each subordinate unit first and the total block last', () => {
    const report = {
      from: '',
      to: '',
      orgUnit: null,
      ...table(10),
      units: [{ group: '7', groupName: '金山镇', ...table(1) }],
    } as StatisticsReport;
    const rows = statisticsScreenRows(report, '金山县', '合计（金山县）');
    expect(rows.map((found) => found.unit)).toEqual([
      ...Array(4).fill('金山镇'),
      ...Array(4).fill('合计（金山县）'),
    ]);
    expect(rows[5].figures['wage.agreements']).toBe(10);
    expect(rows[1].figures['wage.agreements']).toBe(1);
  });
});
