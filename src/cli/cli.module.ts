import { Module } from '@nestjs/common';
import { AppModule } from '../app.module';
import { DemoModule } from '../demo/demo.module';
import { ImportsModule } from '../imports/imports.module';
import { NegotiationsModule } from '../negotiations/negotiations.module';
import { RemindersModule } from '../reminders/reminders.module';
import { UsersModule } from '../users/users.module';
import { BackupCommand } from './backup.command';
import { DemoLoadCommand } from './demo-load.command';
import { ImportAgreementsCommand, ImportEnterprisesCommand, ImportOrgUnitsCommand } from './import.commands';
import { RemindersRunCommand } from './reminders-run.command';
import { ReportsRebuildCommand, ReportsVerifyCommand } from './reports.commands';
import { UsersCreateCommand } from './users-create.command';
import { WorkflowVerifyCommand } from './workflow-verify.command';

/** The app's modules plus the shell commands (`npm run cli -- <command>`). */
@Module({
  imports: [AppModule, UsersModule, NegotiationsModule, DemoModule, RemindersModule, ImportsModule],
  providers: [
    UsersCreateCommand,
    WorkflowVerifyCommand,
    DemoLoadCommand,
    RemindersRunCommand,
    ImportEnterprisesCommand,
    ImportAgreementsCommand,
    ImportOrgUnitsCommand,
    BackupCommand,
    ReportsVerifyCommand,
    ReportsRebuildCommand,
  ],
})
export class CliModule {}
