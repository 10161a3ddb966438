import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { schedulerConfig } from '../common/scheduler/scheduler.config';
import { DocumentsModule } from '../documents/documents.module';
import { NegotiationsModule } from '../negotiations/negotiations.module';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { CampaignRunner } from './campaign-runner';
import { campaignsConfig } from './campaigns.config';
import { CampaignsController } from './campaigns.controller';
import { CampaignsRepository } from './campaigns.repository';
import { CampaignsScheduler } from './campaigns.scheduler';
import { CampaignsService } from './campaigns.service';

@Module({
  imports: [
    ConfigModule.forFeature(campaignsConfig),
    ConfigModule.forFeature(schedulerConfig),
    DocumentsModule,
    NegotiationsModule,
    OrgUnitsModule,
  ],
  controllers: [CampaignsController],
  providers: [CampaignsRepository, CampaignRunner, CampaignsService, CampaignsScheduler],
  exports: [CampaignRunner, CampaignsService],
})
export class CampaignsModule {}
