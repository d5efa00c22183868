import { Controller, Get, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendStoredImage } from '../ambassadors/photo-reply';
import { Public } from '../auth/access.decorators';
import { PostImagesService } from './post-images.service';

const ID = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('public')
@Controller('public/posts')
export class PublicPostsController {
  constructor(private readonly images: PostImagesService) {}

  @Get(':id/image')
  @Public()
  @ApiOperation({ summary: 'An approved post’s image, for the channels that fetch it by address (Facebook)' })
  @ApiProduces('image/jpeg')
  async image(@Param('id', ID) id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await sendStoredImage(request, reply, await this.images.publicImage(id), 'public, max-age=86400', true);
  }
}
