import { ApiProperty } from '@nestjs/swagger';

export class CalendarUpdatedByResponse {
  @ApiProperty() id!: number;
  @ApiProperty() username!: string;
}

export class CalendarYearResponse {
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({
    example: 'chinese-days@1.5.7',
    description: 'where the year comes from: the npm package and version that seeded it, or "admin"',
  })
  source!: string;
  @ApiProperty({ type: [String], example: ['2026-10-01'], description: 'rest days, sorted' })
  holidays!: string[];
  @ApiProperty({
    type: [String],
    example: ['2026-10-10'],
    description: '调休: weekend days that are working days, sorted',
  })
  workdays!: string[];
  @ApiProperty({
    type: CalendarUpdatedByResponse,
    nullable: true,
    description: 'the admin who replaced the year',
  })
  updatedBy!: CalendarUpdatedByResponse | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'when an admin replaced it',
  })
  updatedAt!: string | null;
  @ApiProperty({
    required: false,
    example: 3,
    description:
      'PUT only: how many open deadlines now fall on another day (or lost their calendarMissing flag), recounted with the new year',
  })
  recountedDeadlines?: number;
}

export class CalendarYearSummaryResponse {
  @ApiProperty() year!: number;
  @ApiProperty() source!: string;
}

export class CalendarNextYearResponse {
  @ApiProperty({ example: 2027 }) year!: number;
  @ApiProperty({ description: 'whether the calendar holds next year' }) loaded!: boolean;
  @ApiProperty({
    description: 'December and next year not loaded: admins are asked to load it (the workbench shows it)',
  })
  remindToLoad!: boolean;
}

export class CalendarYearsResponse {
  @ApiProperty({
    type: [CalendarYearSummaryResponse],
    description: 'the years the calendar holds, oldest first',
  })
  years!: CalendarYearSummaryResponse[];
  @ApiProperty({ description: 'the npm package and version the official years are seeded from' })
  officialSource!: string;
  @ApiProperty({ type: CalendarNextYearResponse }) nextYear!: CalendarNextYearResponse;
}
