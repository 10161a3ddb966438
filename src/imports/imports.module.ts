import { Module } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { MulterModule } from '@nestjs/platform-express';
import { appConfig } from '../config/app.config';
import { DatabaseModule } from '../database/database.module';
import { EnterprisesModule } from '../enterprises/enterprises.module';
import { NegotiationsModule } from '../negotiations/negotiations.module';
import { UsersModule } from '../users/users.module';
import { AgreementImportService } from './agreement-import.service';
import { EnterpriseImportService } from './enterprise-import.service';
import { ImportsController } from './imports.controller';

@Module({
  imports: [
    DatabaseModule,
    EnterprisesModule,
    NegotiationsModule,
    UsersModule,
    // Uploads stay in memory: at most IMPORT_MAX_MB (413 beyond), one file.
    MulterModule.registerAsync({
      inject: [appConfig.KEY],
      useFactory: (config: ConfigType<typeof appConfig>) => ({
        limits: { fileSize: config.importMaxBytes, files: 1 },
        // Browsers send a Chinese file name as UTF-8 bytes; multer would read them as Latin-1
        // and the messages would name a garbled file (名册.xlsx as åå.xlsx).
        defParamCharset: 'utf8',
      }),
    }),
  ],
  controllers: [ImportsController],
  providers: [EnterpriseImportService, AgreementImportService],
  exports: [EnterpriseImportService, AgreementImportService],
})
export class ImportsModule {}
