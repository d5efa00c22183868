import * as iconv from 'iconv-lite';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { FeedFetcher, FetchError, FetchErrorCode } from './index';
import { FeedTestServer } from './testing/feed-test-server';

const RSS = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bochum</title></channel></rss>';
const ETAG = '"v1-abc"';
const LAST_MODIFIED = 'Sat, 01 Mar 2025 10:00:00 GMT';

/** The FetchError a promise rejects with, so a test can check code and message together. */
async function failure(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof FetchError)) throw new Error(`expected a FetchError, got ${String(error)}`);
  return error;
}

describe('FeedFetcher over HTTP', () => {
  const server = new FeedTestServer();
  // Only 127.0.0.1 is allowed through the SSRF guard, exactly as FETCH_ALLOW_PRIVATE_HOSTS does in e2e runs.
  const fetcher = new FeedFetcher({ allowPrivateHosts: ['127.0.0.1'], publicUrl: 'https://welcome-ruhr.example/' });

  beforeAll(async () => {
    server
      .route('/feed', (request, response) => {
        if (request.headers['if-none-match'] === ETAG || request.headers['if-modified-since'] === LAST_MODIFIED) {
          response.writeHead(304, { ETag: ETAG }).end();
          return;
        }
        response
          .writeHead(200, {
            'Content-Type': 'application/rss+xml; charset=utf-8',
            ETag: ETAG,
            'Last-Modified': LAST_MODIFIED,
            'Cache-Control': 'public, max-age=900',
          })
          .end(RSS);
      })
      .route('/not-modified-without-validators', (_request, response) => {
        response.writeHead(304).end();
      })
      .route('/moved', (_request, response) => {
        response.writeHead(301, { Location: 'feed' }).end('<p>moved</p>');
      })
      .route('/away', (_request, response) => {
        response.writeHead(302, { Location: '/does/not/matter' }).end();
      })
      .route('/found-without-location', (_request, response) => {
        response.writeHead(302).end();
      })
      .route('/error', (_request, response) => {
        response.writeHead(500, 'Kaputt').end('stack trace');
      })
      .route('/gone', (_request, response) => {
        response.writeHead(404).end();
      })
      .route('/busy', (_request, response) => {
        response.writeHead(429, { 'Retry-After': '120' }).end();
      })
      .route('/maintenance', (_request, response) => {
        const inFiveMinutes = new Date(Date.now() + 300_000).toUTCString();
        response.writeHead(503, { 'Retry-After': inFiveMinutes }).end();
      })
      .route('/broken-gzip', (_request, response) => {
        response.writeHead(200, { 'Content-Encoding': 'gzip' }).end('this is not gzip at all');
      })
      .route('/zstd', (_request, response) => {
        response.writeHead(200, { 'Content-Encoding': 'zstd' }).end('28b52ffd');
      });
    // /chain/N redirects to the relative "N-1" (resolved against /chain/N) until /chain/0 serves the feed.
    for (let hop = 0; hop <= 6; hop++) {
      server.route(`/chain/${hop}`, (_request, response) => {
        if (hop === 0) response.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(RSS);
        else response.writeHead(hop % 2 ? 302 : 307, { Location: String(hop - 1) }).end();
      });
    }
    for (const [encoding, compress] of [
      ['gzip', gzipSync],
      ['deflate', deflateSync],
      ['br', brotliCompressSync],
    ] as const) {
      server.route(`/compressed/${encoding}`, (_request, response) => {
        response.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Encoding': encoding });
        response.end(compress(Buffer.from(RSS)));
      });
    }
    await server.start();
  });

  afterAll(() => server.stop());

  it('returns the body, validators and freshness of a 200', async () => {
    const result = await fetcher.fetch(server.url('/feed'));

    expect(result).toEqual({
      status: 200,
      notModified: false,
      body: RSS,
      bytes: Buffer.byteLength(RSS),
      contentType: 'application/rss+xml; charset=utf-8',
      finalUrl: server.url('/feed'),
      etag: ETAG,
      lastModified: LAST_MODIFIED,
      cacheControlMaxAge: 900,
      retryAfterSeconds: undefined,
      redirects: 0,
      durationMs: expect.any(Number),
    });
  });

  it('identifies itself with a User-Agent naming the portal and asks for feed types first', async () => {
    await fetcher.fetch(server.url('/feed?ua'));

    const { headers } = server.received[server.received.length - 1];
    expect(headers['user-agent']).toBe('WelcomeRuhrBot/1.0 (+https://welcome-ruhr.example)');
    expect(headers['accept']).toMatch(/^application\/rss\+xml, application\/atom\+xml/);
    expect(headers['accept-encoding']).toContain('gzip');
  });

  it('sends a custom Accept and User-Agent when configured', async () => {
    const custom = new FeedFetcher({ allowPrivateHosts: ['127.0.0.1'], userAgent: 'TestBot/2' });

    await custom.fetch(server.url('/feed?custom'), { accept: 'application/feed+json' });

    const { headers } = server.received[server.received.length - 1];
    expect(headers['user-agent']).toBe('TestBot/2');
    expect(headers['accept']).toBe('application/feed+json');
  });

  it('makes a conditional GET with If-None-Match and reports 304 as not modified, without a body', async () => {
    const result = await fetcher.fetch(server.url('/feed'), { etag: ETAG });

    expect(server.received[server.received.length - 1].headers['if-none-match']).toBe(ETAG);
    expect(result).toMatchObject({ status: 304, notModified: true, bytes: 0, etag: ETAG });
    expect(result.body).toBeUndefined();
  });

  it('makes a conditional GET with If-Modified-Since', async () => {
    const result = await fetcher.fetch(server.url('/feed'), { lastModified: LAST_MODIFIED });

    expect(server.received[server.received.length - 1].headers['if-modified-since']).toBe(LAST_MODIFIED);
    expect(result.notModified).toBe(true);
  });

  it('keeps the validators it sent when a 304 repeats none', async () => {
    const validators = { etag: ETAG, lastModified: LAST_MODIFIED };

    const result = await fetcher.fetch(server.url('/not-modified-without-validators'), validators);

    expect(result).toMatchObject({ notModified: true, etag: ETAG, lastModified: LAST_MODIFIED });
  });

  it('follows a relative Location and reports the final URL', async () => {
    const result = await fetcher.fetch(server.url('/moved'));

    expect(result).toMatchObject({ status: 200, body: RSS, redirects: 1, finalUrl: server.url('/feed') });
  });

  it('follows up to maxRedirects (5) redirects', async () => {
    const result = await fetcher.fetch(server.url('/chain/5'));

    expect(result).toMatchObject({ status: 200, redirects: 5, finalUrl: server.url('/chain/0') });
  });

  it('gives up on the 6th redirect with TOO_MANY_REDIRECTS, before requesting its target', async () => {
    const endReachedBefore = server.hits('/chain/0');

    const error = await failure(fetcher.fetch(server.url('/chain/6')));

    expect(error.code).toBe(FetchErrorCode.TooManyRedirects);
    expect(error.message).toBe('The feed address redirected more than 5 times; please check the address');
    expect(server.hits('/chain/1')).toBeGreaterThan(0);
    expect(server.hits('/chain/0')).toBe(endReachedBefore);
  });

  it('honours a smaller maxRedirects', async () => {
    const strict = new FeedFetcher({ allowPrivateHosts: ['127.0.0.1'], maxRedirects: 0 });

    const error = await failure(strict.fetch(server.url('/away')));

    expect(error.code).toBe(FetchErrorCode.TooManyRedirects);
    expect(server.hits('/does/not/matter')).toBe(0);
  });

  it('reports a redirect without a Location as an HTTP status problem', async () => {
    const error = await failure(fetcher.fetch(server.url('/found-without-location')));

    expect(error).toMatchObject({ code: FetchErrorCode.HttpStatus, status: 302 });
    expect(error.message).toBe('The server answered 302 Found but did not say where the feed moved');
  });

  it('turns a 500 into HTTP_STATUS with the standard reason phrase, not the server’s', async () => {
    const error = await failure(fetcher.fetch(server.url('/error')));

    expect(error).toMatchObject({ code: FetchErrorCode.HttpStatus, status: 500, url: server.url('/error') });
    expect(error.message).toBe('The server answered 500 Internal Server Error (the problem is on the feed’s server)');
  });

  it('explains a 404 to the moderator', async () => {
    const error = await failure(fetcher.fetch(server.url('/gone')));

    expect(error.message).toBe('The server answered 404 Not Found (the feed address may have changed)');
  });

  it('keeps Retry-After in seconds on a 429', async () => {
    const error = await failure(fetcher.fetch(server.url('/busy')));

    expect(error).toMatchObject({ code: FetchErrorCode.HttpStatus, status: 429, retryAfterSeconds: 120 });
    expect(error.message).toBe(
      'The server answered 429 Too Many Requests (we asked too often); it asks to try again in 2 minutes',
    );
  });

  it('keeps Retry-After given as an HTTP-date on a 503', async () => {
    const error = await failure(fetcher.fetch(server.url('/maintenance')));

    expect(error).toMatchObject({ code: FetchErrorCode.HttpStatus, status: 503 });
    // toUTCString() drops the milliseconds, so the wait is just under 300 s.
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(298);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(300);
  });

  it.each(['gzip', 'deflate', 'br'])('decompresses a %s body and counts the decompressed bytes', async (encoding) => {
    const result = await fetcher.fetch(server.url(`/compressed/${encoding}`));

    expect(result.body).toBe(RSS);
    expect(result.bytes).toBe(Buffer.byteLength(RSS));
  });

  it('refuses a content encoding it cannot undo rather than handing on compressed bytes', async () => {
    const error = await failure(fetcher.fetch(server.url('/zstd')));

    expect(error.code).toBe(FetchErrorCode.Network);
    expect(error.message).toBe('The server sent the feed compressed as “zstd”, which cannot be read');
  });

  it('reports a damaged gzip body as NETWORK', async () => {
    const error = await failure(fetcher.fetch(server.url('/broken-gzip')));

    expect(error.code).toBe(FetchErrorCode.Network);
    expect(error.message).toBe('The compressed feed from 127.0.0.1 is damaged and cannot be read');
  });

  it('reports a refused connection as NETWORK', async () => {
    const closed = await new FeedTestServer().start();
    const url = closed.url('/feed');
    await closed.stop();

    const error = await failure(fetcher.fetch(url));

    expect(error.code).toBe(FetchErrorCode.Network);
    expect(error.message).toBe('Could not read from 127.0.0.1: the connection was refused');
  });

  it('reports a host name that does not exist as DNS', async () => {
    const error = await failure(new FeedFetcher().fetch('http://no-such-feed.invalid/rss'));

    expect(error.code).toBe(FetchErrorCode.Dns);
    // ".invalid" never resolves (RFC 6761); a resolver without network says "for now" instead of "does not exist".
    expect(error.message).toMatch(/^The server name no-such-feed\.invalid could not be found \(/);
  });
});

describe('FeedFetcher charset decoding', () => {
  const server = new FeedTestServer();
  const fetcher = new FeedFetcher({ allowPrivateHosts: ['127.0.0.1'] });
  const serve = (path: string, contentType: string, body: Buffer) =>
    server.route(path, (_request, response) => {
      response.writeHead(200, { 'Content-Type': contentType }).end(body);
    });
  const latin = (text: string) => Buffer.from(text, 'latin1');
  const euroAe = Buffer.from([0x80, 0xe4]); // "€ä" in windows-1252

  beforeAll(async () => {
    serve(
      '/latin1-header',
      'application/rss+xml; charset=ISO-8859-1',
      Buffer.concat([latin('<t>'), euroAe, latin('</t>')]),
    );
    serve(
      '/cp1252-declaration',
      'text/xml',
      Buffer.concat([latin('<?xml version="1.0" encoding="windows-1252"?><t>'), euroAe, latin('</t>')]),
    );
    serve(
      '/utf16le-bom',
      'application/xml',
      iconv.encode('<?xml version="1.0" encoding="UTF-16"?><t>Grüße €</t>', 'utf-16le', { addBOM: true }),
    );
    // Header and declaration disagree; the bytes are really UTF-8, as the header says.
    serve(
      '/header-beats-declaration',
      'text/xml; charset=utf-8',
      Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><t>Mülheim</t>', 'utf8'),
    );
    serve('/no-charset', 'application/feed+json', Buffer.from('{"title":"Zuwanderung – Übersicht"}', 'utf8'));
    await server.start();
  });

  afterAll(() => server.stop());

  it('decodes ISO-8859-1 named in the header as windows-1252 (0x80 → €, 0xE4 → ä)', async () => {
    expect((await fetcher.fetch(server.url('/latin1-header'))).body).toBe('<t>€ä</t>');
  });

  it('decodes windows-1252 named only in the XML declaration', async () => {
    expect((await fetcher.fetch(server.url('/cp1252-declaration'))).body).toBe(
      '<?xml version="1.0" encoding="windows-1252"?><t>€ä</t>',
    );
  });

  it('decodes UTF-16LE by its BOM and drops the BOM', async () => {
    const { body } = await fetcher.fetch(server.url('/utf16le-bom'));

    expect(body).toBe('<?xml version="1.0" encoding="UTF-16"?><t>Grüße €</t>');
  });

  it('follows the HTTP header when it disagrees with the XML declaration (RFC 7303)', async () => {
    // Had the declaration won, "ü" would read as "Ã¼".
    expect((await fetcher.fetch(server.url('/header-beats-declaration'))).body).toContain('<t>Mülheim</t>');
  });

  it('reads a body without any charset as UTF-8', async () => {
    expect((await fetcher.fetch(server.url('/no-charset'))).body).toBe('{"title":"Zuwanderung – Übersicht"}');
  });
});
