/**
 * The organisation units of the trade-union hierarchy and their statistical division codes
 * (统计用区划代码, docs/domain.md, Federation hierarchy). Pure: no framework, no I/O.
 *
 * A code has 12 digits: province 2, city 2, county 2, township 3, village 3. A unit's
 * significant prefix is the part that names it (province 2, city 4, county 6, township 9
 * digits); the rest is zeros. A child's code starts with its parent's significant prefix.
 */
export const ORG_UNIT_LEVELS = ['province', 'city', 'county', 'township'] as const;
export type OrgUnitLevel = (typeof ORG_UNIT_LEVELS)[number];

/** Significant digits of a code at each level. */
export const SIGNIFICANT_DIGITS: Readonly<Record<OrgUnitLevel, number>> = {
  province: 2,
  city: 4,
  county: 6,
  township: 9,
};

/** Chinese names of the levels, as the import's `层级` column and the screens write them. */
export const LEVEL_LABELS_ZH: Readonly<Record<OrgUnitLevel, string>> = {
  province: '省',
  city: '市',
  county: '县',
  township: '乡镇',
};

export const CODE_LENGTH = 12;

/**
 * The 12-digit code for what a user typed: 6 or 9 digits are padded with zeros, 12 kept;
 * null for anything else (letters, other lengths).
 */
export function normalizeCode(raw: string): string | null {
  const code = raw.trim();
  if (!/^\d+$/.test(code)) return null;
  if (code.length === 6 || code.length === 9) return code.padEnd(CODE_LENGTH, '0');
  return code.length === CODE_LENGTH ? code : null;
}

export function significantPrefix(code: string, level: OrgUnitLevel): string {
  return code.slice(0, SIGNIFICANT_DIGITS[level]);
}

/** The level one down (a unit's children), or null for a township. */
export function childLevel(level: OrgUnitLevel): OrgUnitLevel | null {
  const index = ORG_UNIT_LEVELS.indexOf(level);
  return ORG_UNIT_LEVELS[index + 1] ?? null;
}

/**
 * The level a code names when it is written in full: its significant part is followed only by
 * zeros (`510000000000` a province, `510100000000` a city, `510104000000` a county,
 * `510104001000` a township); null when it names none (e.g. a village's code).
 */
export function levelOfCode(code: string): OrgUnitLevel | null {
  if (!/^\d{12}$/.test(code)) return null;
  let start = 0;
  for (const level of ORG_UNIT_LEVELS) {
    const end = SIGNIFICANT_DIGITS[level];
    const own = code.slice(start, end);
    const rest = code.slice(end);
    if (/^0+$/.test(own)) return null;
    if (/^0+$/.test(rest)) return level;
    start = end;
  }
  return null;
}

/** What is wrong with a unit's code and level on their own, by field; empty when nothing. */
export function codeProblems(code: string, level: OrgUnitLevel): { field: string; message: string }[] {
  if (!/^\d{12}$/.test(code)) return [{ field: 'code', message: '区划代码须为 6、9 或 12 位数字' }];
  if (!/^0*$/.test(code.slice(SIGNIFICANT_DIGITS[level]))) {
    return [
      {
        field: 'code',
        message: `${LEVEL_LABELS_ZH[level]}级单位的区划代码只有前 ${SIGNIFICANT_DIGITS[level]} 位有效，其后须为 0`,
      },
    ];
  }
  return [];
}

export interface ParentUnit {
  code: string;
  level: OrgUnitLevel;
}

/**
 * What is wrong with placing a unit of `level` and `code` under `parent` (null: a root, which
 * may be of any level): the parent must be one level up and the code must start with the
 * parent's significant prefix. Empty when the placement holds.
 */
export function placementProblems(
  code: string,
  level: OrgUnitLevel,
  parent: ParentUnit | null,
): { field: string; message: string }[] {
  const problems = codeProblems(code, level);
  if (problems.length > 0 || parent === null) return problems;
  if (childLevel(parent.level) !== level) {
    const expected = childLevel(parent.level);
    return [
      {
        field: 'level',
        message: expected
          ? `上级单位是${LEVEL_LABELS_ZH[parent.level]}级，下级须为${LEVEL_LABELS_ZH[expected]}级`
          : '乡镇（街道）之下不能再设单位',
      },
    ];
  }
  const prefix = significantPrefix(parent.code, parent.level);
  if (!code.startsWith(prefix)) {
    return [{ field: 'code', message: `区划代码须以上级单位的代码前缀 ${prefix} 开头` }];
  }
  return [];
}

/** The materialized path of a unit: its ancestors' ids and its own, `/1/4/17/`. */
export function childPath(parentPath: string | null, id: number): string {
  return `${parentPath ?? '/'}${id}/`;
}

/** The ids on a path, root first. */
export function idsOnPath(path: string): number[] {
  return path
    .split('/')
    .filter((part) => part !== '')
    .map(Number);
}
