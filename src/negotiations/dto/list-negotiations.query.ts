import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { PageQuery } from '../../common/http/page';
import { AGREEMENT_KINDS, type AgreementKind, STAGES, type Stage } from '../workflow';

/** The orders of the negotiation list: `id` (the default) or `agenda`, the work view's (docs/contract.md, Negotiations). */
export const NEGOTIATION_SORTS = ['id', 'agenda'] as const;
export type NegotiationSort = (typeof NEGOTIATION_SORTS)[number];

export class ListNegotiationsQuery extends PageQuery {
  @ApiProperty({ required: false, enum: STAGES })
  @IsOptional()
  @IsIn(STAGES, { message: `stage must be one of ${STAGES.join(', ')}` })
  stage?: Stage;

  @ApiProperty({ required: false, enum: AGREEMENT_KINDS })
  @IsOptional()
  @IsIn(AGREEMENT_KINDS, { message: `agreementKind must be one of ${AGREEMENT_KINDS.join(', ')}` })
  agreementKind?: AgreementKind;

  @ApiProperty({ required: false, description: 'negotiations covering this enterprise' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'enterpriseId must be a whole number' })
  @Min(1, { message: 'enterpriseId must be 1 or more' })
  enterpriseId?: number;

  @ApiProperty({ required: false, description: 'negotiations covering an enterprise of this instructor' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'instructorId must be a whole number' })
  @Min(1, { message: 'instructorId must be 1 or more' })
  instructorId?: number;

  @ApiProperty({
    required: false,
    enum: ['true', 'false'],
    description: 'true: only those with a time limit past (not the stalled or renewal-window dates)',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'overdue must be true or false' })
  overdue?: 'true' | 'false';

  @ApiProperty({
    required: false,
    enum: ['true', 'false'],
    description: 'true: only those still being negotiated (before in_force, not terminated or abandoned)',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'open must be true or false' })
  open?: 'true' | 'false';

  @ApiProperty({
    required: false,
    enum: NEGOTIATION_SORTS,
    default: 'id',
    description:
      'id: by id. agenda: rounds still being negotiated first, soonest next deadline first (those ' +
      'without one after them), then in force, expired, terminated and abandoned ones, latest ' +
      'event first; ties by id',
  })
  @IsOptional()
  @IsIn(NEGOTIATION_SORTS, { message: `sort must be one of ${NEGOTIATION_SORTS.join(', ')}` })
  sort?: NegotiationSort;
}
