import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { CleanCode, CleanText, IsBusinessDate, IsPlainText } from '../../common/validation/decorators';
import {
  OWNERSHIP_TYPES,
  type OwnershipType,
  SECTORS,
  type Sector,
} from '../../enterprises/domain/ownership';
import { AGREEMENT_KINDS, type AgreementKind } from '../../negotiations/workflow';

/** Which enterprises a campaign writes to: every field narrows; none = every enterprise in scope. */
export class CampaignFilterDto {
  @ApiPropertyOptional({ description: "a unit's subtree (a unit the caller governs)" })
  @IsOptional()
  @IsInt({ message: '组织单位（filter.orgUnitId）须为单位编号（整数）' })
  @Min(1, { message: '组织单位（filter.orgUnitId）须为单位编号（整数）' })
  orgUnitId?: number;

  @ApiPropertyOptional({ enum: SECTORS })
  @IsOptional()
  @IsIn(SECTORS, { message: `经济类型（filter.sector）须为 ${SECTORS.join('、')} 之一` })
  sector?: Sector;

  @ApiPropertyOptional({ enum: OWNERSHIP_TYPES, isArray: true })
  @IsOptional()
  @IsArray({ message: '所有制类型（filter.ownershipTypes）须为数组' })
  @ArrayMaxSize(OWNERSHIP_TYPES.length, {
    message: `所有制类型（filter.ownershipTypes）最多 ${OWNERSHIP_TYPES.length} 项`,
  })
  @ArrayUnique({ message: '所有制类型（filter.ownershipTypes）不能重复' })
  @IsIn(OWNERSHIP_TYPES, {
    each: true,
    message: `所有制类型（filter.ownershipTypes）只能是 ${OWNERSHIP_TYPES.join('、')}`,
  })
  ownershipTypes?: OwnershipType[];

  @ApiPropertyOptional({ example: 'C', description: 'GB/T 4754 section letter A–T' })
  @IsOptional()
  @CleanCode({ upperCase: true })
  @IsString({ message: '行业门类（filter.industry）须为 A–T 中的一个字母' })
  @Matches(/^[A-T]$/, { message: '行业门类（filter.industry）须为 A–T 中的一个字母' })
  industry?: string;

  @ApiPropertyOptional({
    example: '金山镇',
    description: 'the township name, as the enterprise list filters it',
  })
  @IsOptional()
  @CleanText()
  @IsString({ message: '乡镇（街道）（filter.township）须为文字' })
  @Length(1, 100, { message: '乡镇（街道）（filter.township）须为 1 到 100 个字' })
  @IsPlainText()
  township?: string;
}

/** What a campaign targets: the agreement kind, the offer day and the filter (its preview's body). */
export class CampaignTargetDto {
  @ApiProperty({ enum: AGREEMENT_KINDS, example: 'wage' })
  @IsIn(AGREEMENT_KINDS, { message: `协议种类（agreementKind）须为 ${AGREEMENT_KINDS.join('、')} 之一` })
  agreementKind!: AgreementKind;

  @ApiProperty({
    format: 'date',
    example: '2027-03-01',
    description: 'the day the offers are sent and received: today or earlier, within the last year',
  })
  @IsBusinessDate({ message: '要约日期（offerOn）须为 YYYY-MM-DD 格式的日期' })
  offerOn!: string;

  @ApiProperty({ type: CampaignFilterDto })
  @IsObject({ message: '筛选条件（filter）须为对象，可以为空：{}' })
  @ValidateNested()
  @Type(() => CampaignFilterDto)
  filter!: CampaignFilterDto;
}

/** The preview takes the start's body; the name may still be empty. */
export class PreviewCampaignDto extends CampaignTargetDto {
  @ApiPropertyOptional({ example: '2027年春季集中要约行动' })
  @IsOptional()
  @IsString({ message: '活动名称（name）须为文字' })
  name?: string;
}

export class CreateCampaignDto extends CampaignTargetDto {
  @ApiProperty({ example: '2027年春季集中要约行动', description: '1 to 100 characters' })
  @CleanText()
  @IsString({ message: '活动名称（name）须为文字' })
  @Length(1, 100, { message: '活动名称（name）不能为空，最多 100 个字' })
  @IsPlainText()
  name!: string;
}
