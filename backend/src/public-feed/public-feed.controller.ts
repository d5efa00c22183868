import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RouteConfig } from '@nestjs/platform-fastify';
import { SOURCE_KINDS } from '@welcome-ruhr/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/access.decorators';
import { PublicFeedResponseDto } from './dto/public-feed-response.dto';
import { MAX_FEED_LIMIT } from './feed-query';
import { PublicFeedService } from './public-feed.service';

@ApiTags('public')
@Controller('public/feed')
export class PublicFeedController {
  constructor(private readonly feed: PublicFeedService) {}

  @Get()
  @Public()
  // Repeated hits are answered ahead of Fastify and its helmet hook (FeedFastPath): skipping helmet here too
  // gives every answer of this route the same headers.
  @RouteConfig({ helmet: { skipRoute: true } })
  @ApiOperation({
    summary: 'Approved items, pinned first, then newest first; each filter takes several comma-separated values',
    description: 'Cacheable (ETag, Cache-Control), open to any origin. Page with the nextCursor of the previous page.',
  })
  @ApiQuery({ name: 'city', required: false, example: 'essen,bochum', description: 'RVR city slugs' })
  @ApiQuery({ name: 'topic', required: false, example: 'work', description: 'Topic slugs (GET /api/public/topics)' })
  @ApiQuery({ name: 'lang', required: false, example: 'de,tr', description: 'ISO 639-1 codes of the content' })
  @ApiQuery({ name: 'kind', required: false, example: 'partner', description: `Source kinds: ${SOURCE_KINDS.join(', ')}` })
  @ApiQuery({ name: 'limit', required: false, example: 12, description: `1 to ${MAX_FEED_LIMIT}, default 12` })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'The ETag of a copy you have: 304 when it is still current' })
  @ApiProduces('application/json')
  @ApiResponse({ status: 200, type: PublicFeedResponseDto })
  @ApiResponse({ status: 304, description: 'Not modified' })
  @ApiResponse({ status: 400, description: 'A parameter is not valid; `fields` names it' })
  feedPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.feed.respond(request, reply);
  }
}
