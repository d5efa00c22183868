/** The image types the proxy passes on; everything else (SVG above all, which can carry script) is refused. */
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

/** The media type of a Content-Type header value, if it is one we pass on. */
export function declaredImageType(contentType: string | undefined): ImageType | null {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  const normalized = type === 'image/jpg' || type === 'image/pjpeg' ? 'image/jpeg' : type;
  return (IMAGE_TYPES as readonly string[]).includes(normalized) ? (normalized as ImageType) : null;
}

/**
 * What the bytes really are, by their magic numbers. The proxy serves this type, not the declared
 * one, so HTML or SVG labelled as a PNG never leaves the portal as something a browser would run.
 */
export function sniffImageType(bytes: Buffer): ImageType | null {
  const ascii = (from: number, to: number) => bytes.subarray(from, to).toString('latin1');
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (ascii(0, 8) === '\x89PNG\r\n\x1a\n') return 'image/png';
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  if (ascii(4, 8) === 'ftyp' && ['avif', 'avis'].includes(ascii(8, 12))) return 'image/avif';
  return null;
}
