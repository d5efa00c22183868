import { FacebookPageFetchService } from '../facebook/facebook-page-fetch.service';
import { newSource } from '../testing/factories';
import { FakeGraphApi, fakeGraphEnv } from '../testing/fake-graph-api';
import { createTestApp, type TestApp } from '../testing/test-app';
import { facebookSignature } from './webhook-signature';

describe('Facebook webhooks', () => {
  let t: TestApp;
  let fb: FakeGraphApi;
  beforeAll(async () => {
    fb = await new FakeGraphApi().start();
    t = await createTestApp(fakeGraphEnv(fb, { FACEBOOK_WEBHOOK_VERIFY_TOKEN: 'ruhr-verify-token' }));
  });
  afterAll(async () => {
    await t.close();
    await fb.stop();
  });

  const handshake = (query: string) => t.app.inject({ method: 'GET', url: `/api/webhooks/facebook?${query}` });

  it('answers the verification handshake with the challenge, as plain text', async () => {
    const ok = await handshake('hub.mode=subscribe&hub.verify_token=ruhr-verify-token&hub.challenge=1158201444');
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toBe('1158201444');
    expect(ok.headers['content-type']).toMatch(/^text\/plain/);
  });

  it.each([
    ['a wrong verify token', 'hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1'],
    ['another mode', 'hub.mode=unsubscribe&hub.verify_token=ruhr-verify-token&hub.challenge=1'],
    ['no challenge', 'hub.mode=subscribe&hub.verify_token=ruhr-verify-token'],
  ])('refuses a handshake with %s (403)', async (_label, query) => {
    expect((await handshake(query)).statusCode).toBe(403);
  });

  function update(pageIds: string[]): string {
    // Facebook's own spacing: the signature is over these exact bytes, not over a re-serialisation.
    return `{"object": "page", "entry": [${pageIds.map((id) => `{"id": "${id}", "time": 1795620000, "changes": [{"field": "feed", "value": {"item": "status", "verb": "add", "post_id": "${id}_1"}}]}`).join(', ')}]}`;
  }
  const post = (body: string, headers: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: '/api/webhooks/facebook', headers: { 'content-type': 'application/json', ...headers }, payload: body });

  it('accepts a correctly signed update and reads the changed page at once', async () => {
    const page = fb.addPage({ name: 'Stadt Essen', posts: 2 });
    const source = await newSource(t.dataSource, { type: 'facebook_page', externalId: page.id, url: null, name: 'Stadt Essen' });
    const body = update([page.id, '123456']);
    const response = await post(body, { 'x-hub-signature-256': facebookSignature(body, fb.appSecret) });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ pages: 2, sources: 1 });
    const [row] = await t.dataSource.query('SELECT next_fetch_at <= now() AS due FROM sources WHERE id = $1', [source.id]);
    expect(row.due).toBe(true);

    const pages = t.app.get(FacebookPageFetchService);
    await pages.tick();
    await pages.idle();
    const items: { key: string }[] = await t.dataSource.query('SELECT key FROM items WHERE source_id = $1', [source.id]);
    expect(items).toHaveLength(2);
  });

  it('refuses an update with a wrong signature (403), a signature over other bytes (403) and none (401)', async () => {
    const body = update(['42']);
    expect((await post(body, { 'x-hub-signature-256': facebookSignature(body, 'another-secret') })).statusCode).toBe(403);
    const reserialised = JSON.stringify(JSON.parse(body));
    expect((await post(body, { 'x-hub-signature-256': facebookSignature(reserialised, fb.appSecret) })).statusCode).toBe(403);
    expect((await post(body, { 'x-hub-signature-256': 'sha256=not-hex' })).statusCode).toBe(403);
    const missing = await post(body, {});
    expect(missing.statusCode).toBe(401);
    expect(missing.json().message).toBe('The X-Hub-Signature-256 header is missing.');
  });

  it('says when webhooks are not set up', async () => {
    const bare = await createTestApp({ SCHEDULER_ENABLED: 'false', PUBLISHER_ENABLED: 'false' });
    try {
      expect((await bare.app.inject({ method: 'GET', url: '/api/webhooks/facebook?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1' })).statusCode).toBe(503);
      expect((await bare.app.inject({ method: 'POST', url: '/api/webhooks/facebook', headers: { 'content-type': 'application/json' }, payload: '{}' })).statusCode).toBe(503);
    } finally {
      await bare.close();
    }
  });
});
