import { ref, shallowRef, watch, type Ref } from 'vue';
import { fetchHistory, fetchNegotiation, type HistoryEvent, type Negotiation } from '../../api/negotiations';

/** A negotiation and its history, loaded for the page and reloaded after each change. */
export function useNegotiation(id: Ref<number>) {
  const negotiation = shallowRef<Negotiation | null>(null);
  const history = shallowRef<HistoryEvent[]>([]);
  const loading = ref(false);
  const failure = shallowRef<unknown>(null);

  async function load(): Promise<void> {
    loading.value = true;
    failure.value = null;
    try {
      [negotiation.value, history.value] = await Promise.all([
        fetchNegotiation(id.value),
        fetchHistory(id.value),
      ]);
    } catch (error) {
      failure.value = error;
    } finally {
      loading.value = false;
    }
  }

  /** After an event was recorded: the answer is the negotiation as it now is; the history follows. */
  async function recorded(updated: Negotiation): Promise<void> {
    negotiation.value = updated;
    history.value = await fetchHistory(updated.id).catch(() => history.value);
  }

  watch(id, load, { immediate: true });

  return { negotiation, history, loading, failure, reload: load, recorded };
}
