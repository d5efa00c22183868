import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuditEntryDto } from '@welcome-ruhr/contracts';
import { Roles } from '../auth/access.decorators';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { AuditService } from './audit.service';
import { AuditEntryResponseDto, ListAuditQuery } from './dto/list-audit.query';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin', 'moderator')
  @ApiOperation({
    summary: 'The audit log, newest first; page with before=<id of the last entry>. Moderators read what concerns their cities and the region-wide rules',
  })
  @ApiResponse({ status: 200, type: [AuditEntryResponseDto] })
  list(@CurrentUser() viewer: AuthUser, @Query() query: ListAuditQuery): Promise<AuditEntryDto[]> {
    return this.audit.list(query, viewer);
  }
}
