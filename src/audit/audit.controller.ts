import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../access/actor';
import { CurrentActor, Roles } from '../access/decorators';
import { AuditService } from './audit.service';
import { AuditPage } from './dto/audit-entry.response';
import { ListAuditQuery } from './dto/list-audit.query';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin', 'supervisor')
  @ApiOperation({
    summary: 'The audit trail, newest first',
    description:
      "An enterprise's own history, for its instructor too: GET /api/v1/enterprises/:id/history. A caller with a unit reads only the rows about the enterprises, negotiations, users (their sign-ins) and reminders of their units.",
  })
  @ApiOkResponse({ type: AuditPage })
  list(@Query() query: ListAuditQuery, @CurrentActor() actor: Actor): Promise<AuditPage> {
    return this.audit.list(query, { withIp: true, actor });
  }
}
