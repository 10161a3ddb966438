import { Controller, Get, Param, ParseIntPipe, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../access/actor';
import { CurrentActor } from '../access/decorators';
import { attachmentHeaders } from '../common/http/attachment';
import { ApiErrors } from '../common/http/error-response';
import { NegotiationNotFoundError } from '../negotiations/negotiations.errors';
import { DOCUMENT_KINDS } from './content/document-kinds';
import { DOCX_CONTENT_TYPE } from './document-templates';
import { DocumentsService } from './documents.service';
import { DocumentResponse } from './dto/document.response';

const negotiationId = new ParseIntPipe({
  exceptionFactory: () => new NegotiationNotFoundError('with that id'),
});

/** A negotiation's documents in Word (docs/documents.md); read by whoever may read the negotiation. */
@ApiTags('negotiations')
@ApiBearerAuth()
@Controller('api/v1/negotiations/:id/documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get()
  @ApiOperation({
    summary: 'The documents of a negotiation and whether each can be made now (with the reason when not)',
  })
  @ApiOkResponse({ type: [DocumentResponse] })
  list(@Param('id', negotiationId) id: number, @CurrentActor() actor: Actor): Promise<DocumentResponse[]> {
    return this.documents.list(id, actor);
  }

  @Get(':kind.docx')
  @ApiOperation({
    summary: 'A document of the negotiation as a Word file, filled from what was recorded',
    description:
      'Made from the template `<kind>.docx` of DOCUMENT_TEMPLATES_DIR, else the built-in one. Named ' +
      '`<title>_<enterprise>_<date of the step>.docx` (UTF-8 `filename*`).',
  })
  @ApiParam({ name: 'kind', enum: DOCUMENT_KINDS, description: 'which document' })
  @ApiOkResponse({
    description: 'the Word document',
    content: { [DOCX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiErrors({
    404: 'DOCUMENT.UNKNOWN_KIND: no document of that kind (the message lists the kinds)',
    409: 'DOCUMENT.NOT_AVAILABLE: the negotiation has not reached the step the document records; the message (and `reason`) says which step is missing, in Chinese',
    500: "DOCUMENT.TEMPLATE_INVALID: the deployment's template (DOCUMENT_TEMPLATES_DIR) cannot be filled; the message names the file and the tags",
  })
  async download(
    @Param('id', negotiationId) id: number,
    @Param('kind') kind: string,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ): Promise<void> {
    const { fileName, content } = await this.documents.render(id, kind, actor);
    res
      .status(200)
      .set(attachmentHeaders(DOCX_CONTENT_TYPE, fileName, 'document.docx'))
      .send(content);
  }
}
