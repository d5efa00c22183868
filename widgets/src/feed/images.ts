/** The widths the image proxy answers for; the widget asks for the next one up from what it shows. */
export const IMAGE_WIDTHS = [160, 320, 480, 640, 960, 1280];
const PROXY_PATH = '/api/public/images/';

/**
 * The image address to load, or null. Only the portal's own image proxy is ever used: a raw address
 * of another host would let that host see the visitor, so it is not loaded at all.
 */
export function proxiedImage(imageUrl: string | null | undefined, origin: string, cssWidth: number, pixelRatio = 1): string | null {
  if (!imageUrl) return null;
  let url: URL;
  try {
    url = new URL(imageUrl, origin);
  } catch {
    return null;
  }
  if (url.origin !== origin || !url.pathname.startsWith(PROXY_PATH) || url.username || url.password) return null;
  const wanted = cssWidth * Math.min(Math.max(pixelRatio, 1), 3);
  url.searchParams.set('w', String(IMAGE_WIDTHS.find((w) => w >= wanted) ?? IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1]));
  url.hash = '';
  return url.toString();
}
