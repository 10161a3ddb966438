import { Module } from '@nestjs/common';
import { AppModule } from '../app.module';
import { UsersModule } from '../users/users.module';
import { UsersCreateCommand } from './users-create.command';

/** The app's modules plus the shell commands (`npm run cli -- <command>`). */
@Module({
  imports: [AppModule, UsersModule],
  providers: [UsersCreateCommand],
})
export class CliModule {}
