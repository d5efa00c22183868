import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OverviewDto } from '@welcome-ruhr/contracts';
import { Roles } from '../auth/access.decorators';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { OverviewResponseDto } from './overview-response.dto';
import { OverviewService } from './overview.service';

@ApiTags('overview')
@Controller('overview')
export class OverviewController {
  constructor(private readonly overview: OverviewService) {}

  @Get()
  @Roles('admin', 'moderator')
  @ApiOperation({
    summary: 'What needs attention: items of the last 14 days by outcome, the queue, source health, posts and questions waiting (in the viewer’s cities)',
  })
  @ApiOkResponse({ type: OverviewResponseDto })
  get(@CurrentUser() viewer: AuthUser): Promise<OverviewDto> {
    return this.overview.overview(viewer);
  }
}
