import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { PageQuery } from '../../common/http/page';
import { ORG_UNIT_LEVELS, type OrgUnitLevel } from '../domain/org-unit-code';

export class ListOrgUnitsQuery extends PageQuery {
  @ApiProperty({ required: false, description: 'only the children of this unit' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'parentId（上级单位）须为单位的 id（正整数）' })
  @Min(1, { message: 'parentId（上级单位）须为单位的 id（正整数）' })
  parentId?: number;

  @ApiProperty({ required: false, enum: ORG_UNIT_LEVELS })
  @IsOptional()
  @IsIn(ORG_UNIT_LEVELS, { message: `level（层级）须为 ${ORG_UNIT_LEVELS.join('、')} 之一` })
  level?: OrgUnitLevel;
}
