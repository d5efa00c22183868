import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { InvitationDto, InvitationPreviewDto, UserDto } from '@welcome-ruhr/contracts';
import { Public, Roles } from '../auth/access.decorators';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { UserResponseDto } from '../users/dto/user-response.dto';
import { AcceptInvitationDto } from './dto/accept-invitation.dto';
import { CreateInvitationDto } from './dto/create-invitation.dto';
import { InvitationPreviewResponseDto, InvitationResponseDto } from './dto/invitation-response.dto';
import { InvitationsService } from './invitations.service';

@ApiTags('invitations')
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Invitations, newest first, with their state' })
  @ApiResponse({ status: 200, type: [InvitationResponseDto] })
  list(): Promise<InvitationDto[]> {
    return this.invitations.list();
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Invite a person by e-mail: a link lets them set a password (replaces an open invitation to the same address)' })
  @ApiResponse({ status: 201, type: InvitationResponseDto })
  @ApiResponse({ status: 409, description: 'A user with this e-mail exists already' })
  create(@CurrentUser() actor: AuthUser, @Body() body: CreateInvitationDto): Promise<InvitationDto> {
    return this.invitations.create(actor, body);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Withdraw an open invitation: its link stops working' })
  @ApiResponse({ status: 200, type: InvitationResponseDto })
  revoke(@CurrentUser() actor: AuthUser, @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) id: string): Promise<InvitationDto> {
    return this.invitations.revoke(actor, id);
  }

  @Get(':token')
  @Public()
  @ApiOperation({ summary: 'What an invitation link offers (404 with the reason when it is unknown, used, withdrawn or expired)' })
  @ApiResponse({ status: 200, type: InvitationPreviewResponseDto })
  preview(@Param('token') token: string): Promise<InvitationPreviewDto> {
    return this.invitations.preview(token);
  }

  @Post(':token/accept')
  @HttpCode(201)
  @Public()
  @ApiOperation({ summary: 'Set a password and create the account; the link works once' })
  @ApiResponse({ status: 201, type: UserResponseDto })
  accept(@Param('token') token: string, @Body() body: AcceptInvitationDto): Promise<UserDto> {
    return this.invitations.accept(token, body.password);
  }
}
