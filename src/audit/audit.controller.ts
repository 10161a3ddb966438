import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { ApiErrors } from '../common/http/error-response';
import { AuditService } from './audit.service';
import { AuditEntryResponse, AuditPage } from './dto/audit-entry.response';
import { ListAuditQuery } from './dto/list-audit.query';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiErrors({
    403: 'AUTH.FORBIDDEN: an instructor asked for more than one enterprise of theirs',
    404: 'ENTERPRISE.NOT_FOUND: (instructor) no such enterprise, or not theirs',
  })
  @Roles('admin', 'supervisor', 'instructor')
  @ApiOperation({
    summary: 'The audit trail, newest first',
    description:
      'Admins and supervisors read all of it. An instructor reads the rows of one enterprise assigned to them ' +
      '(entityType=enterprise&entityId=…), without client addresses; another question is 403, another enterprise 404.',
  })
  @ApiOkResponse({ type: AuditPage })
  async list(@Query() query: ListAuditQuery, @CurrentActor() reader: Actor): Promise<AuditPage> {
    const { actorNames, ...page } = await this.audit.list(query, reader);
    // Client addresses say where colleagues work from: for those who run the system only.
    const withIp = reader.role !== 'instructor';
    return {
      ...page,
      items: page.items.map((entry) =>
        AuditEntryResponse.from(
          entry,
          entry.actorId === null ? null : (actorNames.get(entry.actorId) ?? null),
          withIp,
        ),
      ),
    };
  }
}
