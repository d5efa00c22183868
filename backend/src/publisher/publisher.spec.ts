import type { NotificationDto, PostDto } from '@welcome-ruhr/contracts';
import sharp from 'sharp';
import { ambassadorWithChannels, approve, createPost, getPost, inMinutes, type AmbassadorWorld, type Headers } from '../posts/testing/publishing-world';
import { FakeGraphApi, fakeGraphEnv } from '../testing/fake-graph-api';
import { FakeMastodon } from '../testing/fake-mastodon';
import { createTestApp, type TestApp } from '../testing/test-app';
import type { PublishEngine } from './publish-engine';
import { PublisherService } from './publisher.service';
import { drain } from './testing/drain';

/** Publishing through the real SDK and axios against the fake Graph API and the fake Mastodon. */
describe('publisher', () => {
  let t: TestApp;
  let fb: FakeGraphApi;
  let mastodon: FakeMastodon;
  let moderator: Headers;
  let engine: PublishEngine;
  let world: AmbassadorWorld;

  beforeAll(async () => {
    fb = await new FakeGraphApi().start();
    mastodon = await new FakeMastodon().start();
    t = await createTestApp(fakeGraphEnv(fb));
    moderator = (await t.signIn('moderator', { cities: ['dortmund'] })).headers;
    engine = t.app.get(PublisherService).newEngine('test-engine', undefined, { retryBaseMs: 40, retryMaxMs: 200, leaseSeconds: 3, callTimeoutMs: 2000, unknownGraceMs: 3000 });
  });
  beforeEach(async () => {
    world = await ambassadorWithChannels(t, fb, mastodon);
  });
  afterEach(() => {
    fb.clearFaults();
    fb.usageHeaders = {};
  });
  afterAll(async () => {
    await t.close();
    await fb.stop();
    await mastodon.stop();
  });

  let counter = 0;
  /** An approved post due now, with a text of its own. */
  async function duePost(fields: object = {}, channels: 'facebook' | 'mastodon' | 'both' = 'facebook'): Promise<PostDto> {
    const channelIds = channels === 'both' ? [world.facebook.id, world.mastodon!.id] : [channels === 'facebook' ? world.facebook.id : world.mastodon!.id];
    const post = await createPost(t, world.headers, { text: `Termin ${++counter}: Anmeldung im Bürgeramt`, channelIds, asSoonAsApproved: true, ...fields });
    return approve(t, moderator, post.id);
  }
  const publish = (posts: PostDto[], engines = [engine]) => drain(t.dataSource, () => engines, { postIds: posts.map((p) => p.id) });
  const onPage = (post: PostDto) => fb.countMessage(world.page.id, post.text);
  const statuses = (post: PostDto) => mastodon.statusesOf(world.account!.id).filter((s) => s.text.startsWith(post.text)).length;

  it('publishes a due post to its page and account, and shows the id each channel gave it', async () => {
    const post = await duePost({ link: 'https://www.dortmund.de/buergeramt' }, 'both');
    await publish([post]);
    const published = await getPost(t, world.headers, post.id);
    expect(published.status).toBe('published');
    expect(published.publishedAt).not.toBeNull();
    const [facebook, onMastodon] = published.deliveries;
    const fbPost = fb.postsOf(world.page.id).find((p) => p.message === post.text)!;
    expect(facebook).toMatchObject({ channelType: 'facebook_page', status: 'published', externalId: fbPost.id, attempts: 1, error: null });
    expect(fbPost.link).toBe('https://www.dortmund.de/buergeramt');
    const status = mastodon.statusesOf(world.account!.id).at(-1)!;
    expect(onMastodon).toMatchObject({ channelType: 'mastodon', status: 'published', externalId: status.id });
    expect(status.text).toBe(`${post.text}\n\nhttps://www.dortmund.de/buergeramt`);
    expect(mastodon.calls.find((c) => c.path === '/api/v1/statuses')?.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    const notes = (await t.app.inject({ method: 'GET', url: '/api/notifications', headers: world.headers })).json<NotificationDto[]>();
    expect(notes.find((n) => n.postId === post.id)?.kind).toBe('post_published');
  });

  it('waits for the post’s time, and leaves unapproved and cancelled posts alone', async () => {
    const later = await approve(t, moderator, (await createPost(t, world.headers, { text: 'Später', channelIds: [world.facebook.id], scheduledAt: inMinutes(30) })).id);
    const pending = await createPost(t, world.headers, { text: 'Wartet auf Freigabe', channelIds: [world.facebook.id], asSoonAsApproved: true });
    const cancelled = await duePost();
    await t.app.inject({ method: 'POST', url: `/api/posts/${cancelled.id}/cancel`, headers: world.headers });
    expect(await engine.leases.claimDue(10, ['facebook_page', 'mastodon'])).toEqual([]);
    expect(fb.postsOf(world.page.id)).toEqual([]);
    await t.dataSource.query(`UPDATE posts SET scheduled_at = now() WHERE id = $1`, [later.id]);
    await publish([later]);
    expect(fb.postsOf(world.page.id).map((p) => p.message)).toEqual(['Später']);
    expect((await getPost(t, world.headers, pending.id)).status).toBe('pending_review');
  });

  it('posts an image through /photos with its public address and the link in the caption', async () => {
    const created = await createPost(t, world.headers, { text: 'Mit Bild', link: 'https://example.org/a', channelIds: [world.facebook.id], asSoonAsApproved: true });
    const jpeg = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#0a0' } }).jpeg().toBuffer();
    await t.app.inject({ method: 'PUT', url: `/api/posts/${created.id}/image`, headers: { ...world.headers, 'content-type': 'image/jpeg' }, payload: jpeg });
    const post = await approve(t, moderator, created.id);
    await publish([post]);
    const call = fb.callsTo('POST', `/${world.page.id}/photos`).at(-1)!;
    expect(call.body).toMatchObject({ caption: 'Mit Bild\n\nhttps://example.org/a', url: expect.stringMatching(new RegExp(`^https://welcome.ruhr.example/api/public/posts/${post.id}/image\\?v=\\d+$`)) });
    expect((await getPost(t, world.headers, post.id)).deliveries[0].status).toBe('published');
  });

  it('fails on code 190 with a reason in words, asks for a reconnect, and publishes once after reconnect and retry', async () => {
    const post = await duePost();
    fb.revokeToken(world.page.accessToken);
    await publish([post]);
    const failed = await getPost(t, world.headers, post.id);
    expect(failed.status).toBe('failed');
    expect(failed.deliveries[0].error).toMatch(/^Facebook no longer accepts the connection to “.+” \(.*\)\. Reconnect it, then press “Retry”\.$/);
    const channels = (await t.app.inject({ method: 'GET', url: '/api/channels', headers: world.headers })).json<{ status: string }[]>();
    expect(channels.find((c) => c.status === 'needs_reconnect')).toBeDefined();
    const kinds = (await t.app.inject({ method: 'GET', url: '/api/notifications', headers: world.headers })).json<NotificationDto[]>().map((n) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(['channel_needs_reconnect', 'post_failed']));

    const early = await t.app.inject({ method: 'POST', url: `/api/posts/${post.id}/retry`, headers: world.headers });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toMatch(/^Reconnect “.+” first, then retry\.$/);

    const renewed = `${world.page.accessToken}-renewed`;
    world.page.accessToken = renewed;
    await t.app.inject({ method: 'POST', url: '/api/channels', headers: world.headers, payload: { type: 'facebook_page', externalId: world.page.id, accessToken: renewed } });
    const retried = await t.app.inject({ method: 'POST', url: `/api/posts/${post.id}/retry`, headers: world.headers });
    expect(retried.json<PostDto>().status).toBe('publishing');
    await publish([post]);
    expect((await getPost(t, world.headers, post.id)).status).toBe('published');
    expect(onPage(post)).toBe(1);
  });

  it.each([4, 17, 32, 613, 80001])('waits out rate limit %i until Facebook says access returns, holding the page’s other posts', async (code) => {
    const [first, second] = [await duePost(), await duePost()];
    fb.fault({
      method: 'POST',
      path: `/${world.page.id}/feed`,
      error: { code, message: 'Calls to this API have exceeded the rate limit.' },
      headers: {
        'X-App-Usage': JSON.stringify({ call_count: 100, total_time: 20, total_cputime: 20 }),
        'X-Business-Use-Case-Usage': JSON.stringify({ [world.page.id]: [{ type: 'pages', call_count: 100, total_cputime: 20, total_time: 20, estimated_time_to_regain_access: 17 }] }),
      },
    });
    const claimed = await engine.leases.claimDue(1, ['facebook_page']);
    await engine.process(claimed[0]);
    const waiting = (await getPost(t, world.headers, claimed[0].postId)).deliveries[0];
    expect(waiting.status).toBe('pending');
    expect(Date.parse(waiting.nextAttemptAt!) - Date.now()).toBeGreaterThan(16 * 60_000);
    expect(waiting.error).toMatch(/^Facebook's limit for “.+” is reached; the post goes out at about \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\.$/);
    // The page is blocked: its other post is not claimed either.
    expect(await engine.leases.claimDue(10, ['facebook_page'])).toEqual([]);

    await t.dataSource.query(`UPDATE channels SET blocked_until = now() WHERE id = $1`, [world.facebook.id]);
    await t.dataSource.query(`UPDATE post_deliveries SET next_attempt_at = now() WHERE post_id IN ($1, $2)`, [first.id, second.id]);
    await publish([first, second]);
    expect([onPage(first), onPage(second)]).toEqual([1, 1]);
  });

  it('after a 5xx that did take effect, finds the post on the page instead of posting it again', async () => {
    const post = await duePost();
    fb.fault({ method: 'POST', path: `/${world.page.id}/feed`, status: 500, afterEffect: true });
    await publish([post]);
    expect(onPage(post)).toBe(1);
    const [delivery] = (await getPost(t, world.headers, post.id)).deliveries;
    expect(delivery).toMatchObject({ status: 'published', attempts: 1, externalId: fb.postsOf(world.page.id).find((p) => p.message === post.text)!.id });
    expect(fb.callsTo('GET', `/${world.page.id}/posts`).length).toBeGreaterThan(0);
  });

  it('after a 5xx that did not take effect (an HTML error page), looks, finds nothing and posts once', async () => {
    const post = await duePost();
    fb.fault({ method: 'POST', path: `/${world.page.id}/feed`, status: 502, rawBody: '<html>502 Bad Gateway</html>' });
    await publish([post]);
    expect(onPage(post)).toBe(1);
    expect((await getPost(t, world.headers, post.id)).deliveries[0]).toMatchObject({ status: 'published', attempts: 2 });
  });

  it('after a slow answer past the time limit, and after a dropped connection, publishes exactly once', async () => {
    // Calls to the page made since `from`: a look-up (GET /{page}/posts) happens only after a call whose
    // outcome is unknown; a call that simply succeeded is never looked up.
    const since = (from: number) => (method: string, path: string) => fb.calls.slice(from).filter((c) => c.method === method && c.path === path);
    const feed = `/${world.page.id}/feed`;
    const lookUp = `/${world.page.id}/posts`;

    const slow = await duePost();
    const slowCalls = since(fb.calls.length);
    // 3 s against the engine's call time limit (callTimeoutMs 2 s, capped at a third of the 3 s lease: 1 s):
    // the engine gives up on the answer (outcome unknown), the fake makes the post when its 3 s are over,
    // and the engine's look-up after unknownGraceMs finds it instead of posting again.
    fb.fault({ method: 'POST', path: feed, delayMs: 3000 });
    await publish([slow]);
    expect(onPage(slow)).toBe(1);
    expect(slowCalls('POST', feed)).toHaveLength(1);
    expect(slowCalls('GET', lookUp).length).toBeGreaterThan(0);
    const slowPost = fb.postsOf(world.page.id).find((p) => p.message === slow.text);
    expect((await getPost(t, world.headers, slow.id)).deliveries[0]).toMatchObject({ status: 'published', attempts: 1, externalId: slowPost?.id, error: null });

    const dropped = await duePost();
    const droppedCalls = since(fb.calls.length);
    fb.fault({ method: 'POST', path: feed, dropConnection: true, afterEffect: true });
    await publish([dropped]);
    expect(onPage(dropped)).toBe(1);
    expect(droppedCalls('POST', feed)).toHaveLength(1);
    expect(droppedCalls('GET', lookUp).length).toBeGreaterThan(0);
  });

  it('fails a duplicate (506) with words, and gives up after the last try', async () => {
    const duplicate = await duePost();
    fb.fault({ method: 'POST', path: `/${world.page.id}/feed`, error: { code: 506, message: '(#506) Duplicate status message' } });
    await publish([duplicate]);
    expect((await getPost(t, world.headers, duplicate.id)).deliveries[0].error).toMatch(/refused the post as a duplicate of a recent one/);

    const hopeless = await duePost();
    fb.fault({ method: 'POST', path: `/${world.page.id}/feed`, status: 503, times: 20 });
    const impatient = t.app.get(PublisherService).newEngine('impatient', undefined, { retryBaseMs: 10, retryMaxMs: 40, leaseSeconds: 3, callTimeoutMs: 2000, unknownGraceMs: 10 });
    await publish([hopeless], [impatient]);
    const gaveUp = await getPost(t, world.headers, hopeless.id);
    expect(gaveUp.status).toBe('failed');
    expect(gaveUp.deliveries[0].attempts).toBe(8);
    expect(gaveUp.deliveries[0].error).toMatch(/^Facebook did not take the post after several tries\. The last problem: .+ Press “Retry” to try again\.$/);
    expect(onPage(hopeless)).toBe(0);
  });

  it('sends Mastodon statuses with an Idempotency-Key, so a retry after an unknown outcome posts once', async () => {
    const post = await duePost({}, 'mastodon');
    mastodon.fault({ method: 'POST', path: '/api/v1/statuses', status: 503, afterEffect: true });
    mastodon.fault({ method: 'POST', path: '/api/v1/statuses', dropConnection: true, afterEffect: true });
    await publish([post]);
    expect(statuses(post)).toBe(1);
    const keys = mastodon.calls.filter((c) => c.path === '/api/v1/statuses').slice(-3).map((c) => c.idempotencyKey);
    expect(new Set(keys).size).toBe(1);
    expect((await getPost(t, world.headers, post.id)).deliveries[0]).toMatchObject({ status: 'published', attempts: 3 });
  });

  it('lets several processes publish many posts at once, each exactly once', async () => {
    const engines = ['a', 'b', 'c'].map((name) =>
      t.app.get(PublisherService).newEngine(`engine-${name}`, undefined, { retryBaseMs: 40, retryMaxMs: 200, leaseSeconds: 3, callTimeoutMs: 2000, unknownGraceMs: 3000 }),
    );
    const posts: PostDto[] = [];
    for (let i = 0; i < 24; i++) posts.push(await duePost({}, i % 3 === 0 ? 'both' : 'facebook'));
    fb.fault({ method: 'POST', path: /\/feed$/, status: 500, afterEffect: true, times: 3 });
    await publish(posts, engines);
    for (const post of posts) expect(onPage(post)).toBe(1);
    expect(posts.filter((_, i) => i % 3 === 0).map(statuses)).toEqual(Array(8).fill(1));
  });
});
