import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module';
import { EnterprisesModule } from '../enterprises/enterprises.module';
import { NegotiationsModule } from '../negotiations/negotiations.module';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { UsersModule } from '../users/users.module';
import { DemoLoader } from './demo-loader';

@Module({
  imports: [DatabaseModule, UsersModule, EnterprisesModule, NegotiationsModule, OrgUnitsModule],
  providers: [DemoLoader],
  exports: [DemoLoader],
})
export class DemoModule {}
