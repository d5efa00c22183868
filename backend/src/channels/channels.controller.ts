import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { ChannelDto, FacebookLoginPagesDto, FacebookLoginStartDto } from '@welcome-ruhr/contracts';
import { Roles } from '../auth/access.decorators';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { ChannelsService } from './channels.service';
import { ChannelResponseDto } from './dto/channel-response.dto';
import { CreateChannelDto } from './dto/create-channel.dto';
import { ChooseFacebookPageDto, FacebookCallbackQuery, FacebookLoginPagesResponseDto, FacebookLoginStartResponseDto } from './dto/facebook-login.dto';
import { FacebookLoginService } from './facebook-login.service';

const ID = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('channels')
@Controller('channels')
export class ChannelsController {
  constructor(
    private readonly channels: ChannelsService,
    private readonly facebookLogin: FacebookLoginService,
  ) {}

  @Get()
  @Roles('ambassador')
  @ApiOperation({ summary: 'The signed-in ambassador’s channels with their health (never their tokens)' })
  @ApiResponse({ status: 200, type: [ChannelResponseDto] })
  list(@CurrentUser() user: AuthUser): Promise<ChannelDto[]> {
    return this.channels.list(user);
  }

  @Post()
  @Roles('ambassador')
  @ApiOperation({
    summary: 'Connect a Facebook page with its page token, or a Mastodon account; the token is checked first. Connecting the same page again renews it.',
  })
  @ApiResponse({ status: 201, type: ChannelResponseDto })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateChannelDto): Promise<ChannelDto> {
    return this.channels.create(user, body);
  }

  @Get('facebook/login')
  @Roles('ambassador')
  @ApiOperation({ summary: 'Start Facebook Login: the dialog address to send the browser to (signed state, valid 15 minutes)' })
  @ApiResponse({ status: 200, type: FacebookLoginStartResponseDto })
  facebookLoginStart(@CurrentUser() user: AuthUser): Promise<FacebookLoginStartDto> {
    return this.facebookLogin.start(user);
  }

  @Get('facebook/callback')
  @Roles('ambassador')
  @ApiOperation({
    summary: 'Finish Facebook Login with the code and state Facebook returned: the pages the login manages, to choose from (30 minutes)',
  })
  @ApiResponse({ status: 200, type: FacebookLoginPagesResponseDto })
  facebookLoginCallback(@CurrentUser() user: AuthUser, @Query() query: FacebookCallbackQuery): Promise<FacebookLoginPagesDto> {
    return this.facebookLogin.callback(user, query.code, query.state);
  }

  @Post('facebook/pages')
  @Roles('ambassador')
  @ApiOperation({ summary: 'Connect one of the pages the Facebook login listed' })
  @ApiResponse({ status: 201, type: ChannelResponseDto })
  choosePage(@CurrentUser() user: AuthUser, @Body() body: ChooseFacebookPageDto): Promise<ChannelDto> {
    return this.facebookLogin.choosePage(user, body.pageId, body.loginId);
  }

  @Post(':id/check')
  @HttpCode(200)
  @Roles('ambassador')
  @ApiOperation({ summary: 'Check the channel’s token with the platform now' })
  @ApiResponse({ status: 200, type: ChannelResponseDto })
  check(@CurrentUser() user: AuthUser, @Param('id', ID) id: string): Promise<ChannelDto> {
    return this.channels.checkNow(user, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('ambassador')
  @ApiOperation({ summary: 'Disconnect the channel: its token is deleted; posts still waiting for it fail' })
  async remove(@CurrentUser() user: AuthUser, @Param('id', ID) id: string): Promise<void> {
    await this.channels.remove(user, id);
  }
}
