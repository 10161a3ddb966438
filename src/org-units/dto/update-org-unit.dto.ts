import { NameRules, NeverChanged } from './org-unit-field-rules';

/** A unit's name may be corrected; its code, level and parent never change (docs/domain.md). */
export class UpdateOrgUnitDto {
  @NameRules('optional') name?: string;

  @NeverChanged('code（区划代码）', '不能修改：单位的区划代码一经设定不再改变，可修改的只有 name（名称）')
  code?: unknown;

  @NeverChanged('level（层级）', '不能修改：层级随区划代码而定，可修改的只有 name（名称）')
  level?: unknown;

  @NeverChanged('parentId（上级单位）', '不能修改：单位的上级一经设定不再改变，可修改的只有 name（名称）')
  parentId?: unknown;
}
