import type { FastifyInstance } from 'fastify';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { loadSharp } from '../images/load-sharp';

export const IMAGE_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** The largest image body any route takes; each route checks its own, smaller limit. */
export const IMAGE_BODY_LIMIT_BYTES = 8 * 1024 * 1024;
/** Decompression bombs: a 10 KB PNG can claim 50,000 × 50,000 pixels. */
const MAX_INPUT_PIXELS = 40_000_000;

/** Lets the photo and post image routes take the image file itself as the body (`Content-Type: image/jpeg`, …). */
export function registerImageBodyParser(fastify: FastifyInstance | undefined): void {
  if (!fastify?.addContentTypeParser) return;
  for (const type of IMAGE_CONTENT_TYPES) {
    if (fastify.hasContentTypeParser(type)) continue;
    fastify.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: IMAGE_BODY_LIMIT_BYTES }, (_request, body, done) => done(null, body));
  }
}

export interface ProcessedImage {
  content: Buffer;
  contentType: 'image/jpeg';
}

/**
 * Checks an uploaded image — declared type, size, and that the bytes really are that format — and
 * re-encodes it: turned upright, fitted into `width`×`height`, as JPEG without metadata (no GPS position
 * from a phone's photo ends up public).
 */
export async function processImage(
  body: unknown,
  declaredType: string | undefined,
  limits: { maxBytes: number; width: number; height: number; fit: 'cover' | 'inside' },
): Promise<ProcessedImage> {
  const type = (declaredType ?? '').split(';')[0].trim().toLowerCase();
  if (!(IMAGE_CONTENT_TYPES as readonly string[]).includes(type) || !Buffer.isBuffer(body)) {
    throw new DomainError(ErrorCode.ValidationFailed, `Send the image as the request body with Content-Type ${IMAGE_CONTENT_TYPES.join(', ')}.`, {
      fields: [{ field: 'image', problem: `image must be one of ${IMAGE_CONTENT_TYPES.join(', ')}` }],
    });
  }
  if (body.length === 0) throw DomainError.invalidField('image', 'image must not be empty');
  if (body.length > limits.maxBytes) {
    throw new DomainError(ErrorCode.PayloadTooLarge, `The image is larger than ${Math.round(limits.maxBytes / 1024 / 1024)} MB.`);
  }
  const sharp = await loadSharp();
  let format: string | undefined;
  try {
    format = (await sharp(body, { limitInputPixels: MAX_INPUT_PIXELS }).metadata()).format;
  } catch {
    format = undefined;
  }
  const expected = type.replace('image/', '');
  if (format !== expected) {
    throw DomainError.invalidField('image', `image is not a readable ${expected.toUpperCase()} file`);
  }
  try {
    const content = await sharp(body, { limitInputPixels: MAX_INPUT_PIXELS })
      .rotate()
      .resize(limits.width, limits.height, { fit: limits.fit, withoutEnlargement: limits.fit === 'inside' })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer();
    return { content, contentType: 'image/jpeg' };
  } catch {
    throw DomainError.invalidField('image', 'image could not be read (too many pixels or a damaged file)');
  }
}
