/** Schemes an item's links may use; everything else (javascript:, data:, vbscript:, file:, …) is dropped. */
export const LINK_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);
export const IMAGE_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:']);

// C0 controls, DEL and C1 controls: browsers skip some of them inside a scheme ("java\x01script:").
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/g;

function parseBase(baseUrl: string | undefined): URL | undefined {
  if (!baseUrl) return undefined;
  try {
    const base = new URL(baseUrl);
    return base.protocol === 'http:' || base.protocol === 'https:' ? base : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Resolves `raw` (already entity-decoded by the HTML parser) against `baseUrl` with the WHATWG URL parser,
 * the same parser the reader's browser uses, and returns the absolute, re-serialised URL when its scheme is
 * allowed. Returning the serialised form (not `raw`) means what we checked is exactly what the browser gets.
 * Relative URLs without a usable base are dropped: inside a city's widget they would point at the city site.
 */
export function resolveSafeUrl(
  raw: string | undefined,
  baseUrl: string | undefined,
  schemes: ReadonlySet<string> = LINK_SCHEMES,
): string | null {
  if (raw === undefined) return null;
  const cleaned = raw.replace(CONTROL_CHARS, '').trim();
  if (!cleaned) return null;
  const base = parseBase(baseUrl);
  let url: URL;
  try {
    if (base) {
      url = new URL(cleaned, base);
    } else if (/^[/\\]{2}/.test(cleaned)) {
      url = new URL(`https:${cleaned}`);
    } else {
      url = new URL(cleaned);
    }
  } catch {
    return null;
  }
  if (!schemes.has(url.protocol)) return null;
  if ((url.protocol === 'http:' || url.protocol === 'https:') && !url.hostname) return null;
  // Credentials in links are a phishing trick ("https://bank.example@evil.example").
  if (url.username || url.password) return null;
  return url.href;
}
