import type { CachedImage } from './image-cache';
import { ImageUnavailable } from './image-fetcher';
import { loadSharp } from './load-sharp';

/** Decompression bombs: a few KB of PNG can claim 50,000 × 50,000 pixels. */
const MAX_INPUT_PIXELS = 40_000_000;

export type ResizedType = 'image/webp' | 'image/jpeg';

/** WebP for every browser that says it takes it (all current ones), JPEG for the rest. */
export function resizedTypeFor(accept: string | undefined): ResizedType {
  return /\bimage\/webp\b/i.test(accept ?? '') ? 'image/webp' : 'image/jpeg';
}

/**
 * The image at most `width` pixels wide (never enlarged), upright, without metadata (no camera or GPS
 * data leaves the portal), as WebP or JPEG; animations keep their first frame. When that is not smaller
 * than the original, the original is the better answer.
 */
export async function resizeImage(original: CachedImage, width: number, type: ResizedType): Promise<CachedImage> {
  const sharp = await loadSharp();
  let body: Buffer;
  try {
    const pipeline = sharp(original.body, { limitInputPixels: MAX_INPUT_PIXELS }).rotate().resize({ width, withoutEnlargement: true });
    body =
      type === 'image/webp'
        ? await pipeline.webp({ quality: 75 }).toBuffer()
        : await pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 78, mozjpeg: true }).toBuffer();
  } catch {
    throw new ImageUnavailable('it cannot be read as an image');
  }
  return body.length < original.body.length ? { type, body } : original;
}
