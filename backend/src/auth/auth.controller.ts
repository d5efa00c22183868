import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { LoginResponse, UserDto } from '@welcome-ruhr/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { UserResponseDto } from '../users/dto/user-response.dto';
import { Public, SignedIn } from './access.decorators';
import { CurrentUser, type AuthUser } from './auth-user';
import { AuthService, type SignedIn as SignedInResult } from './auth.service';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';
import { LoginResponseDto } from './dto/login-response.dto';
import { REFRESH_TOKEN_DAYS } from './sessions.service';

export const REFRESH_COOKIE = 'wr_refresh';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in; also sets the dashboard’s refresh cookie' })
  @ApiResponse({ status: 200, type: LoginResponseDto })
  async login(@Body() body: LoginDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<LoginResponse> {
    const result = await this.auth.login(body.email, body.password, { ip: request.ip, userAgent: request.headers['user-agent'] });
    return this.withCookie(reply, result);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'A new access token from the refresh cookie (which is rotated)' })
  @ApiResponse({ status: 200, type: LoginResponseDto })
  async refresh(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<LoginResponse> {
    const result = await this.auth.refresh(request.cookies[REFRESH_COOKIE]);
    return this.withCookie(reply, result);
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: ends the session of the cookie and clears it' })
  async logout(@Req() request: FastifyRequest & { user?: AuthUser }, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(request.cookies[REFRESH_COOKIE], undefined);
    reply.clearCookie(REFRESH_COOKIE, { path: '/api/auth' });
  }

  @Get('me')
  @SignedIn()
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiResponse({ status: 200, type: UserResponseDto })
  me(@CurrentUser() user: AuthUser): Promise<UserDto> {
    return this.auth.me(user);
  }

  @Post('change-password')
  @SignedIn()
  @HttpCode(204)
  @ApiOperation({ summary: 'Change the own password; other sessions end' })
  changePassword(@CurrentUser() user: AuthUser, @Body() body: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(user, body.currentPassword, body.newPassword);
  }

  private withCookie(reply: FastifyReply, result: SignedInResult): LoginResponse {
    reply.setCookie(REFRESH_COOKIE, result.refreshToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.publicUrl.startsWith('https:'),
      path: '/api/auth',
      maxAge: REFRESH_TOKEN_DAYS * 86_400,
    });
    const { refreshToken: _refreshToken, ...response } = result;
    return response;
  }
}
