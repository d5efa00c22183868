import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip, gzipSync } from 'node:zlib';
import { FeedFetcher, FetchError, FetchErrorCode } from './index';
import { FeedTestServer } from './testing/feed-test-server';

const MiB = 1024 * 1024;

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof FetchError)) throw new Error(`expected a FetchError, got ${String(error)}`);
  return error;
}

/** Writes one byte every few milliseconds until the client goes away. */
function drip(response: ServerResponse): void {
  response.writeHead(200, { 'Content-Type': 'text/xml' });
  const timer = setInterval(() => response.write(' '), 20);
  response.on('close', () => clearInterval(timer));
}

/** Zeros without end: if the fetcher inflated everything it receives, it would never return. */
function endlessZeros(): Readable {
  const block = Buffer.alloc(64 * 1024);
  return new Readable({
    read() {
      this.push(block);
    },
  });
}

describe('FeedFetcher limits', () => {
  const server = new FeedTestServer();
  const gzipBomb = gzipSync(Buffer.alloc(50 * MiB));
  let endlessBombClosed: Promise<void> = Promise.resolve();

  beforeAll(async () => {
    server
      .route('/hang', () => {
        // Accepts the connection, never answers.
      })
      .route('/drip', (_request, response) => drip(response))
      .route('/drip-after-redirect', (_request, response) => {
        response.writeHead(302, { Location: '/drip' }).end();
      })
      .route('/eleven-mb', (_request, response) => {
        response.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Length': 11 * MiB });
        response.end(Buffer.alloc(11 * MiB, 0x20));
      })
      .route('/eleven-mb-chunked', (_request, response) => {
        response.writeHead(200, { 'Content-Type': 'text/xml' });
        const chunks = Array.from({ length: 176 }, () => Buffer.alloc(64 * 1024, 0x20)); // 11 MiB
        void pipeline(Readable.from(chunks), response).catch(() => undefined);
      })
      .route('/gzip-bomb', (_request, response) => {
        response.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Encoding': 'gzip' }).end(gzipBomb);
      })
      .route('/endless-gzip', (_request, response) => {
        response.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Encoding': 'gzip' });
        endlessBombClosed = new Promise((resolve) => response.on('close', () => resolve()));
        void pipeline(endlessZeros(), createGzip(), response).catch(() => undefined);
      })
      .route('/thousand-bytes', (_request, response) => {
        response.writeHead(200).end(Buffer.alloc(1000, 0x41));
      })
      .route('/thousand-and-one-bytes', (_request, response) => {
        response.writeHead(200).end(Buffer.alloc(1001, 0x41));
      });
    await server.start();
  });

  afterAll(() => server.stop());

  const allowed = { allowPrivateHosts: ['127.0.0.1'] };

  it('gives up on a server that never answers after connectTimeoutMs', async () => {
    const fetcher = new FeedFetcher({ ...allowed, connectTimeoutMs: 200 });
    const started = Date.now();

    const error = await failure(fetcher.fetch(server.url('/hang')));

    expect(error.code).toBe(FetchErrorCode.Timeout);
    expect(error.message).toBe('The server did not answer within 0.2 seconds');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('aborts a slow drip after totalTimeoutMs, although bytes keep arriving', async () => {
    // The headers come at once; a generous connect timeout keeps a loaded machine from failing the test early.
    const fetcher = new FeedFetcher({ ...allowed, connectTimeoutMs: 10_000, totalTimeoutMs: 400 });
    const started = Date.now();

    const error = await failure(fetcher.fetch(server.url('/drip')));

    const took = Date.now() - started;
    expect(error.code).toBe(FetchErrorCode.Timeout);
    expect(error.message).toBe('The feed did not finish downloading within 0.4 seconds');
    expect(took).toBeGreaterThanOrEqual(350);
    expect(took).toBeLessThan(10_000);
  });

  it('counts the total timeout across redirects', async () => {
    // Room enough for a loaded machine to follow the redirect before the deadline; the drip never ends,
    // so the total timeout still fires, on the redirect's target.
    const fetcher = new FeedFetcher({ ...allowed, totalTimeoutMs: 2_000 });
    const hopsBefore = { redirect: server.hits('/drip-after-redirect'), drip: server.hits('/drip') };

    const error = await failure(fetcher.fetch(server.url('/drip-after-redirect')));

    expect(error.code).toBe(FetchErrorCode.Timeout);
    expect(error.message).toBe('The feed did not finish downloading within 2 seconds');
    expect(error.url).toBe(server.url('/drip'));
    expect({ redirect: server.hits('/drip-after-redirect') - hopsBefore.redirect, drip: server.hits('/drip') - hopsBefore.drip }).toEqual({ redirect: 1, drip: 1 });
  });

  it('refuses an 11 MB body with TOO_LARGE (default limit 10 MiB)', async () => {
    const error = await failure(new FeedFetcher(allowed).fetch(server.url('/eleven-mb')));

    expect(error.code).toBe(FetchErrorCode.TooLarge);
    expect(error.message).toBe('The feed is larger than 10 MB; only feeds up to 10 MB are read');
  });

  it('counts an 11 MB body sent without Content-Length as well', async () => {
    const error = await failure(new FeedFetcher(allowed).fetch(server.url('/eleven-mb-chunked')));

    expect(error.code).toBe(FetchErrorCode.TooLarge);
  });

  it('accepts a body of exactly maxBytes and refuses one byte more', async () => {
    const fetcher = new FeedFetcher({ ...allowed, maxBytes: 1000 });

    await expect(fetcher.fetch(server.url('/thousand-bytes'))).resolves.toMatchObject({ bytes: 1000 });
    const error = await failure(fetcher.fetch(server.url('/thousand-and-one-bytes')));
    expect(error.code).toBe(FetchErrorCode.TooLarge);
    expect(error.message).toBe('The feed is larger than 1000 bytes; only feeds up to 1000 bytes are read');
  });

  it('stops a gzip bomb (50 MB of zeros in ~50 KB) at the limit after decompression', async () => {
    expect(gzipBomb.length).toBeLessThan(100 * 1024);

    const error = await failure(new FeedFetcher(allowed).fetch(server.url('/gzip-bomb')));

    expect(error.code).toBe(FetchErrorCode.TooLarge);
  });

  it('stops inflating an endless gzip stream and closes the connection', async () => {
    const fetcher = new FeedFetcher({ ...allowed, maxBytes: 2 * MiB, totalTimeoutMs: 5000 });

    const error = await failure(fetcher.fetch(server.url('/endless-gzip')));

    // Not a timeout: the size limit cut it off, and the server saw the connection close.
    expect(error.code).toBe(FetchErrorCode.TooLarge);
    await endlessBombClosed;
  });

  it('ends with ABORTED when the caller aborts, e.g. on shutdown', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);

    const error = await failure(new FeedFetcher(allowed).fetch(server.url('/drip'), { signal: controller.signal }));

    expect(error.code).toBe(FetchErrorCode.Aborted);
    expect(error.message).toBe('The fetch was cancelled before it finished');
  });

  it('does not even send a request when the caller’s signal is already aborted', async () => {
    const requestsBefore = server.received.length;

    const fetching = new FeedFetcher(allowed).fetch(server.url('/thousand-bytes'), { signal: AbortSignal.abort() });

    const error = await failure(fetching);

    expect(error.code).toBe(FetchErrorCode.Aborted);
    expect(server.received.length).toBe(requestsBefore);
  });

  it('rejects limits that make no sense when it is built', () => {
    expect(() => new FeedFetcher({ maxBytes: 0 })).toThrow(RangeError);
    expect(() => new FeedFetcher({ totalTimeoutMs: Number.NaN })).toThrow(RangeError);
    expect(() => new FeedFetcher({ maxRedirects: -1 })).toThrow(RangeError);
  });
});
