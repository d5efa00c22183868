import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/access.decorators';
import { ImageQuery } from './dto/image.query';
import { ImagesService } from './images.service';

/** A signed address never changes its image, so browsers and caches may keep it long. */
const IMAGE_CACHE_CONTROL = 'public, max-age=2592000, immutable';

@ApiTags('public')
@Controller('public/images')
export class ImagesController {
  constructor(private readonly images: ImagesService) {}

  // The address is a wildcard: a path parameter would be cut off at Fastify's 100 characters.
  @Get(':signature/*')
  @Public()
  @ApiOperation({ summary: 'An item image through the portal (signed addresses from the public feed only), optionally resized to ?w=' })
  @ApiProduces('image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif')
  async image(
    @Param('signature') signature: string,
    @Param('*') encodedUrl: string,
    @Query() query: ImageQuery,
    @Headers('accept') accept: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const image = await this.images.image(signature, encodedUrl, query.w, accept);
    // A resized image is WebP or JPEG depending on what the browser accepts.
    if (query.w) reply.header('Vary', 'Accept');
    await reply
      .header('Content-Type', image.type)
      .header('Cache-Control', IMAGE_CACHE_CONTROL)
      // City sites show these images; the rest of the API stays same-site.
      .header('Cross-Origin-Resource-Policy', 'cross-origin')
      .header('Content-Security-Policy', "default-src 'none'; sandbox")
      .send(image.body);
  }
}
