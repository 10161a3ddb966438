import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { businessTimeConfig } from '../common/clock/business-time.config';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

/** Global: every feature that writes records its changes here. */
@Global()
@Module({
  imports: [ConfigModule.forFeature(businessTimeConfig)],
  controllers: [AuditController],
  providers: [AuditService],
  exports: [AuditService],
})
export class AuditModule {}
