import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { CalendarModule } from '../calendar/calendar.module';
import { businessTimeConfig } from '../common/clock/business-time.config';
import { schedulerConfig } from '../common/scheduler/scheduler.config';
import { negotiationsConfig } from '../negotiations/negotiations.config';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { ReportsModule } from '../reports/reports.module';
import { UsersModule } from '../users/users.module';
import { AgendaController } from './agenda.controller';
import { MailTemplates } from './mail-templates';
import { mailConfig } from './mail.config';
import { MailTransport } from './mail-transport';
import { ReminderBuilder } from './reminder-builder';
import { ReminderFactsRepository } from './reminder-facts.repository';
import { ReminderGatherer } from './reminder-gatherer';
import { ReminderSender } from './reminder-sender';
import { RemindersController } from './reminders.controller';
import { RemindersRepository } from './reminders.repository';
import { RemindersScheduler } from './reminders.scheduler';
import { RemindersService } from './reminders.service';

@Module({
  imports: [
    ConfigModule.forFeature(mailConfig),
    ConfigModule.forFeature(businessTimeConfig),
    ConfigModule.forFeature(schedulerConfig),
    ConfigModule.forFeature(negotiationsConfig),
    CalendarModule,
    OrgUnitsModule,
    ReportsModule,
    UsersModule,
  ],
  controllers: [RemindersController, AgendaController],
  providers: [
    MailTemplates,
    MailTransport,
    ReminderFactsRepository,
    RemindersRepository,
    ReminderGatherer,
    ReminderBuilder,
    ReminderSender,
    RemindersService,
    RemindersScheduler,
  ],
  exports: [RemindersService, ReminderSender],
})
export class RemindersModule {}
