import { defineAsyncComponent } from 'vue';

/**
 * The report chart, with ECharts (the largest chunk by far), loaded the first time a chart is
 * drawn: the report screen itself, its API calls and its tables never wait for it.
 */
export const AsyncReportChart = defineAsyncComponent(() => import('./ReportChart.vue'));
