import { Module } from '@nestjs/common';
import { AppModule } from '../app.module';
import { NegotiationsModule } from '../negotiations/negotiations.module';
import { UsersModule } from '../users/users.module';
import { UsersCreateCommand } from './users-create.command';
import { WorkflowVerifyCommand } from './workflow-verify.command';

/** The app's modules plus the shell commands (`npm run cli -- <command>`). */
@Module({
  imports: [AppModule, UsersModule, NegotiationsModule],
  providers: [UsersCreateCommand, WorkflowVerifyCommand],
})
export class CliModule {}
