import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { imageProxyKey, isProxyableUrl, signedImagePath } from './image-url';

/**
 * Turns an item's image address into the portal's signed image proxy address. The public feed calls
 * this for every `imageUrl` it returns, so the visitor's browser never contacts the image's host.
 */
@Injectable()
export class ImageUrlSigner {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = imageProxyKey(config.secretKey);
  }

  /** `/api/public/images/…` for an http(s) address; null for none or anything else (data:, relative, too long). */
  sign(url: string | null | undefined): string | null {
    if (!url) return null;
    if (url.startsWith(`/api/public/images/`)) return url; // already ours
    return isProxyableUrl(url) ? signedImagePath(url, this.key) : null;
  }
}
