import { Injectable } from '@nestjs/common';
import type { Actor } from '../access/actor';
import { Clock } from '../common/clock/clock';
import { NegotiationsService } from '../negotiations/negotiations.service';
import { documentList, type DocumentEntry } from './content/availability';
import { composeDocument } from './content/document-data';
import { documentTitle, isDocumentKind } from './content/document-kinds';
import type { NegotiationDossier } from './content/negotiation-dossier';
import { DocumentTemplates } from './document-templates';
import { DocumentNotAvailableError, UnknownDocumentKindError } from './documents.errors';

/**
 * A negotiation's documents: reads the negotiation as the caller may see it (the negotiations'
 * access scope: one they may not read is not found), lets the pure core decide what is available
 * and what each says, and has the templates fill it in.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly negotiations: NegotiationsService,
    private readonly templates: DocumentTemplates,
    private readonly clock: Clock,
  ) {}

  async list(negotiationId: number, actor: Actor): Promise<DocumentEntry[]> {
    return documentList(await this.dossier(negotiationId, actor));
  }

  async render(
    negotiationId: number,
    kind: string,
    actor: Actor,
  ): Promise<{ fileName: string; content: Buffer }> {
    if (!isDocumentKind(kind)) throw new UnknownDocumentKindError(kind);
    const dossier = await this.dossier(negotiationId, actor);
    const composition = composeDocument(kind, dossier, this.clock.today());
    if (!composition.available) {
      throw new DocumentNotAvailableError(
        kind,
        documentTitle(kind, dossier.agreementKind),
        composition.reason,
      );
    }
    const { data, fileName } = composition.document;
    return { fileName, content: await this.templates.render(kind, data) };
  }

  private async dossier(negotiationId: number, actor: Actor): Promise<NegotiationDossier> {
    const { negotiation, context, ruleSet, enterprises, events } = await this.negotiations.record(
      negotiationId,
      actor,
    );
    return {
      id: negotiation.id,
      title: negotiation.title,
      agreementKind: negotiation.agreementKind,
      scope: negotiation.scope,
      historical: negotiation.historical,
      createdOn: negotiation.createdOn,
      context,
      ruleSet,
      enterprises: enterprises.map((enterprise) => ({
        id: enterprise.id,
        name: enterprise.name,
        creditCode: enterprise.creditCode,
        township: enterprise.township,
        community: enterprise.community,
        ownershipType: enterprise.ownershipType,
        industry: enterprise.industry,
        employeeCount: enterprise.employeeCount,
      })),
      events: events.map((event) => ({
        seq: event.seq,
        type: event.type,
        occurredOn: event.occurredOn,
        toStage: event.toStage,
        payload: event.payload,
      })),
    };
  }
}
