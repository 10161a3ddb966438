/** Ownership types (所有制) and the sectors the county's targets speak of (docs/domain.md, Ownership). */
export const OWNERSHIP_TYPES = [
  'state_owned',
  'state_controlled',
  'collective',
  'private',
  'hk_macao_taiwan',
  'foreign',
  'other',
] as const;
export type OwnershipType = (typeof OWNERSHIP_TYPES)[number];

export const SECTORS = ['state', 'collective', 'non_public', 'other'] as const;
export type Sector = (typeof SECTORS)[number];

const SECTOR_OF: Record<OwnershipType, Sector> = {
  state_owned: 'state',
  state_controlled: 'state',
  collective: 'collective',
  private: 'non_public',
  hk_macao_taiwan: 'non_public',
  foreign: 'non_public',
  other: 'other',
};

export function sectorOf(ownershipType: OwnershipType): Sector {
  return SECTOR_OF[ownershipType];
}

export function ownershipTypesOf(sector: Sector): OwnershipType[] {
  return OWNERSHIP_TYPES.filter((type) => SECTOR_OF[type] === sector);
}

/** GB/T 4754-2017 国民经济行业分类: the 20 sections (门类) A–T. */
export const INDUSTRY_SECTIONS = 'ABCDEFGHIJKLMNOPQRST'.split('');
export type IndustrySection = string;
