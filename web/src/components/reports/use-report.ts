import { ref, shallowRef, watch } from 'vue';
import { fetchReport, type ReportRequest } from '../../api/reports';

/** A report fetched again whenever its request changes; a slower earlier answer never overwrites a later one. */
export function useReport<T>(request: () => ReportRequest) {
  const report = shallowRef<T | null>(null);
  const loading = ref(false);
  const failure = ref<unknown>(null);
  let latest = 0;

  watch(
    () => JSON.stringify(request()),
    async () => {
      const asked = ++latest;
      loading.value = true;
      try {
        const answer = await fetchReport<T>(request());
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
