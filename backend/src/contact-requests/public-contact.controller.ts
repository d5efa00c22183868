import { Body, Controller, Get, Header, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { ContactRequestAccepted, PrivacyNoticeDto } from '@welcome-ruhr/contracts';
import type { FastifyRequest } from 'fastify';
import { Public } from '../auth/access.decorators';
import { ContactIntakeService } from './contact-intake.service';
import { ContactRequestAcceptedDto, PrivacyNoticeResponseDto } from './dto/contact-response.dto';
import { CreateContactRequestDto } from './dto/create-contact-request.dto';
import { PrivacyNoticeQuery } from './dto/privacy-notice.query';

@ApiTags('public')
@Controller('public')
export class PublicContactController {
  constructor(private readonly intake: ContactIntakeService) {}

  @Post('contact-requests')
  @HttpCode(202)
  @Public()
  @ApiOperation({
    summary: 'Send a question to an ambassador or to the portal of a city',
    description: 'Plain text only. Limits per client and per e-mail address answer 429 with Retry-After.',
  })
  @ApiResponse({ status: 202, type: ContactRequestAcceptedDto })
  @ApiResponse({ status: 400, description: 'A field is missing or wrong (named in fields), or the form was sent too quickly' })
  @ApiResponse({ status: 429, description: 'Too many questions in a short time' })
  create(@Body() body: CreateContactRequestDto, @Req() request: FastifyRequest): Promise<ContactRequestAccepted> {
    return this.intake.submit(body, request.ip);
  }

  @Get('privacy-notice')
  @Public()
  // Each answer carries a fresh form token: never from a cache.
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'The privacy notice of the contact form in a language (de, en, tr, ar, uk; else English), with a form token' })
  @ApiResponse({ status: 200, type: PrivacyNoticeResponseDto })
  privacyNotice(@Query() query: PrivacyNoticeQuery): PrivacyNoticeDto {
    return this.intake.privacyNotice(query.lang);
  }
}
