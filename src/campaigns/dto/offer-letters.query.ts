import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';

export class OfferLettersQuery {
  @ApiProperty({
    required: false,
    minimum: 1,
    default: 1,
    description: 'which 1,000 letters: part 1 the first (the largest enterprises), part 2 the next…',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'part（第几部分）须为 1 或以上的整数' })
  @Min(1, { message: 'part（第几部分）须为 1 或以上的整数' })
  part: number = 1;
}
