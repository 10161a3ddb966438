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

export const OWNERSHIP_LABELS_ZH: Record<OwnershipType, string> = {
  state_owned: '国有企业',
  state_controlled: '国有控股企业',
  collective: '集体企业',
  private: '私营企业',
  hk_macao_taiwan: '港澳台商投资企业',
  foreign: '外商投资企业',
  other: '其他',
};

export const SECTOR_LABELS_ZH: Record<Sector, string> = {
  state: '国有及国有控股企业',
  collective: '集体企业',
  non_public: '非公企业',
  other: '其他企业',
};

export function sectorOf(ownershipType: OwnershipType): Sector {
  return SECTOR_OF[ownershipType];
}

export function ownershipTypesOf(sector: Sector): OwnershipType[] {
  return OWNERSHIP_TYPES.filter((type) => SECTOR_OF[type] === sector);
}
