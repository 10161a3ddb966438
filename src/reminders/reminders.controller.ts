import { Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../access/actor';
import { CurrentActor, Roles } from '../access/decorators';
import { ListRemindersQuery } from './dto/list-reminders.query';
import { ReminderPage, ReminderResponse } from './dto/reminder.response';
import { ReminderNotFoundError } from './reminders.errors';
import { RemindersService } from './reminders.service';
import { ApiErrors } from '../common/http/error-response';

const reminderId = new ParseIntPipe({ exceptionFactory: () => new ReminderNotFoundError('with that id') });

@ApiTags('reminders')
@ApiBearerAuth()
@Controller('api/v1/reminders')
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  @Get()
  @Roles('admin', 'supervisor')
  @ApiOperation({
    summary: 'The reminder outbox, newest first',
    description: 'Of the recipients in the caller’s units (all, without a unit).',
  })
  @ApiOkResponse({ type: ReminderPage })
  list(@Query() query: ListRemindersQuery, @CurrentActor() actor: Actor): Promise<ReminderPage> {
    return this.reminders.list(query, actor);
  }

  @Post('run')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: "Build today's digests and summaries now → {queued}",
    description: 'Rows already built for today are not built again; the sender delivers them within 15 s.',
  })
  @ApiOkResponse({ schema: { type: 'object', properties: { queued: { type: 'integer' } } } })
  async run(): Promise<{ queued: number }> {
    const { queued } = await this.reminders.runNow();
    return { queued };
  }

  @Post(':id/retry')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Requeue a failed or parked reminder' })
  @ApiErrors({ 409: 'REMINDER.ALREADY_SENT: only failed or parked reminders are retried' })
  @ApiOkResponse({ type: ReminderResponse })
  retry(@Param('id', reminderId) id: number, @CurrentActor() actor: Actor): Promise<ReminderResponse> {
    return this.reminders.retry(id, actor);
  }
}
