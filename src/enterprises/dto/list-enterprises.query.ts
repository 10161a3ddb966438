import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Min } from 'class-validator';
import { PageQuery } from '../../common/http/page';
import { CleanCode, CleanText } from '../../common/validation/decorators';
import { INDUSTRY_SECTIONS } from '../domain/industry';
import { OWNERSHIP_TYPES, type OwnershipType, SECTORS, type Sector } from '../domain/ownership';

export class ListEnterprisesQuery extends PageQuery {
  @ApiProperty({ required: false, enum: OWNERSHIP_TYPES })
  @IsOptional()
  @IsIn(OWNERSHIP_TYPES, { message: `ownershipType must be one of ${OWNERSHIP_TYPES.join(', ')}` })
  ownershipType?: OwnershipType;

  @ApiProperty({ required: false, enum: SECTORS })
  @IsOptional()
  @IsIn(SECTORS, { message: `sector must be one of ${SECTORS.join(', ')}` })
  sector?: Sector;

  @ApiProperty({ required: false, description: 'exact township name' })
  @IsOptional()
  @CleanText()
  @IsString()
  @Length(1, 100, { message: 'township must be 1 to 100 characters' })
  township?: string;

  @ApiProperty({
    required: false,
    description:
      'a unit the caller governs (else 404 ORG_UNIT.NOT_FOUND): only the enterprises of its subtree',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'orgUnitId must be a whole number' })
  @Min(1, { message: 'orgUnitId must be 1 or more' })
  orgUnitId?: number;

  @ApiProperty({ required: false, enum: INDUSTRY_SECTIONS })
  @IsOptional()
  @CleanCode({ upperCase: true })
  @IsIn(INDUSTRY_SECTIONS, { message: 'industry must be one GB/T 4754 section letter A to T' })
  industry?: string;

  @ApiProperty({ required: false })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'instructorId must be a whole number' })
  @Min(1, { message: 'instructorId must be 1 or more' })
  instructorId?: number;

  @ApiProperty({ required: false, description: 'part of the name or of the credit code' })
  @IsOptional()
  @CleanText()
  @IsString()
  @Length(1, 200, { message: 'q must be 1 to 200 characters' })
  q?: string;
}
