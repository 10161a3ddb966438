import { shallowRef } from 'vue';
import { fetchInstructors, type Instructor } from '../../api/users';
import { errorMessage } from '../../i18n/error-message';
import { can } from '../../session/session';

/**
 * The instructors, for naming or choosing one. Only admins and supervisors may list them, so for an
 * instructor the list is empty and the screens show no instructor control.
 */
export function useInstructors() {
  const instructors = shallowRef<Instructor[]>([]);

  if (can('admin', 'supervisor')) {
    fetchInstructors().then(
      (answer) => (instructors.value = answer),
      (error: unknown) => ElMessage.error(errorMessage(error)),
    );
  }

  const nameOf = (id: number | null): string =>
    id === null ? '' : (instructors.value.find((user) => user.id === id)?.displayName ?? `#${id}`);

  return { instructors, nameOf };
}
