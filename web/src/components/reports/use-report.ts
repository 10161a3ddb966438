import { ref, shallowRef, watch } from 'vue';
import { fetchReport, type ReportAnswer, type ReportPath, type ReportRequest } from '../../api/reports';

/** A report fetched again whenever its request changes; a slower earlier answer never overwrites a later one. */
export function useReport<Path extends ReportPath>(request: () => ReportRequest<Path>) {
  const report = shallowRef<ReportAnswer<Path> | null>(null);
  const loading = ref(false);
  const failure = ref<unknown>(null);
  let latest = 0;

  watch(
    () => JSON.stringify(request()),
    async () => {
      const asked = ++latest;
      loading.value = true;
      try {
        const answer = await fetchReport(request());
        if (asked !== latest) return;
        report.value = answer;
        failure.value = null;
      } catch (error) {
        if (asked === latest) failure.value = error;
      } finally {
        if (asked === latest) loading.value = false;
      }
    },
    { immediate: true },
  );

  return { report, loading, failure };
}
