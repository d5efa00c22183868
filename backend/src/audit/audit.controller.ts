import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuditEntryDto } from '@welcome-ruhr/contracts';
import { Roles } from '../auth/access.decorators';
import { AuditService } from './audit.service';
import { AuditEntryResponseDto, ListAuditQuery } from './dto/list-audit.query';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin', 'moderator')
  @ApiOperation({ summary: 'The audit log, newest first; page with before=<id of the last entry>' })
  @ApiResponse({ status: 200, type: [AuditEntryResponseDto] })
  list(@Query() query: ListAuditQuery): Promise<AuditEntryDto[]> {
    return this.audit.list(query);
  }
}
