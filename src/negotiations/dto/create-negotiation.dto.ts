import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Min,
} from 'class-validator';
import { Trim } from '../../common/validation/decorators';
import { AGREEMENT_KINDS, type AgreementKind, SCOPES, type Scope } from '../workflow';

/** A regional or industry agreement may bind many small firms; 5,000 is far above any county's. */
export const MAX_COVERED_ENTERPRISES = 5000;

export class CreateNegotiationDto {
  @ApiProperty({ enum: AGREEMENT_KINDS, example: 'wage' })
  @IsIn(AGREEMENT_KINDS, { message: `agreementKind must be one of ${AGREEMENT_KINDS.join(', ')}` })
  agreementKind!: AgreementKind;

  @ApiProperty({ enum: SCOPES, example: 'enterprise', description: 'enterprise: exactly one id' })
  @IsIn(SCOPES, { message: `scope must be one of ${SCOPES.join(', ')}` })
  scope!: Scope;

  @ApiProperty({ type: [Number], example: [12] })
  @IsArray({ message: 'enterpriseIds must be an array of enterprise ids' })
  @ArrayMinSize(1, { message: 'enterpriseIds must name at least one enterprise' })
  @ArrayMaxSize(MAX_COVERED_ENTERPRISES, {
    message: `enterpriseIds may name at most ${MAX_COVERED_ENTERPRISES}`,
  })
  @ArrayUnique({ message: 'enterpriseIds must not repeat an id' })
  @IsInt({ each: true, message: 'enterpriseIds must contain whole numbers' })
  @Min(1, { each: true, message: 'enterpriseIds must contain ids of 1 or more' })
  enterpriseIds!: number[];

  @ApiProperty({ required: false, example: '2027年度工资集体协商' })
  @IsOptional()
  @Trim()
  @IsString({ message: 'title must be a string' })
  @Length(1, 200, { message: 'title must be 1 to 200 characters' })
  title?: string;

  @ApiProperty({ required: false, description: 'id of the negotiation whose agreement this round renews' })
  @IsOptional()
  @IsInt({ message: 'renews must be a negotiation id' })
  @Min(1, { message: 'renews must be a negotiation id' })
  renews?: number;
}
