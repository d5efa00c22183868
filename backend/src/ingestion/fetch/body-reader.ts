import type { Readable } from 'node:stream';
import { FetchError } from './fetch-error';

/**
 * Reads an (already decompressed) body into memory, at most `maxBytes` of it. Counting happens
 * after decompression, so a small gzip bomb is stopped after `maxBytes` of output: destroying the
 * stream tears down the inflater and the socket, and nothing more is inflated.
 */
export async function readLimitedBody(
  body: Readable,
  maxBytes: number,
  url: string,
  signal: AbortSignal,
): Promise<Buffer> {
  // The HTTP client also listens to the signal, but the body must stop even if it did not.
  const stop = () => body.destroy(new Error('fetch aborted'));
  if (signal.aborted) stop();
  signal.addEventListener('abort', stop, { once: true });
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    // Leaving the loop early (the throw below) destroys the stream.
    for await (const chunk of body) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      total += buffer.length;
      if (total > maxBytes) throw FetchError.tooLarge(url, maxBytes);
      chunks.push(buffer);
    }
  } finally {
    signal.removeEventListener('abort', stop);
  }
  return Buffer.concat(chunks, total);
}

/** Discards a body we do not want (redirects, errors, 304) and frees its socket. */
export function discardBody(body: unknown): void {
  if (body && typeof (body as Readable).destroy === 'function') (body as Readable).destroy();
}
