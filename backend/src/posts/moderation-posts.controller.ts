import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { ModerationPostsResponse, PostDto } from '@welcome-ruhr/contracts';
import { Roles } from '../auth/access.decorators';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { ModerationPostsQuery, RejectPostDto } from './dto/post-queries.dto';
import { ModerationPostsResponseDto, PostResponseDto } from './dto/post-response.dto';
import { PostReviewService } from './post-review.service';

const ID = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('moderation')
@Controller('moderation/posts')
export class ModerationPostsController {
  constructor(private readonly review: PostReviewService) {}

  @Get()
  @Roles('admin', 'moderator')
  @ApiOperation({ summary: 'Ambassadors’ posts of your cities in one status (default pending_review), with counts per status' })
  @ApiResponse({ status: 200, type: ModerationPostsResponseDto })
  queue(@CurrentUser() viewer: AuthUser, @Query() query: ModerationPostsQuery): Promise<ModerationPostsResponse> {
    return this.review.queue(viewer, query.status);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('admin', 'moderator')
  @ApiOperation({ summary: 'Approve: the post appears at its time (at once when "as soon as approved")' })
  @ApiResponse({ status: 200, type: PostResponseDto })
  approve(@CurrentUser() moderator: AuthUser, @Param('id', ID) id: string): Promise<PostDto> {
    return this.review.approve(moderator, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('admin', 'moderator')
  @ApiOperation({ summary: 'Reject with a reason the ambassador reads' })
  @ApiResponse({ status: 200, type: PostResponseDto })
  reject(@CurrentUser() moderator: AuthUser, @Param('id', ID) id: string, @Body() body: RejectPostDto): Promise<PostDto> {
    return this.review.reject(moderator, id, body.reason);
  }
}
