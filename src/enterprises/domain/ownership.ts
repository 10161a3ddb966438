// Ownership types, sectors and their Chinese names are shared with the web (the shared package).
export {
  OWNERSHIP_LABELS_ZH,
  OWNERSHIP_TYPES,
  ownershipTypesOf,
  SECTOR_LABELS_ZH,
  SECTORS,
  sectorOf,
} from '@wagetrack/shared';
export type { OwnershipType, Sector } from '@wagetrack/shared';
