import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { CalendarModule } from '../calendar/calendar.module';
import { schedulerConfig } from '../common/scheduler/scheduler.config';
import { NegotiationWriter } from './negotiation-writer';
import { negotiationsConfig } from './negotiations.config';
import { NegotiationsController } from './negotiations.controller';
import { NegotiationsRepository } from './negotiations.repository';
import { NegotiationsService } from './negotiations.service';
import { TimersController } from './timers.controller';
import { TimersScheduler } from './timers.scheduler';
import { TimersService } from './timers.service';
import { WorkflowController } from './workflow.controller';
import { WorkflowVerifier } from './workflow-verifier';

@Module({
  imports: [
    ConfigModule.forFeature(negotiationsConfig),
    ConfigModule.forFeature(schedulerConfig),
    CalendarModule,
  ],
  controllers: [NegotiationsController, WorkflowController, TimersController],
  providers: [
    NegotiationsRepository,
    NegotiationWriter,
    NegotiationsService,
    TimersService,
    TimersScheduler,
    WorkflowVerifier,
  ],
  exports: [NegotiationsRepository, NegotiationWriter, NegotiationsService, TimersService, WorkflowVerifier],
})
export class NegotiationsModule {}
