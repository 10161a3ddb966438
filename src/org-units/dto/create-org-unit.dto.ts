import type { OrgUnitLevel } from '../domain/org-unit-code';
import { CodeRules, LevelRules, NameRules, ParentIdRules } from './org-unit-field-rules';

export class CreateOrgUnitDto {
  @CodeRules() code!: string;
  @NameRules('required') name!: string;
  @LevelRules() level!: OrgUnitLevel;
  @ParentIdRules() parentId?: number | null;
}
