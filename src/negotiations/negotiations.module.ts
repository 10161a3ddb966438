import { Module } from '@nestjs/common';
import { NegotiationWriter } from './negotiation-writer';
import { NegotiationsController } from './negotiations.controller';
import { NegotiationsRepository } from './negotiations.repository';
import { NegotiationsService } from './negotiations.service';
import { TimersController } from './timers.controller';
import { TimersScheduler } from './timers.scheduler';
import { TimersService } from './timers.service';
import { WorkflowController } from './workflow.controller';

@Module({
  controllers: [NegotiationsController, WorkflowController, TimersController],
  providers: [NegotiationsRepository, NegotiationWriter, NegotiationsService, TimersService, TimersScheduler],
  exports: [NegotiationsRepository, NegotiationWriter, NegotiationsService, TimersService],
})
export class NegotiationsModule {}
