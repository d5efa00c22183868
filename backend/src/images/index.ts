export { ImagesModule } from './images.module';
export { ImageUrlSigner } from './image-url-signer';
export { IMAGE_PROXY_PATH, IMAGE_WIDTHS, imageProxyKey, signedImagePath } from './image-url';
