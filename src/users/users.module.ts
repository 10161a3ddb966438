import { Module } from '@nestjs/common';
import { BootstrapAdmin } from './bootstrap-admin';
import { PasswordHasher } from './password-hasher';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  controllers: [UsersController],
  providers: [UsersRepository, UsersService, PasswordHasher, BootstrapAdmin],
  exports: [UsersRepository, UsersService, PasswordHasher],
})
export class UsersModule {}
