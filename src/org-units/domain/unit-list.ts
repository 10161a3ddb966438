/**
 * An imported list of units (区划代码, 名称, 上级区划代码, 层级) compared with the stored tree
 * (docs/domain.md, Federation hierarchy): which rows create a unit, which correct a name, which
 * change nothing and which are refused, and why. Rows may come in any order: parents are
 * placed before their children by level. Codes, levels and parents never change; a stored
 * unit listed with another parent or level is refused. Pure: no framework, no I/O.
 *
 * `refusedRows`: codes of rows refused before the plan (a bad cell), so that their children
 * say which row to fix rather than that the parent is unknown.
 */
import {
  LEVEL_LABELS_ZH,
  ORG_UNIT_LEVELS,
  placementProblems,
  significantPrefix,
  type OrgUnitLevel,
} from './org-unit-code';

/** One row of the list, its cells already read (codes as 12 digits). */
export interface ListedUnit {
  row: number;
  code: string;
  name: string;
  level: OrgUnitLevel;
  /** null: the unit is a root. */
  parentCode: string | null;
}

/** A unit already stored, as the comparison needs it. */
export interface StoredUnit {
  id: number;
  code: string;
  name: string;
  level: OrgUnitLevel;
  parentId: number | null;
}

/** The column a row error is about. */
export type ListColumn = 'code' | 'name' | 'parentCode' | 'level';

export interface ListRowError {
  row: number;
  column: ListColumn;
  value: string | null;
  message: string;
  messageZh: string;
}

export interface UnitListPlan {
  /** New units, parents before their children. */
  create: ListedUnit[];
  /** Stored units whose name the list corrects. */
  rename: { row: number; id: number; code: string; from: string; to: string }[];
  unchanged: number;
  errors: ListRowError[];
}

export interface ListScope {
  /** Whether the importer governs a stored unit (may add under it, or correct it). */
  governs: (unitId: number) => boolean;
  /** Whether the importer may add a new root (an admin without a unit). */
  mayAddRoot: boolean;
}

/** What a parent of a later row turned out to be. */
type Resolved =
  { ok: true; code: string; level: OrgUnitLevel; storedId: number | null } | { ok: false; row: number };

const DEPTH = Object.fromEntries(ORG_UNIT_LEVELS.map((level, index) => [level, index])) as Record<
  OrgUnitLevel,
  number
>;

/**
 * The plan for `rows` against `stored` (the stored units of every code the rows name, as
 * units or as parents). A row whose parent is refused is refused too, naming that row.
 */
