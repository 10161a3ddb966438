import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { PageQuery } from '../../common/http/page';
import { AGREEMENT_KINDS, type AgreementKind, STAGES, type Stage } from '../workflow';

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

  // Accepted here so that the web list can ask for it; the order itself is the agenda-sort work
  // (decisions.md, issue 14 item 16), built beside this: on merge, that version of the field wins.
  @ApiProperty({
    required: false,
    enum: ['agenda'],
    description: 'agenda: open rounds first by their next deadline, then closed ones newest first',
  })
  @IsOptional()
  @IsIn(['agenda'], { message: 'sort must be agenda' })
  sort?: 'agenda';
}
