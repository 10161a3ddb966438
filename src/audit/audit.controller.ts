import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators';
import { AuditService } from './audit.service';
import { AuditEntryResponse, AuditPage } from './dto/audit-entry.response';
import { ListAuditQuery } from './dto/list-audit.query';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin', 'supervisor')
  @ApiOperation({ summary: 'The audit trail, newest first' })
  @ApiOkResponse({ type: AuditPage })
  async list(@Query() query: ListAuditQuery): Promise<AuditPage> {
    const page = await this.audit.list(query);
    return { ...page, items: page.items.map((entry) => AuditEntryResponse.from(entry)) };
  }
}
