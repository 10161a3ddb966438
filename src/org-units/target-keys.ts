import type { Sector } from '@wagetrack/shared';
import type { OrgUnit } from './org-unit.entity';

/** A sector's target as the API names it, as the rates core names it, and its column. */
export const TARGET_KEYS = [
  { key: 'state', sector: 'state', column: 'targetState' },
  { key: 'nonPublic', sector: 'non_public', column: 'targetNonPublic' },
  { key: 'collective', sector: 'collective', column: 'targetCollective' },
  { key: 'other', sector: 'other', column: 'targetOther' },
] as const satisfies readonly { key: string; sector: Sector; column: keyof OrgUnit }[];
