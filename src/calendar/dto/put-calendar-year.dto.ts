import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString } from 'class-validator';

/** A year's arrangement as an admin enters it; the dates are judged by calendarDateProblems. */
export class PutCalendarYearDto {
  @ApiProperty({
    type: [String],
    example: ['2026-10-01', '2026-10-02'],
    description: 'rest days of the year (statutory holidays and the weekend days of a holiday block)',
  })
  @IsArray({ message: 'holidays（节假日）须为日期列表' })
  @ArrayMaxSize(366, { message: 'holidays（节假日）至多 366 个日期' })
  @IsString({ each: true, message: 'holidays（节假日）的每一项须为 YYYY-MM-DD 日期' })
  holidays!: string[];

  @ApiProperty({
    type: [String],
    example: ['2026-09-20', '2026-10-10'],
    description: '调休: weekend days that are working days',
  })
  @IsArray({ message: 'workdays（调休上班日）须为日期列表' })
  @ArrayMaxSize(106, { message: 'workdays（调休上班日）至多 106 个日期' })
  @IsString({ each: true, message: 'workdays（调休上班日）的每一项须为 YYYY-MM-DD 日期' })
  workdays!: string[];
}
