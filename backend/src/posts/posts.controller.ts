import { Body, Controller, Delete, Get, Headers, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { PostDto, PostPreviewDto } from '@welcome-ruhr/contracts';
import { Roles } from '../auth/access.decorators';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { IMAGE_CONTENT_TYPES } from '../ambassadors/image-body';
import { CreatePostDto, PostPreviewDto as PostPreviewBody, UpdatePostDto } from './dto/create-post.dto';
import { ListPostsQuery } from './dto/post-queries.dto';
import { PostPreviewResponseDto, PostResponseDto } from './dto/post-response.dto';
import { PostImagesService } from './post-images.service';
import { PostsService } from './posts.service';

const ID = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('posts')
@Controller('posts')
export class PostsController {
  constructor(
    private readonly posts: PostsService,
    private readonly images: PostImagesService,
  ) {}

  @Post()
  @Roles('ambassador')
  @ApiOperation({
    summary: 'Write a post for some of your channels: for review (at scheduledAt, or asSoonAsApproved), or as a draft; with itemId it shares a portal item',
  })
  @ApiResponse({ status: 201, type: PostResponseDto })
  create(@CurrentUser() user: AuthUser, @Body() body: CreatePostDto): Promise<PostDto> {
    return this.posts.create(user, body);
  }

  @Get()
  @Roles('ambassador')
  @ApiOperation({ summary: 'Your posts, newest first; from/to select a calendar range' })
  @ApiResponse({ status: 200, type: [PostResponseDto] })
  list(@CurrentUser() user: AuthUser, @Query() query: ListPostsQuery): Promise<PostDto[]> {
    return this.posts.list(user, query);
  }

  @Post('preview')
  @HttpCode(200)
  @Roles('ambassador')
  @ApiOperation({ summary: 'How the text fits each channel (length against its limit, the text as sent)' })
  @ApiResponse({ status: 200, type: PostPreviewResponseDto })
  preview(@CurrentUser() user: AuthUser, @Body() body: PostPreviewBody): Promise<PostPreviewDto> {
    return this.posts.preview(user, body);
  }

  @Get(':id')
  @Roles('ambassador', 'moderator', 'admin')
  @ApiOperation({ summary: 'One post with its state and, per channel, the id the channel gave it' })
  @ApiResponse({ status: 200, type: PostResponseDto })
  get(@CurrentUser() user: AuthUser, @Param('id', ID) id: string): Promise<PostDto> {
    return this.posts.get(user, id);
  }

  @Patch(':id')
  @Roles('ambassador')
  @ApiOperation({ summary: 'Edit until publishing starts; a changed text or link goes back to review' })
  @ApiResponse({ status: 200, type: PostResponseDto })
  update(@CurrentUser() user: AuthUser, @Param('id', ID) id: string, @Body() body: UpdatePostDto): Promise<PostDto> {
    return this.posts.update(user, id, body);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles('ambassador')
  @ApiOperation({ summary: 'Send a draft for review' })
  @ApiResponse({ status: 200, type: PostResponseDto })
  submit(@CurrentUser() user: AuthUser, @Param('id', ID) id: string): Promise<PostDto> {
    return this.posts.submit(user, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('ambassador')
  @ApiOperation({ summary: 'Cancel until publishing starts (409 after)' })
  @ApiResponse({ status: 200, type: PostResponseDto })
  cancel(@CurrentUser() user: AuthUser, @Param('id', ID) id: string): Promise<PostDto> {
    return this.posts.cancel(user, id);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @Roles('ambassador')
  @ApiOperation({ summary: 'Try the failed channels of a failed post again (after reconnecting them)' })
  @ApiResponse({ status: 200, type: PostResponseDto })
  retry(@CurrentUser() user: AuthUser, @Param('id', ID) id: string): Promise<PostDto> {
    return this.posts.retry(user, id);
  }

  @Put(':id/image')
  @Roles('ambassador')
  @ApiOperation({ summary: 'Attach an image: the file itself as the body (JPEG, PNG or WebP, at most 8 MB)' })
  @ApiConsumes(...IMAGE_CONTENT_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiResponse({ status: 200, type: PostResponseDto })
  setImage(
    @CurrentUser() user: AuthUser,
    @Param('id', ID) id: string,
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
  ): Promise<PostDto> {
    return this.images.set(user, id, body, contentType);
  }

  @Delete(':id/image')
  @Roles('ambassador')
  @ApiOperation({ summary: 'Remove the image' })
  @ApiResponse({ status: 200, type: PostResponseDto })
  removeImage(@CurrentUser() user: AuthUser, @Param('id', ID) id: string): Promise<PostDto> {
    return this.images.remove(user, id);
  }
}
