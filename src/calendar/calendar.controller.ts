import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../access/actor';
import { CurrentActor, Roles } from '../access/decorators';
import { ApiErrors } from '../common/http/error-response';
import { CalendarService } from './calendar.service';
import { CalendarYearRangeError } from './calendar.errors';
import { CalendarYearResponse, CalendarYearsResponse } from './dto/calendar-year.response';
import { PutCalendarYearDto } from './dto/put-calendar-year.dto';

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

function parseYear(raw: string): number {
  const year = Number(raw);
  if (!/^\d{4}$/.test(raw) || year < MIN_YEAR || year > MAX_YEAR) throw new CalendarYearRangeError(raw);
  return year;
}

/** The official working-day calendar (docs/contract.md, Campaigns and the calendar (wave 2)). */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('api/v1/calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  @ApiOperation({ summary: 'The years the calendar holds and where each comes from (everyone signed in)' })
  @ApiOkResponse({ type: CalendarYearsResponse })
  list(): Promise<CalendarYearsResponse> {
    return this.calendar.list();
  }

  @Get(':year')
  @ApiOperation({ summary: 'One year: its holidays and 调休 working weekend days (everyone signed in)' })
  @ApiErrors({
    404: 'CALENDAR.YEAR_NOT_FOUND: the year is not loaded (deadlines in it are counted in calendar days)',
    422: 'CALENDAR.BAD_YEAR: not a year between 2000 and 2100',
  })
  @ApiOkResponse({ type: CalendarYearResponse })
  get(@Param('year') year: string): Promise<CalendarYearResponse> {
    return this.calendar.get(parseYear(year));
  }

  @Put(':year')
  @Roles('admin')
  @ApiOperation({
    summary: 'Replace a year (admin): source becomes "admin"; the package never overwrites it afterwards',
  })
  @ApiErrors({
    422: 'CALENDAR.BAD_DATES: a date that is not one, outside the year, listed twice, both a holiday and a working day, or a weekday listed as a 调休 working day (errors[].field names it, e.g. workdays[0]); CALENDAR.BAD_YEAR',
  })
  @ApiOkResponse({ type: CalendarYearResponse })
  replace(
    @Param('year') year: string,
    @Body() dto: PutCalendarYearDto,
    @CurrentActor() actor: Actor,
  ): Promise<CalendarYearResponse> {
    return this.calendar.replace(parseYear(year), dto, actor);
  }
}
