import { useI18n } from 'vue-i18n';
import type { GroupBy } from '../../api/reports';
import { useInstructors } from '../admin/use-instructors';

/** The group the API gives a report row without an instructor (src/reports/rates/groups.ts). */
const NO_INSTRUCTOR = 'none';

/**
 * A report row's group in words: sectors, ownership types and industries by name, instructors by
 * their display name (asked only for that grouping), townships as they are.
 */
export function useGroupLabel(groupBy: GroupBy) {
  const { t } = useI18n();
  const instructors = groupBy === 'instructor' ? useInstructors() : null;
  return (group: string): string => {
    if (group === 'total') return t('reports.total');
    if (groupBy === 'sector') return t(`enterprises.sector.${group}`);
    if (groupBy === 'ownershipType') return t(`enterprises.ownership.${group}`);
    if (groupBy === 'industry') return t(`enterprises.industry.${group}`);
    if (instructors)
      return group === NO_INSTRUCTOR ? t('reports.noInstructor') : instructors.nameOf(Number(group));
    return group;
  };
}
