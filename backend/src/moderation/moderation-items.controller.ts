import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { BulkModerationResponse, ItemDto, ModerationItemsResponse } from '@welcome-ruhr/contracts';
import { Roles } from '../auth/access.decorators';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { BulkModerationDto, BulkModerationResponseDto } from './dto/bulk-moderation.dto';
import { ItemResponseDto, ModerationItemsResponseDto } from './dto/item-response.dto';
import { ListModerationItemsQuery } from './dto/list-moderation-items.query';
import { RejectItemDto } from './dto/reject-item.dto';
import { UpdateItemTagsDto } from './dto/update-item-tags.dto';
import { ModerationDecisionsService } from './moderation-decisions.service';
import { ModerationQueueService } from './moderation-queue.service';

const ItemId = () => Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 }));

@ApiTags('moderation')
@Controller('moderation/items')
@Roles('admin', 'moderator')
export class ModerationItemsController {
  constructor(
    private readonly queue: ModerationQueueService,
    private readonly decisions: ModerationDecisionsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The queue: items of your cities and items without a city, newest first, with counts per status' })
  @ApiResponse({ status: 200, type: ModerationItemsResponseDto })
  list(@CurrentUser() user: AuthUser, @Query() query: ListModerationItemsQuery): Promise<ModerationItemsResponse> {
    return this.queue.list(user, query);
  }

  @Post('bulk')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve, reject, pin or unpin many items; items you may not change are skipped with a reason' })
  @ApiResponse({ status: 200, type: BulkModerationResponseDto })
  bulk(@CurrentUser() user: AuthUser, @Body() body: BulkModerationDto): Promise<BulkModerationResponse> {
    return this.decisions.bulk(user, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One item' })
  @ApiResponse({ status: 200, type: ItemResponseDto })
  get(@CurrentUser() user: AuthUser, @ItemId() id: string): Promise<ItemDto> {
    return this.queue.get(user, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Correct the cities, topics or language of an item; later fetches keep them' })
  @ApiResponse({ status: 200, type: ItemResponseDto })
  editTags(@CurrentUser() user: AuthUser, @ItemId() id: string, @Body() body: UpdateItemTagsDto): Promise<ItemDto> {
    return this.decisions.editTags(user, id, body);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve: the item appears in the public feed' })
  @ApiResponse({ status: 200, type: ItemResponseDto })
  approve(@CurrentUser() user: AuthUser, @ItemId() id: string): Promise<ItemDto> {
    return this.decisions.decide(user, id, 'approve');
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject, with an optional reason; the item never comes back from its source' })
  @ApiResponse({ status: 200, type: ItemResponseDto })
  reject(@CurrentUser() user: AuthUser, @ItemId() id: string, @Body() body: RejectItemDto): Promise<ItemDto> {
    return this.decisions.decide(user, id, 'reject', body.reason);
  }

  @Post(':id/pin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pin: the item leads the public feed while it is approved' })
  @ApiResponse({ status: 200, type: ItemResponseDto })
  pin(@CurrentUser() user: AuthUser, @ItemId() id: string): Promise<ItemDto> {
    return this.decisions.decide(user, id, 'pin');
  }

  @Post(':id/unpin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Unpin' })
  @ApiResponse({ status: 200, type: ItemResponseDto })
  unpin(@CurrentUser() user: AuthUser, @ItemId() id: string): Promise<ItemDto> {
    return this.decisions.decide(user, id, 'unpin');
  }
}
