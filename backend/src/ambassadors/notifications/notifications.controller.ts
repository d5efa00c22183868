import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
import { NOTIFICATION_KINDS, type NotificationDto, type NotificationKind } from '@welcome-ruhr/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { SignedIn } from '../../auth/access.decorators';
import { CurrentUser, type AuthUser } from '../../auth/auth-user';
import { NotificationsService } from './notifications.service';

class ListNotificationsQuery {
  @ApiPropertyOptional({ description: 'Only notifications not read yet' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value))
  @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;
}

class NotificationResponseDto implements NotificationDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind!: NotificationKind;
  @ApiProperty() message!: string;
  @ApiProperty({ type: String, nullable: true }) channelId!: string | null;
  @ApiProperty({ type: String, nullable: true }) postId!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) readAt!: string | null;
}

const ID = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'The signed-in user’s notifications, newest first (a channel to reconnect, a post that failed, …)' })
  @ApiResponse({ status: 200, type: [NotificationResponseDto] })
  list(@CurrentUser() user: AuthUser, @Query() query: ListNotificationsQuery): Promise<NotificationDto[]> {
    return this.notifications.list(user.id, query.unread === true);
  }

  @Post('read')
  @HttpCode(204)
  @SignedIn()
  @ApiOperation({ summary: 'Mark every notification read' })
  async markAllRead(@CurrentUser() user: AuthUser): Promise<void> {
    await this.notifications.markAllRead(user.id);
  }

  @Post(':id/read')
  @HttpCode(200)
  @SignedIn()
  @ApiOperation({ summary: 'Mark one notification read' })
  @ApiResponse({ status: 200, type: NotificationResponseDto })
  markRead(@CurrentUser() user: AuthUser, @Param('id', ID) id: string): Promise<NotificationDto> {
    return this.notifications.markRead(user.id, id);
  }
}
