import { useI18n } from 'vue-i18n';
import type { GroupBy } from '../../api/reports';

/** A report row's group in words: sectors, ownership types and industries by name, townships as they are. */
export function useGroupLabel() {
  const { t } = useI18n();
  return (groupBy: GroupBy, group: string): string => {
    if (group === 'total') return t('reports.total');
    if (groupBy === 'sector') return t(`enterprises.sector.${group}`);
    if (groupBy === 'ownershipType') return t(`enterprises.ownership.${group}`);
    if (groupBy === 'industry') return t(`enterprises.industry.${group}`);
    return group;
  };
}
