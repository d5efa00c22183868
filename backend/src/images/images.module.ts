import { Module } from '@nestjs/common';
import { ImageUrlSigner } from './image-url-signer';
import { ImagesController } from './images.controller';
import { ImagesService } from './images.service';

/** The image proxy, and the signer that the public feed uses for its `imageUrl`s. */
@Module({
  controllers: [ImagesController],
  providers: [ImagesService, ImageUrlSigner],
  exports: [ImageUrlSigner],
})
export class ImagesModule {}
