import { Module } from '@nestjs/common';
import { EnterprisesModule } from '../enterprises/enterprises.module';
import { BootstrapAdmin } from './bootstrap-admin';
import { PasswordHasher } from './password-hasher';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [EnterprisesModule],
  controllers: [UsersController],
  providers: [UsersRepository, UsersService, PasswordHasher, BootstrapAdmin],
  exports: [UsersRepository, UsersService, PasswordHasher],
})
export class UsersModule {}
