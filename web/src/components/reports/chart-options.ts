import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { SigningRateRow, TrendReport } from '../../api/reports';

/** The chart options the report screen draws, built from the API's rows by pure functions. */
export type ReportChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** How the chart words things in the interface language. */
export interface ChartWords {
  group: (group: string) => string;
  percent: (fraction: number | null, digits?: number) => string;
}

export interface SigningRateWords extends ChartWords {
  rate: string;
  target: string;
  shortBy: (count: number) => string;
}

// Element Plus's success, warning and primary colours: on target, short of it, no target.
const COLOUR = { meets: '#67c23a', short: '#e6a23c', none: '#409eff', target: '#f56c6c' };

/** Numbers people came to read: drawn at once, and a change of parameters eased in briefly. */
const MOTION = { animation: true, animationDuration: 0, animationDurationUpdate: 300 } as const;

const percentAxis = (words: ChartWords) => ({
  type: 'value' as const,
  min: 0,
  max: 1,
  axisLabel: { formatter: (value: number) => words.percent(value, 0) },
});

function barColour(row: SigningRateRow): string {
  if (row.meetsTarget === undefined) return COLOUR.none;
  return row.meetsTarget ? COLOUR.meets : COLOUR.short;
}

/** The rate on each bar; where a group is short of its target, how many enterprises it still needs. */
function barLabel(row: SigningRateRow, words: SigningRateWords): string {
  const rate = `{rate|${words.percent(row.rate)}}`;
  return row.shortBy ? `${rate}\n{short|${words.shortBy(row.shortBy)}}` : rate;
}

/**
 * Signing rate per group as bars, each bar's target (where the group has one) as a marker across
 * it, and `shortBy` written above the bars that miss their target. Values are the API's fractions.
 */
export function signingRateChartOption(rows: SigningRateRow[], words: SigningRateWords): ReportChartOption {
  const hasTargets = rows.some((row) => row.target !== undefined);
  const series: Array<BarSeriesOption | LineSeriesOption> = [
    {
      type: 'bar',
      name: words.rate,
      barMaxWidth: 64,
      itemStyle: { color: COLOUR.none },
      data: rows.map((row) => ({
        value: row.rate,
        itemStyle: { color: barColour(row) },
        label: { formatter: barLabel(row, words) },
      })),
      label: {
        show: true,
        position: 'top',
        lineHeight: 16,
        rich: { rate: { fontWeight: 'bold' }, short: { color: COLOUR.target } },
      },
    },
  ];
  if (hasTargets) {
    series.push({
      type: 'line',
      name: words.target,
      data: rows.map((row) => row.target ?? null),
      // A short bar across each targeted group's column; no line joins them.
      symbol: 'rect',
      symbolSize: [72, 3],
      lineStyle: { opacity: 0 },
      itemStyle: { color: COLOUR.target },
      z: 3,
    });
  }
  return {
    ...MOTION,
    grid: { left: 16, right: 16, top: 48, bottom: 8, containLabel: true },
    legend: { top: 0, data: hasTargets ? [words.rate, words.target] : [words.rate] },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value) => words.percent(typeof value === 'number' ? value : null),
    },
    xAxis: { type: 'category', data: rows.map((row) => words.group(row.group)), axisLabel: { interval: 0 } },
    yAxis: percentAxis(words),
    series,
  };
}

export interface TrendWords extends ChartWords {
  month: (month: string) => string;
  /** The label of the current month, measured on today: `2026年12月（截至今日）`. */
  partialMonth: (month: string) => string;
  total: string;
}

/** The monthly signing rate of each group and of the county (bold), one line each. */
export function trendChartOption(report: TrendReport, words: TrendWords): ReportChartOption {
  const groups: LineSeriesOption[] = report.series.map(({ group, points }) => ({
    type: 'line',
    name: words.group(group),
    data: points.map((point) => point.rate),
  }));
  const total: LineSeriesOption = {
    type: 'line',
    name: words.total,
    data: report.total.map((point) => point.rate),
    lineStyle: { width: 4 },
    z: 3,
  };
  return {
    ...MOTION,
    grid: { left: 16, right: 16, top: 48, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value) => words.percent(typeof value === 'number' ? value : null),
    },
    xAxis: {
      type: 'category',
      // The last month is the one most often read (and the current one, marked as such).
      axisLabel: { showMaxLabel: true },
      data: report.total.map((point) =>
        point.partial ? words.partialMonth(words.month(point.month)) : words.month(point.month),
      ),
    },
    yAxis: percentAxis(words),
    series: [...groups, total],
  };
}
