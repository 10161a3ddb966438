import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { EnterprisesModule } from '../enterprises/enterprises.module';
import { BootstrapAdmin } from './bootstrap-admin';
import { PasswordHasher } from './password-hasher';
import { usersConfig } from './users.config';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [ConfigModule.forFeature(usersConfig), EnterprisesModule],
  controllers: [UsersController],
  providers: [UsersRepository, UsersService, PasswordHasher, BootstrapAdmin],
  exports: [UsersRepository, UsersService, PasswordHasher],
})
export class UsersModule {}
