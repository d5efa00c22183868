import { FeedFetcher, FetchError, FetchErrorCode } from './index';
import { FeedTestServer } from './testing/feed-test-server';

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof FetchError)) throw new Error(`expected a FetchError, got ${String(error)}`);
  return error;
}

describe('FeedFetcher SSRF guard', () => {
  const server = new FeedTestServer();

  beforeAll(async () => {
    server
      .route('/feed', (_request, response) => {
        response.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end('<rss/>');
      })
      .route('/to-localhost', (_request, response) => {
        response.writeHead(302, { Location: server.url('/target', 'localhost') }).end();
      })
      .route('/to-127', (_request, response) => {
        response.writeHead(302, { Location: server.url('/target', '127.0.0.1') }).end();
      })
      .route('/to-file', (_request, response) => {
        response.writeHead(302, { Location: 'file:///etc/passwd' }).end();
      })
      .route('/to-nowhere', (_request, response) => {
        response.writeHead(302, { Location: 'http://[not-an-address/' }).end();
      })
      .route('/target', (_request, response) => {
        response.writeHead(200).end('<rss/>');
      });
    await server.start();
  });

  afterAll(() => server.stop());

  it('refuses 127.0.0.1 by default without sending it a request', async () => {
    const error = await failure(new FeedFetcher().fetch(server.url('/feed')));

    expect(error.code).toBe(FetchErrorCode.BlockedAddress);
    expect(error.message).toBe('Refused to connect to 127.0.0.1: private network addresses are not fetched');
    expect(server.hits('/feed')).toBe(0);
  });

  it('checks the address a host name resolves to, so "localhost" is refused by default (DNS rebinding)', async () => {
    const error = await failure(new FeedFetcher().fetch(server.url('/feed', 'localhost')));

    expect(error.code).toBe(FetchErrorCode.BlockedAddress);
    expect(error.message).toMatch(/^Refused to connect to localhost \((127\.0\.0\.1|::1)\): private network addresses/);
    expect(server.hits('/feed')).toBe(0);
  });

  it('lets a host listed in allowPrivateHosts through, matched case-insensitively', async () => {
    const result = await new FeedFetcher({ allowPrivateHosts: [' LocalHost '] }).fetch(server.url('/feed', 'localhost'));

    expect(result).toMatchObject({ status: 200, body: '<rss/>' });
    expect(server.hits('/feed')).toBe(1);
  });

  it('refuses a redirect from an allowed host (127.0.0.1) to one that is not (localhost)', async () => {
    const fetcher = new FeedFetcher({ allowPrivateHosts: ['127.0.0.1'] });

    const error = await failure(fetcher.fetch(server.url('/to-localhost')));

    expect(error.code).toBe(FetchErrorCode.BlockedAddress);
    expect(error.url).toBe(server.url('/target', 'localhost'));
    expect(server.hits('/to-localhost')).toBe(1);
    expect(server.hits('/target')).toBe(0);
  });

  it('refuses a redirect from an allowed host name (localhost) to an IP that is not listed (127.0.0.1)', async () => {
    const fetcher = new FeedFetcher({ allowPrivateHosts: ['localhost'] });

    const error = await failure(fetcher.fetch(server.url('/to-127', 'localhost')));

    expect(error.code).toBe(FetchErrorCode.BlockedAddress);
    expect(error.message).toBe('Refused to connect to 127.0.0.1: private network addresses are not fetched');
    expect(server.hits('/target')).toBe(0);
  });

  it('does not let an allowed 127.0.0.1 cover its IPv4-mapped IPv6 spelling', async () => {
    const fetcher = new FeedFetcher({ allowPrivateHosts: ['127.0.0.1'] });

    const error = await failure(fetcher.fetch(`http://[::ffff:127.0.0.1]:${server.listeningPort}/feed`));

    expect(error.code).toBe(FetchErrorCode.BlockedAddress);
    expect(error.message).toBe('Refused to connect to ::ffff:7f00:1: private network addresses are not fetched');
  });

  // Literal addresses are refused before any socket is opened, so none of these needs a network.
  it.each([
    ['10.0.0.5', 'private 10/8'],
    ['172.16.8.1', 'private 172.16/12'],
    ['192.168.1.1', 'private 192.168/16'],
    ['169.254.169.254', 'link-local, the cloud metadata address'],
    ['100.64.0.1', 'CGNAT 100.64/10'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['2130706433', '127.0.0.1 written as a number'],
    ['[::1]', 'IPv6 loopback'],
    ['[::]', 'IPv6 unspecified'],
    ['[fe80::1]', 'IPv6 link-local'],
    ['[fc00::1]', 'IPv6 unique-local'],
    ['[ff02::1]', 'IPv6 multicast'],
    ['[::ffff:10.0.0.5]', 'IPv4-mapped private address'],
  ])('refuses %s (%s)', async (host) => {
    const error = await failure(new FeedFetcher().fetch(`http://${host}/feed.xml`));

    expect(error.code).toBe(FetchErrorCode.BlockedAddress);
    expect(error.message).toMatch(/^Refused to connect to .+: private network addresses are not fetched$/);
  });

  it('names the refused address the way a moderator would write it', async () => {
    const error = await failure(new FeedFetcher().fetch('https://10.0.0.5/feed.xml'));

    expect(error.message).toBe('Refused to connect to 10.0.0.5: private network addresses are not fetched');
  });

  it('ignores HTTP_PROXY: requests go straight to the feed’s host, the address the guard checks', async () => {
    // Through a proxy, the guard would check the proxy's address and the proxy would reach the feed unchecked.
    const fetcher = new FeedFetcher({ allowPrivateHosts: ['127.0.0.1', 'feeds.intranet.invalid'] });
    const requestsBefore = server.received.length;
    process.env.HTTP_PROXY = server.url('');
    try {
      const error = await failure(fetcher.fetch('http://feeds.intranet.invalid/feed.xml'));

      expect(error.code).toBe(FetchErrorCode.Dns);
      expect(server.received.length).toBe(requestsBefore);
    } finally {
      delete process.env.HTTP_PROXY;
    }
  });

  it.each([
    ['file:///etc/passwd', 'file'],
    ['ftp://example.org/feed.xml', 'ftp'],
    ['data:text/xml,<rss/>', 'data'],
    ['javascript:alert(1)', 'javascript'],
    ['gopher://example.org/', 'gopher'],
  ])('refuses %s as INVALID_URL', async (url, scheme) => {
    const error = await failure(new FeedFetcher().fetch(url));

    expect(error.code).toBe(FetchErrorCode.InvalidUrl);
    expect(error.message).toBe(`“${url}” uses ${scheme}; only http and https addresses are fetched`);
  });

  it.each(['', 'not a url', 'http://', '//example.org/feed'])('refuses %p as INVALID_URL', async (url) => {
    const error = await failure(new FeedFetcher().fetch(url));

    expect(error.code).toBe(FetchErrorCode.InvalidUrl);
    expect(error.message).toBe(`“${url}” is not a valid web address`);
  });

  it('refuses a redirect to a file: URL', async () => {
    const error = await failure(new FeedFetcher({ allowPrivateHosts: ['127.0.0.1'] }).fetch(server.url('/to-file')));

    expect(error.code).toBe(FetchErrorCode.InvalidUrl);
    expect(error.message).toBe('“file:///etc/passwd” uses file; only http and https addresses are fetched');
  });

  it('refuses a redirect to a Location that is no URL', async () => {
    const error = await failure(new FeedFetcher({ allowPrivateHosts: ['127.0.0.1'] }).fetch(server.url('/to-nowhere')));

    expect(error.code).toBe(FetchErrorCode.InvalidUrl);
  });
});
