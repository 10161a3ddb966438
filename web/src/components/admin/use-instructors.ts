import { computed, ref } from 'vue';
import type { User } from '../../api/types';
import { fetchAllUsers } from '../../api/users';
import { errorMessage } from '../../i18n/error-message';
import { can } from '../../session/session';

/**
 * The instructors, for choosing one. Only an admin may list users, so for anyone else the list is
 * empty and the screens show no instructor control.
 */
export function useInstructors() {
  const users = ref<User[]>([]);
  const instructors = computed(() => users.value.filter((user) => user.role === 'instructor'));

  if (can('admin')) {
    fetchAllUsers().then(
      (answer) => (users.value = answer),
      (error: unknown) => ElMessage.error(errorMessage(error)),
    );
  }

  const nameOf = (id: number | null): string =>
    id === null ? '' : (users.value.find((user) => user.id === id)?.displayName ?? `#${id}`);

  return { instructors, nameOf };
}
