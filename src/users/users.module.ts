import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { EnterprisesModule } from '../enterprises/enterprises.module';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { BootstrapAdmin } from './bootstrap-admin';
import { PasswordHasher } from './password-hasher';
import { usersConfig } from './users.config';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [ConfigModule.forFeature(usersConfig), EnterprisesModule, OrgUnitsModule],
  controllers: [UsersController],
  providers: [UsersRepository, UsersService, PasswordHasher, BootstrapAdmin],
  exports: [UsersRepository, UsersService, PasswordHasher],
})
export class UsersModule {}
