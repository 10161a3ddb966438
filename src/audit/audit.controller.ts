import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../access/decorators';
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
    description: "An enterprise's own history, for its instructor too: GET /api/v1/enterprises/:id/history.",
  })
  @ApiOkResponse({ type: AuditPage })
  list(@Query() query: ListAuditQuery): Promise<AuditPage> {
    return this.audit.list(query, { withIp: true });
  }
}