export function planUnitList(
  rows: readonly ListedUnit[],
  stored: ReadonlyMap<string, StoredUnit>,
  scope: ListScope,
  refusedRows: ReadonlyMap<string, number> = new Map(),
): UnitListPlan {
  const plan: UnitListPlan = { create: [], rename: [], unchanged: 0, errors: [] };
  // Rows refused before the plan (a bad cell), by their code: their children are refused too.
  const resolved = new Map<string, Resolved>(
    [...refusedRows].map(([code, row]) => [code, { ok: false, row }] as const),
  );
  const storedById = new Map([...stored.values()].map((unit) => [unit.id, unit]));
  const refuse = (unit: ListedUnit, column: ListColumn, value: string | null, en: string, zh: string) => {
    plan.errors.push({ row: unit.row, column, value, message: en, messageZh: zh });
    resolved.set(unit.code, { ok: false, row: unit.row });
  };

  const firstRowOf = new Map<string, number>();
  const ordered = [...rows].sort((a, b) => DEPTH[a.level] - DEPTH[b.level] || a.row - b.row);
  for (const unit of ordered) {
    const first = firstRowOf.get(unit.code);
    if (first !== undefined && first !== unit.row) {
      plan.errors.push({
        row: unit.row,
        column: 'code',
        value: unit.code,
        message: `the same code is on row ${first}`,
        messageZh: `与第 ${first} 行的区划代码重复`,
      });
      continue;
    }
    firstRowOf.set(unit.code, unit.row);

    // The parent: none (a root), a row placed before this one, or a stored unit.
    let parent: Resolved | null = null;
    if (unit.parentCode !== null) {
      parent = resolved.get(unit.parentCode) ?? null;
      const storedParent = stored.get(unit.parentCode);
      if (parent === null && storedParent) {
        parent = { ok: true, code: storedParent.code, level: storedParent.level, storedId: storedParent.id };
      }
      if (parent === null) {
        refuse(
          unit,
          'parentCode',
          unit.parentCode,
          `no unit has the code ${unit.parentCode}: list it in the file or add it first`,
          `上级区划代码 ${unit.parentCode} 既不在系统中也不在本文件中：请先添加上级单位，或把它列入文件`,
        );
        continue;
      }
      if (!parent.ok) {
        refuse(
          unit,
          'parentCode',
          unit.parentCode,
          `the parent's row ${parent.row} is refused`,
          `上级单位（第 ${parent.row} 行）有误，本行无法导入`,
        );
        continue;
      }
    }

    const current = stored.get(unit.code);
    if (current) {
      if (!scope.governs(current.id)) {
        plan.errors.push({
          row: unit.row,
          column: 'code',
          value: unit.code,
          message: 'the unit is outside the unit you govern',
          messageZh: '该单位不在您所在单位的管辖范围内',
        });
        // It exists all the same: the rows under it are judged on their own.
        resolved.set(unit.code, { ok: true, code: current.code, level: current.level, storedId: current.id });
        continue;
      }
      const currentParent = current.parentId === null ? null : (storedById.get(current.parentId) ?? null);
      const listedParentId = parent?.ok ? parent.storedId : null;
      if (current.parentId !== listedParentId) {
        const was = currentParent?.code ?? (current.parentId === null ? '（无，顶级单位）' : '其他单位');
        refuse(
          unit,
          'parentCode',
          unit.parentCode,
          `the unit ${unit.code} is stored under ${currentParent?.code ?? 'no parent'}: a unit's parent never changes`,
          `区划代码 ${unit.code} 的单位已在系统中，上级为 ${was}；上级单位不能更改`,
        );
        continue;
      }
      if (current.level !== unit.level) {
        refuse(
          unit,
          'level',
          LEVEL_LABELS_ZH[unit.level],
          `the unit ${unit.code} is stored as a ${current.level}: a unit's level never changes`,
          `区划代码 ${unit.code} 的单位已在系统中，层级为${LEVEL_LABELS_ZH[current.level]}；层级不能更改`,
        );
        continue;
      }
      resolved.set(unit.code, { ok: true, code: unit.code, level: unit.level, storedId: current.id });
      if (current.name === unit.name) plan.unchanged += 1;
      else
        plan.rename.push({
          row: unit.row,
          id: current.id,
          code: unit.code,
          from: current.name,
          to: unit.name,
        });
      continue;
    }

    if (parent === null && !scope.mayAddRoot) {
      refuse(
        unit,
        'parentCode',
        null,
        'only an admin without a unit adds a root unit: name the parent',
        '只有不属于任何单位的管理员可以添加顶级单位：请填写上级区划代码',
      );
      continue;
    }
    if (parent?.ok && parent.storedId !== null && !scope.governs(parent.storedId)) {
      refuse(
        unit,
        'parentCode',
        unit.parentCode,
        'the parent is outside the unit you govern',
        '上级单位不在您所在单位的管辖范围内',
      );
      continue;
    }
    const problems = placementProblems(unit.code, unit.level, parent?.ok ? parent : null);
    if (problems.length > 0) {
      const problem = problems[0];
      const column: ListColumn = problem.field === 'level' ? 'level' : 'code';
      refuse(
        unit,
        column,
        column === 'level' ? LEVEL_LABELS_ZH[unit.level] : unit.code,
        placementInEnglish(unit, parent?.ok ? parent : null, column),
        problem.message,
      );
      continue;
    }
    resolved.set(unit.code, { ok: true, code: unit.code, level: unit.level, storedId: null });
    plan.create.push(unit);
  }
  plan.errors.sort((a, b) => a.row - b.row);
  return plan;
}

function placementInEnglish(
  unit: ListedUnit,
  parent: { code: string; level: OrgUnitLevel } | null,
  column: ListColumn,
): string {
  if (column === 'level') return `a unit under a ${parent?.level ?? 'root'} cannot be a ${unit.level}`;
  if (parent && !unit.code.startsWith(significantPrefix(parent.code, parent.level))) {
    return `the code must start with the parent's prefix ${significantPrefix(parent.code, parent.level)}`;
  }
  return `a ${unit.level}'s code has its significant digits first and zeros after them`;
}
