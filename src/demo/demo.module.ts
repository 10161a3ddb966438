import { Module } from '@nestjs/common';
import { EnterprisesModule } from '../enterprises/enterprises.module';
import { NegotiationsModule } from '../negotiations/negotiations.module';
import { UsersModule } from '../users/users.module';
import { DemoLoader } from './demo-loader';

@Module({
  imports: [UsersModule, EnterprisesModule, NegotiationsModule],
  providers: [DemoLoader],
  exports: [DemoLoader],
})
export class DemoModule {}
