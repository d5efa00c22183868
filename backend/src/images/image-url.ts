import { createHmac, timingSafeEqual } from 'node:crypto';

/** Where the image proxy answers; the widget loads images from nowhere else. */
export const IMAGE_PROXY_PATH = '/api/public/images';

/** The widths the proxy accepts as `?w=` (the widget picks the next one up from what it shows). */
export const IMAGE_WIDTHS = [160, 320, 480, 640, 960, 1280] as const;

const SIGNATURE_BYTES = 16;
const MAX_URL_LENGTH = 4096;

/**
 * The proxy's own key, derived from SECRET_KEY, so that a leaked image signature says nothing about
 * the key that encrypts stored tokens, and the two uses can never be confused.
 */
export function imageProxyKey(secretKey: string): Buffer {
  return createHmac('sha256', secretKey).update('welcome-ruhr/image-proxy/v1').digest();
}

function signature(key: Buffer, url: string): Buffer {
  return createHmac('sha256', key).update(url).digest().subarray(0, SIGNATURE_BYTES);
}

/** Only absolute http(s) addresses of a sane length are worth signing. */
export function isProxyableUrl(url: string): boolean {
  if (url.length > MAX_URL_LENGTH) return false;
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
}

/**
 * `/api/public/images/<signature>/<base64url of the address>`: root-relative, so the address works on
 * whatever origin the portal is reached under (the widget resolves it against its script's origin).
 */
export function signedImagePath(url: string, key: Buffer): string {
  const encoded = Buffer.from(url, 'utf8').toString('base64url');
  return `${IMAGE_PROXY_PATH}/${signature(key, url).toString('base64url')}/${encoded}`;
}

/** The original address if the signature is ours, else null (no detail about what was wrong). */
export function verifiedImageUrl(givenSignature: string, encodedUrl: string, key: Buffer): string | null {
  if (!/^[\w-]{1,64}$/.test(givenSignature) || !/^[\w-]{1,6000}$/.test(encodedUrl)) return null;
  const url = Buffer.from(encodedUrl, 'base64url').toString('utf8');
  const given = Buffer.from(givenSignature, 'base64url');
  const expected = signature(key, url);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return isProxyableUrl(url) ? url : null;
}
