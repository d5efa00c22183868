import { Controller, Get, Header, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { PublicAmbassadorDto } from '@welcome-ruhr/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/access.decorators';
import { AmbassadorsService } from './ambassadors.service';
import { PublicAmbassadorResponseDto } from './dto/profile-response.dto';
import { PublicAmbassadorsQuery } from './dto/public-ambassadors.query';
import { sendStoredImage } from './photo-reply';

const ID = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('public')
@Controller('public/ambassadors')
export class PublicAmbassadorsController {
  constructor(private readonly ambassadors: AmbassadorsService) {}

  @Get()
  @Public()
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: 'The ambassador directory: visible profiles, by city and spoken language' })
  @ApiResponse({ status: 200, type: [PublicAmbassadorResponseDto] })
  list(@Query() query: PublicAmbassadorsQuery): Promise<PublicAmbassadorDto[]> {
    return this.ambassadors.directory(query);
  }

  @Get(':id')
  @Public()
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: 'One visible ambassador (for the "ask me" contact form)' })
  @ApiResponse({ status: 200, type: PublicAmbassadorResponseDto })
  get(@Param('id', ID) id: string): Promise<PublicAmbassadorDto> {
    return this.ambassadors.publicProfile(id);
  }

  @Get(':id/photo')
  @Public()
  @ApiOperation({ summary: 'A visible ambassador’s photo (512 px JPEG); the address from photoUrl changes with the photo' })
  @ApiProduces('image/jpeg')
  async photo(@Param('id', ID) id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    // Versioned addresses (photoUrl's ?v=) may be cached for long; the bare one briefly.
    const versioned = typeof (request.query as Record<string, unknown>)['v'] === 'string';
    const cacheControl = versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=300';
    await sendStoredImage(request, reply, await this.ambassadors.publicPhoto(id), cacheControl, true);
  }
}
