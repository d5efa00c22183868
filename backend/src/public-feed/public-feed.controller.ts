import { Controller, Get, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RouteConfig } from '@nestjs/platform-fastify';
import { SOURCE_KINDS } from '@welcome-ruhr/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/access.decorators';
import { DomainError } from '../common/errors/domain-error';
import { PublicFeedItemDto, PublicFeedResponseDto } from './dto/public-feed-response.dto';
import { MAX_FEED_LIMIT } from './feed-query';
import { PublicFeedService } from './public-feed.service';

/** A malformed id is the caller's mistake (400 naming it), not a missing item. */
const ITEM_ID = new ParseUUIDPipe({ exceptionFactory: () => DomainError.invalidField('id', 'id must be a UUID') });

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

  @Get('items/:id')
  @Public()
  @ApiOperation({
    summary: 'One approved item, exactly as it appears among the items of GET /api/public/feed',
    description: 'Cacheable (ETag, Cache-Control), open to any origin. 404 for an item that is not approved (pending, rejected, deleted).',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The item’s id' })
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'The ETag of a copy you have: 304 when it is still current' })
  @ApiProduces('application/json')
  @ApiResponse({ status: 200, type: PublicFeedItemDto })
  @ApiResponse({ status: 304, description: 'Not modified' })
  @ApiResponse({ status: 400, description: '`id` is not a UUID; `fields` names it' })
  @ApiResponse({ status: 404, description: 'No approved item has this id' })
  item(@Param('id', ITEM_ID) id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.feed.respondItem(id, request, reply);
  }
}
