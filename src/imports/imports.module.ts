import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { MulterModule } from '@nestjs/platform-express';
import { DatabaseModule } from '../database/database.module';
import { EnterprisesModule } from '../enterprises/enterprises.module';
import { NegotiationsModule } from '../negotiations/negotiations.module';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { UsersModule } from '../users/users.module';
import { AgreementImportService } from './agreement-import.service';
import { EnterpriseImportService } from './enterprise-import.service';
import { type ImportsConfig, importsConfig } from './imports.config';
import { ImportsController } from './imports.controller';
import { OrgUnitImportController } from './org-unit-import.controller';
import { OrgUnitImportService } from './org-unit-import.service';

/** One registration of the slice, for multer's limit and the interceptor's message. */
const IMPORTS_CONFIG = ConfigModule.forFeature(importsConfig);

@Module({
  imports: [
    IMPORTS_CONFIG,
    DatabaseModule,
    EnterprisesModule,
    NegotiationsModule,
    OrgUnitsModule,
    UsersModule,
    // Uploads stay in memory: at most IMPORT_MAX_MB (413 beyond), one file.
    MulterModule.registerAsync({
      imports: [IMPORTS_CONFIG],
      inject: [importsConfig.KEY],
      useFactory: (config: ImportsConfig) => ({
        limits: { fileSize: config.maxUploadBytes, files: 1 },
        // Browsers send a Chinese file name as UTF-8 bytes; multer would read them as Latin-1
        // and the messages would name a garbled file (名册.xlsx as åå.xlsx).
        defParamCharset: 'utf8',
      }),
    }),
  ],
  controllers: [ImportsController, OrgUnitImportController],
  providers: [EnterpriseImportService, AgreementImportService, OrgUnitImportService],
  exports: [EnterpriseImportService, AgreementImportService, OrgUnitImportService],
})
export class ImportsModule {}
