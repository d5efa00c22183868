import { Body, Controller, Delete, Get, Headers, Put, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AmbassadorProfileDto } from '@welcome-ruhr/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Roles } from '../auth/access.decorators';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { AmbassadorsService } from './ambassadors.service';
import { ProfileResponseDto } from './dto/profile-response.dto';
import { UpdateProfileDto } from './dto/update-profile.dto';
import { IMAGE_CONTENT_TYPES } from './image-body';
import { sendStoredImage } from './photo-reply';

@ApiTags('ambassadors')
@Controller('ambassadors/me')
export class AmbassadorsController {
  constructor(private readonly ambassadors: AmbassadorsService) {}

  @Get()
  @Roles('ambassador')
  @ApiOperation({ summary: 'The signed-in ambassador’s profile' })
  @ApiResponse({ status: 200, type: ProfileResponseDto })
  profile(@CurrentUser() user: AuthUser): Promise<AmbassadorProfileDto> {
    return this.ambassadors.profile(user);
  }

  @Put()
  @Roles('ambassador')
  @ApiOperation({ summary: 'Edit the profile; fields left out keep their value. `visible: true` needs a city, a language and a bio.' })
  @ApiResponse({ status: 200, type: ProfileResponseDto })
  update(@CurrentUser() user: AuthUser, @Body() body: UpdateProfileDto): Promise<AmbassadorProfileDto> {
    return this.ambassadors.update(user, body);
  }

  @Put('photo')
  @Roles('ambassador')
  @ApiOperation({ summary: 'Upload the profile photo: the file itself as the body (JPEG, PNG or WebP, at most 5 MB); stored as a 512 px square JPEG' })
  @ApiConsumes(...IMAGE_CONTENT_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiResponse({ status: 200, type: ProfileResponseDto })
  setPhoto(@CurrentUser() user: AuthUser, @Body() body: unknown, @Headers('content-type') contentType: string | undefined): Promise<AmbassadorProfileDto> {
    return this.ambassadors.setPhoto(user, body, contentType);
  }

  @Delete('photo')
  @Roles('ambassador')
  @ApiOperation({ summary: 'Remove the profile photo' })
  @ApiResponse({ status: 200, type: ProfileResponseDto })
  removePhoto(@CurrentUser() user: AuthUser): Promise<AmbassadorProfileDto> {
    return this.ambassadors.removePhoto(user);
  }

  @Get('photo')
  @Roles('ambassador')
  @ApiOperation({ summary: 'The own profile photo, also while the profile is hidden' })
  @ApiProduces('image/jpeg')
  async photo(@CurrentUser() user: AuthUser, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await sendStoredImage(request, reply, await this.ambassadors.ownPhoto(user), 'private, no-cache', false);
  }
}
