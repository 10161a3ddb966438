import { ruleZh } from '../negotiations/labels-zh';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../access/actor';
import { CurrentActor, Roles } from '../access/decorators';
import { Clock } from '../common/clock/clock';
import { AgendaResponse } from './dto/agenda.response';
import { ReminderGatherer } from './reminder-gatherer';

@ApiTags('reminders')
@ApiBearerAuth()
@Controller('api/v1/me/agenda')
export class AgendaController {
  constructor(
    private readonly gatherer: ReminderGatherer,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Roles('instructor')
  @ApiOperation({
    summary:
      "The signed-in instructor's items of today's digest e-mail: deadlines overdue or due soon, renewals, expiries, stalled rounds, uncovered enterprises",
    description: 'Listed whether or not the instructor receives the e-mail (opted out, no address).',
  })
  @ApiOkResponse({ type: AgendaResponse })
  async agenda(@CurrentActor() actor: Actor): Promise<AgendaResponse> {
    const today = this.clock.today();
    const items = await this.gatherer.agenda(actor, today);
    return { today, items: items.map((item) => ({ ...item, ruleZh: ruleZh(item.rule) })) };
  }
}
