import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { OutboxListDto, OutboxMessageDto } from '@welcome-ruhr/contracts';
import { Roles } from '../auth/access.decorators';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { ListOutboxQuery } from './dto/list-outbox.query';
import { OutboxListResponseDto, OutboxMessageResponseDto } from './dto/outbox-response.dto';
import { OutboxService } from './outbox.service';

const ID = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('mail')
@Controller('mail/outbox')
export class OutboxController {
  constructor(private readonly outbox: OutboxService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Mails of the outbox, newest first: waiting (also between retries), sent or failed' })
  @ApiResponse({ status: 200, type: OutboxListResponseDto })
  list(@Query() query: ListOutboxQuery): Promise<OutboxListDto> {
    return this.outbox.list(query);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Try a failed or waiting mail again now' })
  @ApiResponse({ status: 200, type: OutboxMessageResponseDto })
  @ApiResponse({ status: 409, description: 'The mail was sent already' })
  retry(@CurrentUser() actor: AuthUser, @Param('id', ID) id: string): Promise<OutboxMessageDto> {
    return this.outbox.retry(actor, id);
  }
}
