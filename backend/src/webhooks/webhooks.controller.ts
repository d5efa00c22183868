import { Controller, Get, Header, Headers, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/access.decorators';
import { FacebookWebhooksService } from './facebook-webhooks.service';

@ApiTags('webhooks')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly facebook: FacebookWebhooksService) {}

  @Get('facebook')
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Facebook’s verification handshake: answers hub.challenge when hub.verify_token is ours' })
  @ApiQuery({ name: 'hub.mode', example: 'subscribe' })
  @ApiQuery({ name: 'hub.verify_token' })
  @ApiQuery({ name: 'hub.challenge' })
  @ApiProduces('text/plain')
  verify(
    @Query('hub.mode') mode: string | undefined,
    @Query('hub.verify_token') token: string | undefined,
    @Query('hub.challenge') challenge: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): string {
    const answer = this.facebook.verify(mode, token, challenge);
    // Only the challenge itself, as text: errors keep the usual JSON.
    reply.type('text/plain; charset=utf-8');
    return answer;
  }

  @Post('facebook')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'Signed page updates (X-Hub-Signature-256 over the raw body): the changed pages are read at once' })
  @ApiHeader({ name: 'X-Hub-Signature-256', description: 'sha256=<HMAC-SHA256 of the body with the app secret>' })
  receive(@Req() request: RawBodyRequest<FastifyRequest>, @Headers('x-hub-signature-256') signature: string | undefined): Promise<{ pages: number; sources: number }> {
    return this.facebook.receive(request.rawBody, signature, request.body);
  }
}
