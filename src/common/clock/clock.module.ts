import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { businessTimeConfig } from './business-time.config';
import { Clock } from './clock';

@Global()
@Module({ imports: [ConfigModule.forFeature(businessTimeConfig)], providers: [Clock], exports: [Clock] })
export class ClockModule {}
