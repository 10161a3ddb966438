import { describe, expect, it } from 'vitest';
import type { SigningRateRow, TrendReport } from '../../api/reports';
import { formatPercent } from '../../format/format';
import { signingRateChartOption, trendChartOption } from './chart-options';

const words = {
  group: (group: string) => `<${group}>`,
  percent: (fraction: number | null, digits?: number) => formatPercent(fraction, 'zh-CN', digits),
  rate: '签订率',
  target: '目标',
  shortBy: (count: number) => `还差 ${count} 家`,
  month: (month: string) => `m${month}`,
  partialMonth: (month: string) => `${month}（截至今日）`,
  total: '全县',
};

const row = (group: string, rate: number | null, target?: Partial<SigningRateRow>): SigningRateRow => ({
  group,
  enterprises: 10,
  covered: 9,
  rate,
  employees: 100,
  employeesCovered: 90,
  employeeRate: rate,
  ...target,
});

// The sector rows of the demo county, as GET /reports/signing-rates gives them.
const rows = [
  row('state', 1, { target: 1, meetsTarget: true, shortBy: 0 }),
  row('collective', 0.8125),
  row('non_public', 0.8928571428571429, { target: 0.9, meetsTarget: false, shortBy: 2 }),
  row('other', null),
];

describe('signingRateChartOption', () => {
  const option = signingRateChartOption(rows, words);
  const [bars, targets] = option.series as [
    { data: Array<{ value: number | null; label: { formatter: string } }> },
    { data: Array<number | null> },
  ];

  it('draws one bar per row with the API’s rate, unrounded', () => {
    expect(option.xAxis).toMatchObject({ data: ['<state>', '<collective>', '<non_public>', '<other>'] });
    expect(bars.data.map((bar) => bar.value)).toEqual([1, 0.8125, 0.8928571428571429, null]);
  });

  it('labels each bar with its rate to one decimal, and what a short group still needs', () => {
    expect(bars.data.map((bar) => bar.label.formatter)).toEqual([
      '{rate|100.0%}',
      '{rate|81.3%}',
      '{rate|89.3%}\n{short|还差 2 家}',
      '{rate|—}',
    ]);
  });

  it('marks the target of the groups that have one', () => {
    expect(targets.data).toEqual([1, null, 0.9, null]);
    expect(option.legend).toMatchObject({ data: ['签订率', '目标'] });
  });

  it('has no target series when no group has a target (e.g. by township)', () => {
    const byTownship = signingRateChartOption([row('金山镇', 0.93), row('万安镇', 0.88)], words);
    expect(byTownship.series).toHaveLength(1);
    expect(byTownship.legend).toMatchObject({ data: ['签订率'] });
  });
});

describe('trendChartOption', () => {
  const point = (month: string, rate: number | null) => ({
    month,
    asOf: `${month}-28`,
    partial: false,
    rate,
    covered: 1,
    enterprises: 2,
  });
  const report: TrendReport = {
    from: '2026-01',
    to: '2026-02',
    orgUnit: null,
    agreementKind: 'wage',
    base: 'unionised',
    status: 'signed',
    groupBy: 'sector',
    months: ['2026-01', '2026-02'],
    series: [
      { group: 'state', points: [point('2026-01', 0.5), point('2026-02', 1)] },
      { group: 'other', points: [point('2026-01', null), point('2026-02', 0.25)] },
    ],
    total: [point('2026-01', 0.4), point('2026-02', 0.75)],
  };

  it('draws a line per group and one for the county, over the months', () => {
    const option = trendChartOption(report, words);
    expect(option.xAxis).toMatchObject({ data: ['m2026-01', 'm2026-02'] });
    expect(
      (option.series as Array<{ name: string; data: unknown[] }>).map(({ name, data }) => [name, data]),
    ).toEqual([
      ['<state>', [0.5, 1]],
      ['<other>', [null, 0.25]],
      ['全县', [0.4, 0.75]],
    ]);
  });

  it('labels the current month, measured on today, as such', () => {
    const current = { ...point('2026-02', 0.75), asOf: '2026-02-11', partial: true };
    const option = trendChartOption({ ...report, total: [report.total[0]!, current] }, words);
    expect(option.xAxis).toMatchObject({ data: ['m2026-01', 'm2026-02（截至今日）'] });
  });
});
