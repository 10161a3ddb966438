import { normalizeCode, type OrgUnitLevel } from '../../src/org-units/domain/org-unit-code';
import type { OrgUnit } from '../../src/org-units/org-unit.entity';
import { OrgUnitsRepository } from '../../src/org-units/org-units.repository';
import { OrgUnitsService } from '../../src/org-units/org-units.service';
import type { TestApp } from './test-app';

/** A unit to build: its code (6, 9 or 12 digits), name and children. */
export interface UnitSpec {
  code: string;
  name: string;
  children?: UnitSpec[];
}

const LEVEL_BY_DEPTH: Record<OrgUnitLevel, OrgUnitLevel | null> = {
  province: 'city',
  city: 'county',
  county: 'township',
  township: null,
};

/**
 * Stores a tree of units through the one write path (as the API would, without its checks), the
 * root under `parent` (none: a new root of `level`), and returns every unit by name. The
 * governed-unit cache is forgotten afterwards.
 */
export async function aUnitTree(
  sut: TestApp,
  spec: UnitSpec,
  level: OrgUnitLevel,
  parent: OrgUnit | null = null,
): Promise<Record<string, OrgUnit>> {
  const units = sut.app.get(OrgUnitsRepository);
  const byName: Record<string, OrgUnit> = {};
  const store = async (node: UnitSpec, nodeLevel: OrgUnitLevel, under: OrgUnit | null): Promise<void> => {
    const code = normalizeCode(node.code);
    if (code === null) throw new Error(`bad code in test tree: ${node.code}`);
    const unit = await sut.dataSource.transaction((manager) =>
      units.insert({ code, name: node.name, level: nodeLevel }, under, manager),
    );
    byName[node.name] = unit;
    const next = LEVEL_BY_DEPTH[nodeLevel];
    for (const child of node.children ?? []) {
      if (next === null) throw new Error(`a township has no children: ${node.name}`);
      await store(child, next, unit);
    }
  };
  await store(spec, level, parent);
  sut.app.get(OrgUnitsService).forget();
  return byName;
}

/**
 * A city of two counties with two townships each, beside the default root county 本县:
 * 江川市 990100 → 金山县 990101 (金山镇, 万安镇), 云岭县 990102 (云岭镇, 石门镇).
 */
export function aCityOfTwoCounties(sut: TestApp): Promise<Record<string, OrgUnit>> {
  return aUnitTree(
    sut,
    {
      code: '990100',
      name: '江川市',
      children: [
        {
          code: '990101',
          name: '金山县',
          children: [
            { code: '990101001', name: '金山镇' },
            { code: '990101002', name: '万安镇' },
          ],
        },
        {
          code: '990102',
          name: '云岭县',
          children: [
            { code: '990102001', name: '云岭镇' },
            { code: '990102002', name: '石门镇' },
          ],
        },
      ],
    },
    'city',
  );
}
