import { defineAsyncComponent } from 'vue';

const loadReportChart = () => import('./ReportChart.vue');

/**
 * The report chart, with ECharts (the largest chunk by far), in its own chunk: the report screen,
 * its API calls and its tables never wait for it.
 */
export const AsyncReportChart = defineAsyncComponent(loadReportChart);

/**
 * Starts downloading the chart's chunk while the report is still being asked for, so that it is
 * there when the answer is: called by the report screen as it opens.
 */
export function preloadReportChart(): void {
  void loadReportChart();
}
