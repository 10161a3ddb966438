import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { NegotiationsModule } from '../negotiations/negotiations.module';
import { DocumentTemplates } from './document-templates';
import { documentsConfig } from './documents.config';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';

/** Word documents: a negotiation's, and the template engine other features render with (DocumentTemplates). */
@Module({
  imports: [ConfigModule.forFeature(documentsConfig), NegotiationsModule],
  controllers: [DocumentsController],
  providers: [DocumentTemplates, DocumentsService],
  exports: [DocumentTemplates, DocumentsService],
})
export class DocumentsModule {}
