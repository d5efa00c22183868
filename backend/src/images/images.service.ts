import { Inject, Injectable, Logger } from '@nestjs/common';
import { join } from 'node:path';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { defaultUserAgent } from '../ingestion/fetch';
import { ImageCache, type CachedImage } from './image-cache';
import { ImageFetcher, ImageUnavailable } from './image-fetcher';
import { resizeImage, resizedTypeFor } from './image-resize';
import { imageProxyKey, verifiedImageUrl } from './image-url';

export const IMAGE_CACHE_MAX_BYTES = 256 * 1024 * 1024;
/** A failed image is not asked for again for this long, however often visitors load it. */
const FAILURE_TTL_MS = 10 * 60 * 1000;
const MAX_REMEMBERED_FAILURES = 2000;

/**
 * The image proxy: signed addresses only (so it is no open proxy), fetched once with the SSRF guard,
 * resized to the width asked for, and served from the disk cache (originals and sizes alike).
 * Concurrent requests for one image share one fetch and one resize.
 */
@Injectable()
export class ImagesService {
  private readonly logger = new Logger(ImagesService.name);
  private readonly key: Buffer;
  private readonly fetcher: ImageFetcher;
  private readonly cache: ImageCache;
  private readonly inFlight = new Map<string, Promise<CachedImage>>();
  private readonly failures = new Map<string, { until: number; reason: string }>();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = imageProxyKey(config.secretKey);
    this.fetcher = new ImageFetcher({ allowPrivateHosts: config.fetchAllowPrivateHosts, userAgent: defaultUserAgent(config.publicUrl) });
    this.cache = new ImageCache(join(config.dataDir, 'images'), IMAGE_CACHE_MAX_BYTES);
  }

  /** The image behind a signed address; with `width`, at most that wide, in the best type `accept` allows. */
  async image(signature: string, encodedUrl: string, width?: number, accept?: string): Promise<CachedImage> {
    const url = verifiedImageUrl(signature, encodedUrl, this.key);
    if (!url) throw new DomainError(ErrorCode.Forbidden, 'This image address was not issued by the portal.');
    if (!width) return this.original(url);
    const type = resizedTypeFor(accept);
    const key = `${url}\n${width}\n${type}`;
    return (await this.cache.get(key)) ?? this.once(key, async () => {
      const resized = await resizeImage(await this.original(url), width, type).catch((error: unknown) => {
        if (error instanceof ImageUnavailable) throw unavailable(error.message);
        throw error;
      });
      await this.store(key, resized);
      return resized;
    });
  }

  private async original(url: string): Promise<CachedImage> {
    const cached = await this.cache.get(url);
    if (cached) return cached;
    const failure = this.failures.get(url);
    if (failure && failure.until > Date.now()) throw unavailable(failure.reason);
    return this.once(url, () => this.fetchAndStore(url));
  }

  /** One piece of work per key at a time; whoever asks meanwhile shares its result. */
  private once(key: string, work: () => Promise<CachedImage>): Promise<CachedImage> {
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = work().finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  private async store(key: string, image: CachedImage): Promise<void> {
    await this.cache.put(key, image).catch((error: unknown) => this.logger.warn({ err: error }, 'could not cache an image'));
  }

  private async fetchAndStore(url: string): Promise<CachedImage> {
    try {
      const image = await this.fetcher.fetch(url);
      this.failures.delete(url);
      await this.store(url, image);
      return image;
    } catch (error) {
      const reason = error instanceof ImageUnavailable ? error.message : 'it could not be fetched';
      if (!(error instanceof ImageUnavailable)) this.logger.warn({ err: error, url }, 'image fetch failed');
      this.rememberFailure(url, reason);
      throw unavailable(reason);
    }
  }

  private rememberFailure(url: string, reason: string): void {
    this.failures.delete(url);
    this.failures.set(url, { until: Date.now() + FAILURE_TTL_MS, reason });
    if (this.failures.size > MAX_REMEMBERED_FAILURES) this.failures.delete(this.failures.keys().next().value!);
  }
}

function unavailable(reason: string): DomainError {
  return new DomainError(ErrorCode.NotFound, `The image is not available: ${reason}.`);
}
