import { FeedFetcher } from './index';
import { FeedTestServer } from './testing/feed-test-server';

it('smoke', async () => {
  const server = await new FeedTestServer().route('/feed', (_q, r) => { r.writeHead(200, { 'content-type': 'text/xml' }).end('<rss/>'); }).start();
  try {
    for (const [allow, url] of [[[], server.url('/feed')], [['127.0.0.1'], server.url('/feed')], [[], server.url('/feed', 'localhost')], [['localhost'], server.url('/feed', 'localhost')], [[], 'http://nothing.invalid/'], [[], 'http://[::ffff:127.0.0.1]/'], [[], 'http://0.0.0.0/']] as [string[], string][]) {
      try { console.log(url, allow, await new FeedFetcher({ allowPrivateHosts: allow }).fetch(url)); }
      catch (e) { const err = e as any; console.log(url, allow, err.code, err.message, err.cause?.message); }
    }
  } finally { await server.stop(); }
});
