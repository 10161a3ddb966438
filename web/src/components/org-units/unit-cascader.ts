import type { CascaderOption } from 'element-plus';
import { fetchChildUnits, fetchOrgUnit, type OrgUnitItem, type OrgUnitRef } from '../../api/org-units';
import { errorMessage } from '../../i18n/error-message';
import { ownUnit, ownUnitId } from '../../session/current-unit';

/** A unit as a cascader option: its id, its name, and no children below a township. */
export function unitOption(unit: OrgUnitRef): CascaderOption {
  return { value: unit.id, label: unit.name, code: unit.code, leaf: unit.level === 'township' };
}

/**
 * One level of the units the signed-in user governs, for a lazy cascader: the top (their own
 * unit, or every root for a user without one), or the children of the unit `value`. A failed
 * load says why and offers nothing.
 */
export async function governedUnitsLevel(level: number, value: unknown): Promise<CascaderOption[]> {
  try {
    const own = ownUnitId.value;
    const units: OrgUnitRef[] | OrgUnitItem[] =
      level > 0
        ? await fetchChildUnits(Number(value))
        : own === null
          ? await fetchChildUnits(null)
          : [ownUnit.value?.id === own ? ownUnit.value : await fetchOrgUnit(own)];
    return units.map(unitOption);
  } catch (error) {
    ElMessage.error(errorMessage(error));
    return [];
  }
}
