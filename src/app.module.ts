import { Module } from '@nestjs/common';
import { ConfigModule, ConfigType } from '@nestjs/config';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LoggerModule } from 'nestjs-pino';
import { ScheduleModule } from '@nestjs/schedule';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { CampaignsModule } from './campaigns/campaigns.module';
import { ClockModule } from './common/clock/clock.module';
import { accessLogSerializers } from './common/http/access-log';
import { HttpErrorFilter } from './common/http/http-error.filter';
import { createValidationPipe } from './common/validation/validation.pipe';
import { withCausalReads } from './database/causal-reads';
import { DatabaseModule } from './database/database.module';
import { buildDataSourceOptions } from './app.data-source';
import { serverConfig } from './server.config';
import { DocumentsModule } from './documents/documents.module';
import { EnterprisesModule } from './enterprises/enterprises.module';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics/metrics.module';
import { NegotiationsModule } from './negotiations/negotiations.module';
import { OrgUnitsModule } from './org-units/org-units.module';
import { CoverageModule } from './reports/aggregates/coverage.module';
import { ImportsModule } from './imports/imports.module';
import { RemindersModule } from './reminders/reminders.module';
import { ReportsModule } from './reports/reports.module';
import { UsersModule } from './users/users.module';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [serverConfig] }),
    LoggerModule.forRootAsync({
      inject: [serverConfig.KEY],
      useFactory: (config: ConfigType<typeof serverConfig>) => ({
        pinoHttp: {
          level: config.logLevel,
          serializers: accessLogSerializers,
          // Health probes every few seconds would drown the log.
          autoLogging: { ignore: (req) => req.url?.startsWith('/health') ?? false },
        },
      }),
    }),
    TypeOrmModule.forRootAsync({
      inject: [serverConfig.KEY],
      useFactory: (config: ConfigType<typeof serverConfig>) => ({
        ...buildDataSourceOptions(config.database, { migrationsRun: config.migrateOnStart }),
        // A server that is still starting gets a few seconds; a bad SQLite file fails at once.
        retryAttempts: config.database.kind === 'sqlite' ? 0 : 3,
        retryDelay: 1000,
      }),
      // Every connection reads causally on a Galera cluster (database/causal-reads.ts).
      dataSourceFactory: (options) => withCausalReads(new DataSource(options!)).initialize(),
    }),
    ScheduleModule.forRoot(),
    ClockModule,
    DatabaseModule,
    CoverageModule,
    AuditModule,
    OrgUnitsModule,
    HealthModule,
    MetricsModule,
    UsersModule,
    AuthModule,
    EnterprisesModule,
    CalendarModule,
    NegotiationsModule,
    DocumentsModule,
    ReportsModule,
    RemindersModule,
    ImportsModule,
    CampaignsModule,
  ],
  providers: [
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: HttpErrorFilter },
  ],
})
export class AppModule {}
