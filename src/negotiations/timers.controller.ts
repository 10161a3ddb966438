import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../access/decorators';
import { TimersService } from './timers.service';

@ApiTags('negotiations')
@ApiBearerAuth()
@Controller('api/v1/timers')
export class TimersController {
  constructor(private readonly timers: TimersService) {}

  @Post('run')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Fire every due workflow timer now (the scheduler also does, every minute)' })
  @ApiOkResponse({ schema: { type: 'object', properties: { fired: { type: 'integer' } } } })
  run(): Promise<{ fired: number }> {
    return this.timers.runDue();
  }
}
