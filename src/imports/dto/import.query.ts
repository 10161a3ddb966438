import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class ImportQuery {
  @ApiProperty({ required: false, enum: ['true', 'false'], description: 'check and report, write nothing' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'dryRun must be true or false' })
  dryRun?: 'true' | 'false';

  @ApiProperty({ required: false, enum: ['true', 'false'], description: 'apply nothing if any row is bad' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'atomic must be true or false' })
  atomic?: 'true' | 'false';
}
