import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { schedulerConfig } from '../../common/scheduler/scheduler.config';
import { ReportAggregates } from '../../database/report-aggregates.port';
import { CoverageFolder } from './coverage-folder';
import { CoverageLedger } from './coverage-ledger';
import { CoverageReader } from './coverage-reader';
import { CoverageVerifier } from './coverage-verifier';

/**
 * The report aggregates (docs/architecture.md, "Report aggregates"): their one write path
 * (CoverageLedger, called by the writers of enterprises, units and agreements in their
 * transactions through the ReportAggregates port of src/database/), their reader
 * (ReportsRepository), the fold and the verifier. Global, and imported by the composition root:
 * the writers live in modules the reports import, so they cannot import the reports' module back.
 */
@Global()
@Module({
  imports: [ConfigModule.forFeature(schedulerConfig)],
  providers: [
    CoverageLedger,
    { provide: ReportAggregates, useExisting: CoverageLedger },
    CoverageReader,
    CoverageFolder,
    CoverageVerifier,
  ],
  exports: [ReportAggregates, CoverageLedger, CoverageReader, CoverageVerifier],
})
export class CoverageModule {}
