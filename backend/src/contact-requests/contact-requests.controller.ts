import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { ContactDataErasure, ContactDataExport, ContactRequestDto, ContactRequestListDto } from '@welcome-ruhr/contracts';
import { Roles, SignedIn } from '../auth/access.decorators';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { ContactInboxService } from './contact-inbox.service';
import { ContactPrivacyService } from './contact-privacy.service';
import { AssignContactRequestDto } from './dto/assign-contact-request.dto';
import { ContactEmailQuery } from './dto/contact-email.query';
import {
  ContactDataErasureDto,
  ContactDataExportDto,
  ContactRequestListResponseDto,
  ContactRequestResponseDto,
} from './dto/contact-response.dto';
import { ListContactRequestsQuery } from './dto/list-contact-requests.query';
import { ReplyToContactRequestDto } from './dto/reply-to-contact-request.dto';

const ID = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('contact requests')
@Controller('contact-requests')
export class ContactRequestsController {
  constructor(
    private readonly inbox: ContactInboxService,
    private readonly privacy: ContactPrivacyService,
  ) {}

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'The inbox: an ambassador’s own requests, a moderator’s portal requests of their cities, all for admins' })
  @ApiResponse({ status: 200, type: ContactRequestListResponseDto })
  list(@CurrentUser() viewer: AuthUser, @Query() query: ListContactRequestsQuery): Promise<ContactRequestListDto> {
    return this.inbox.list(viewer, query);
  }

  @Get('export')
  @Roles('admin')
  @ApiOperation({ summary: 'Everything stored about an e-mail address (data-subject access request); recorded in the audit log' })
  @ApiResponse({ status: 200, type: ContactDataExportDto })
  export(@CurrentUser() actor: AuthUser, @Query() query: ContactEmailQuery): Promise<ContactDataExport> {
    return this.privacy.export(actor, query.email);
  }

  @Delete()
  @Roles('admin')
  @ApiOperation({ summary: 'Erase every request of an e-mail address and every mail to it; recorded in the audit log' })
  @ApiResponse({ status: 200, type: ContactDataErasureDto })
  erase(@CurrentUser() actor: AuthUser, @Query() query: ContactEmailQuery): Promise<ContactDataErasure> {
    return this.privacy.erase(actor, query.email);
  }

  @Get(':id')
  @SignedIn()
  @ApiOperation({ summary: 'One request with message and replies (plain text); the read is recorded in the audit log' })
  @ApiResponse({ status: 200, type: ContactRequestResponseDto })
  get(@CurrentUser() viewer: AuthUser, @Param('id', ID) id: string): Promise<ContactRequestDto> {
    return this.inbox.get(viewer, id);
  }

  @Post(':id/reply')
  @HttpCode(200)
  @SignedIn()
  @ApiOperation({ summary: 'Answer the newcomer by e-mail from the portal’s address; the request becomes answered' })
  @ApiResponse({ status: 200, type: ContactRequestResponseDto })
  @ApiResponse({ status: 409, description: 'The request is closed' })
  reply(@CurrentUser() viewer: AuthUser, @Param('id', ID) id: string, @Body() body: ReplyToContactRequestDto): Promise<ContactRequestDto> {
    return this.inbox.reply(viewer, id, body.message);
  }

  @Post(':id/close')
  @HttpCode(200)
  @SignedIn()
  @ApiOperation({ summary: 'Close the request; it is deleted CONTACT_RETENTION_DAYS later' })
  @ApiResponse({ status: 200, type: ContactRequestResponseDto })
  close(@CurrentUser() viewer: AuthUser, @Param('id', ID) id: string): Promise<ContactRequestDto> {
    return this.inbox.close(viewer, id);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Roles('moderator', 'admin')
  @ApiOperation({ summary: 'Hand a portal request to an ambassador of its city (moderators of that city, admins)' })
  @ApiResponse({ status: 200, type: ContactRequestResponseDto })
  assign(@CurrentUser() viewer: AuthUser, @Param('id', ID) id: string, @Body() body: AssignContactRequestDto): Promise<ContactRequestDto> {
    return this.inbox.assign(viewer, id, body.ambassadorId);
  }
}
