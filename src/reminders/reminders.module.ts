import { Module } from '@nestjs/common';
import { ReportsModule } from '../reports/reports.module';
import { UsersModule } from '../users/users.module';
import { AgendaController } from './agenda.controller';
import { MailTemplates } from './mail-templates';
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
  imports: [ReportsModule, UsersModule],
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
