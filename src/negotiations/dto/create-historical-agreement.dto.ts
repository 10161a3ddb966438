import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { IsBusinessDate } from '../../common/validation/decorators';
import { CreateNegotiationDto } from './create-negotiation.dto';

/** An agreement signed before the product was used (POST /api/v1/agreements/historical). */
export class CreateHistoricalAgreementDto extends CreateNegotiationDto {
  @ApiProperty({ format: 'date', example: '2025-03-01' })
  @IsBusinessDate()
  signedOn!: string;

  @ApiProperty({ format: 'date', example: '2025-03-20' })
  @IsBusinessDate()
  effectiveOn!: string;

  @ApiProperty({ format: 'date', example: '2026-03-20', description: 'first day it no longer applies' })
  @IsBusinessDate()
  expiresOn!: string;

  @ApiProperty({ minimum: 1, maximum: 10_000_000, example: 320 })
  // Checked in this order, and the first broken rule is reported: missing is "not a whole number".
  @applyDecorators(
    IsInt({ message: 'coveredEmployees must be a whole number (the employees the agreement covers)' }),
    Min(1, { message: 'coveredEmployees must be 1 or more' }),
    Max(10_000_000, { message: 'coveredEmployees must be at most 10000000' }),
  )
  coveredEmployees!: number;

  @ApiProperty({ required: false, example: 12 })
  @IsOptional()
  @IsInt({ message: 'termMonths must be a whole number of months' })
  termMonths?: number;

  @ApiProperty({ required: false, example: 6.5, description: 'agreed average wage increase, %' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'wageIncreasePct must be a number' })
  wageIncreasePct?: number;

  @ApiProperty({ required: false, example: 1900, description: 'minimum wage in the enterprise, yuan/month' })
  @IsOptional()
  @IsInt({ message: 'minimumWage must be a whole number of yuan' })
  minimumWage?: number;
}
