import type { ModerationPostsResponse, PostDto, PostPreviewDto } from '@welcome-ruhr/contracts';
import sharp from 'sharp';
import { newItem, newSource } from '../testing/factories';
import { FakeGraphApi, fakeGraphEnv } from '../testing/fake-graph-api';
import { FakeMastodon } from '../testing/fake-mastodon';
import { createTestApp, type TestApp } from '../testing/test-app';
import { ambassadorWithChannels, approve, createPost, getPost, inMinutes, type AmbassadorWorld, type Headers } from './testing/publishing-world';

describe('posts: compose, review, edit, cancel, share', () => {
  let t: TestApp;
  let fb: FakeGraphApi;
  let mastodon: FakeMastodon;
  let ayse: AmbassadorWorld;
  let moderator: Headers;
  beforeAll(async () => {
    fb = await new FakeGraphApi().start();
    mastodon = await new FakeMastodon().start();
    t = await createTestApp(fakeGraphEnv(fb));
    ayse = await ambassadorWithChannels(t, fb, mastodon, ['dortmund']);
    moderator = (await t.signIn('moderator', { cities: ['dortmund'] })).headers;
  });
  afterAll(async () => {
    await t.close();
    await fb.stop();
    await mastodon.stop();
  });

  const post = (payload: object = {}) =>
    createPost(t, ayse.headers, { text: 'Bürgeramt: neue Termine', channelIds: [ayse.facebook.id], scheduledAt: inMinutes(60), ...payload });

  it('sends a post for review with its channels, and the moderator of the city sees it', async () => {
    const created = await post({ link: 'https://www.dortmund.de/termine', channelIds: [ayse.facebook.id, ayse.mastodon!.id] });
    expect(created).toMatchObject({ status: 'pending_review', ambassadorId: ayse.ambassadorId, link: 'https://www.dortmund.de/termine', asSoonAsApproved: false });
    expect(created.deliveries.map((d) => [d.channelType, d.status, d.externalId])).toEqual([
      ['facebook_page', 'pending', null],
      ['mastodon', 'pending', null],
    ]);
    const queue = (await t.app.inject({ method: 'GET', url: '/api/moderation/posts', headers: moderator })).json<ModerationPostsResponse>();
    expect(queue.posts.map((p) => p.id)).toContain(created.id);
    expect(queue.counts.pending_review).toBeGreaterThanOrEqual(1);
    const elsewhere = (await t.signIn('moderator', { cities: ['bochum'] })).headers;
    const theirs = (await t.app.inject({ method: 'GET', url: '/api/moderation/posts', headers: elsewhere })).json<ModerationPostsResponse>();
    expect(theirs.posts.map((p) => p.id)).not.toContain(created.id);
    expect((await t.app.inject({ method: 'POST', url: `/api/moderation/posts/${created.id}/approve`, headers: elsewhere })).statusCode).toBe(404);
  });

  it('checks the text against each channel’s limit: Mastodon 500 (links count 23), Facebook 63,206', async () => {
    const long = 'ü'.repeat(490);
    const preview = await t.app.inject({ method: 'POST', url: '/api/posts/preview', headers: ayse.headers, payload: { text: long, link: 'https://example.org/' + 'a'.repeat(200), channelIds: [ayse.facebook.id, ayse.mastodon!.id] } });
    expect(preview.json<PostPreviewDto>().channels.map((c) => [c.channelType, c.length, c.limit, c.fits])).toEqual([
      ['facebook_page', 490, 63206, true],
      ['mastodon', 515, 500, false],
    ]);
    const refused = await t.app.inject({ method: 'POST', url: '/api/posts', headers: ayse.headers, payload: { text: long, link: 'https://example.org/x', channelIds: [ayse.mastodon!.id], scheduledAt: inMinutes(60) } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0].field).toBe('text');
    expect(refused.json().message).toMatch(/515 characters long for Mastodon \(the link counts as 23\).*at most 500/);
    expect((await post({ text: 'x'.repeat(63206) })).status).toBe('pending_review');
    const tooLong = await t.app.inject({ method: 'POST', url: '/api/posts', headers: ayse.headers, payload: { text: 'x'.repeat(63207), channelIds: [ayse.facebook.id], scheduledAt: inMinutes(60) } });
    expect(tooLong.json().fields[0].field).toBe('text');
  });

  it.each([
    ['a time in the past', { scheduledAt: new Date(Date.now() - 3600_000).toISOString() }, 'scheduledAt', 'scheduledAt must not be in the past'],
    ['neither a time nor as soon as approved', { scheduledAt: undefined }, 'scheduledAt', 'scheduledAt is required unless asSoonAsApproved is true'],
    ['someone else’s channel', { channelIds: ['7c0c6a2e-1111-4c4c-9999-000000000000'] }, 'channelIds', 'channelIds must list only your own connected channels'],
    ['no channel', { channelIds: [] }, 'channelIds', 'channelIds must name at least one channel'],
    ['a link that is not http', { link: 'javascript:alert(1)' }, 'link', 'link must be an http or https address of at most 2000 characters'],
  ])('refuses %s with a 400 naming the field', async (_label, change, field, problem) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/posts',
      headers: ayse.headers,
      payload: { text: 'Hallo', channelIds: [ayse.facebook.id], scheduledAt: inMinutes(60), ...change },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toContainEqual({ field, problem });
  });

  it('keeps drafts out of review until submitted', async () => {
    const draft = await post({ draft: true, scheduledAt: undefined });
    expect(draft.status).toBe('draft');
    expect((await t.app.inject({ method: 'POST', url: `/api/moderation/posts/${draft.id}/approve`, headers: moderator })).statusCode).toBe(409);
    const noTime = await t.app.inject({ method: 'POST', url: `/api/posts/${draft.id}/submit`, headers: ayse.headers });
    expect(noTime.statusCode).toBe(400);
    await t.app.inject({ method: 'PATCH', url: `/api/posts/${draft.id}`, headers: ayse.headers, payload: { asSoonAsApproved: true } });
    const submitted = await t.app.inject({ method: 'POST', url: `/api/posts/${draft.id}/submit`, headers: ayse.headers });
    expect(submitted.json<PostDto>()).toMatchObject({ status: 'pending_review', asSoonAsApproved: true, scheduledAt: null });
  });

  it('approves (as soon as approved: due now) and records the decision', async () => {
    const created = await post({ asSoonAsApproved: true, scheduledAt: undefined });
    const approved = await approve(t, moderator, created.id);
    expect(approved.status).toBe('scheduled');
    expect(Date.parse(approved.scheduledAt!)).toBeLessThanOrEqual(Date.now());
    expect(approved.reviewedAt).not.toBeNull();
    const [audit] = await t.dataSource.query(`SELECT action, actor_id FROM audit_log WHERE entity_type = 'post' AND entity_id = $1`, [created.id]);
    expect(audit.action).toBe('post.approve');
    expect((await t.app.inject({ method: 'POST', url: `/api/moderation/posts/${created.id}/approve`, headers: moderator })).statusCode).toBe(409);
  });

  it('rejects with a reason the ambassador reads', async () => {
    const created = await post();
    const missing = await t.app.inject({ method: 'POST', url: `/api/moderation/posts/${created.id}/reject`, headers: moderator, payload: {} });
    expect(missing.json().fields).toContainEqual({ field: 'reason', problem: 'reason must be 1 to 1000 characters long' });
    const rejected = await t.app.inject({ method: 'POST', url: `/api/moderation/posts/${created.id}/reject`, headers: moderator, payload: { reason: 'Bitte die Quelle der Termine nennen.' } });
    expect(rejected.json<PostDto>()).toMatchObject({ status: 'rejected', rejectReason: 'Bitte die Quelle der Termine nennen.' });
    expect((await getPost(t, ayse.headers, created.id)).deliveries.every((d) => d.status === 'cancelled')).toBe(true);
    const notes = (await t.app.inject({ method: 'GET', url: '/api/notifications', headers: ayse.headers })).json<{ kind: string; message: string; postId: string }[]>();
    expect(notes.find((n) => n.postId === created.id)).toMatchObject({ kind: 'post_rejected', message: expect.stringContaining('Bitte die Quelle der Termine nennen.') });
  });

  it('edits until publishing starts: a text change sends an approved post back to review, a time change does not', async () => {
    const created = await post();
    await approve(t, moderator, created.id);
    const moved = await t.app.inject({ method: 'PATCH', url: `/api/posts/${created.id}`, headers: ayse.headers, payload: { scheduledAt: inMinutes(120) } });
    expect(moved.json<PostDto>().status).toBe('scheduled');
    const rewritten = await t.app.inject({ method: 'PATCH', url: `/api/posts/${created.id}`, headers: ayse.headers, payload: { text: 'Neue Fassung' } });
    expect(rewritten.json<PostDto>()).toMatchObject({ status: 'pending_review', text: 'Neue Fassung', reviewedAt: null });
    const channels = await t.app.inject({ method: 'PATCH', url: `/api/posts/${created.id}`, headers: ayse.headers, payload: { channelIds: [ayse.mastodon!.id] } });
    expect(channels.json<PostDto>().deliveries.map((d) => d.channelType)).toEqual(['mastodon']);

    await t.dataSource.query(`UPDATE posts SET status = 'publishing' WHERE id = $1`, [created.id]);
    const late = await t.app.inject({ method: 'PATCH', url: `/api/posts/${created.id}`, headers: ayse.headers, payload: { text: 'zu spät' } });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toBe('Publishing has started; the post can no longer be changed or cancelled.');
    expect((await t.app.inject({ method: 'POST', url: `/api/posts/${created.id}/cancel`, headers: ayse.headers })).statusCode).toBe(409);
  });

  it('cancels before publishing', async () => {
    const created = await post();
    await approve(t, moderator, created.id);
    const cancelled = await t.app.inject({ method: 'POST', url: `/api/posts/${created.id}/cancel`, headers: ayse.headers });
    expect(cancelled.json<PostDto>()).toMatchObject({ status: 'cancelled' });
    expect(cancelled.json<PostDto>().deliveries.map((d) => d.status)).toEqual(['cancelled']);
  });

  it('shares an approved item with the ambassador’s comment, and not a pending one', async () => {
    const source = await newSource(t.dataSource);
    const item = await newItem(t.dataSource, source, { status: 'approved', url: 'https://www.uni-due.de/news/welcome-days' });
    const pending = await newItem(t.dataSource, source, { status: 'pending' });
    const shared = await post({ itemId: item.id, text: 'Welcome Days an der UDE – ich bin auch da!' });
    expect(shared).toMatchObject({ itemId: item.id, link: 'https://www.uni-due.de/news/welcome-days' });
    const refused = await t.app.inject({ method: 'POST', url: '/api/posts', headers: ayse.headers, payload: { itemId: pending.id, text: 'x', channelIds: [ayse.facebook.id], scheduledAt: inMinutes(60) } });
    expect(refused.json().fields).toContainEqual({ field: 'itemId', problem: 'itemId must be the id of an approved item of the portal’s feed' });
  });

  it('takes an image, back to review when it changes, served publicly only once approved', async () => {
    const created = await post();
    const image = await sharp({ create: { width: 3000, height: 1500, channels: 3, background: '#246' } }).jpeg().toBuffer();
    const withImage = await t.app.inject({ method: 'PUT', url: `/api/posts/${created.id}/image`, headers: { ...ayse.headers, 'content-type': 'image/jpeg' }, payload: image });
    expect(withImage.statusCode).toBe(200);
    const url = withImage.json<PostDto>().imageUrl!;
    expect(url).toMatch(new RegExp(`^/api/public/posts/${created.id}/image\\?v=\\d+$`));
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(404);
    await approve(t, moderator, created.id);
    const served = await t.app.inject({ method: 'GET', url });
    expect(await sharp(served.rawPayload).metadata()).toMatchObject({ format: 'jpeg', width: 2048, height: 1024 });
  });

  it('lists the ambassador’s posts for the calendar, and keeps them private', async () => {
    const soon = await post({ scheduledAt: inMinutes(30) });
    const later = await post({ scheduledAt: inMinutes(60 * 24 * 3) });
    const week = await t.app.inject({ method: 'GET', url: `/api/posts?from=${encodeURIComponent(inMinutes(0))}&to=${encodeURIComponent(inMinutes(60 * 24))}`, headers: ayse.headers });
    const ids = week.json<PostDto[]>().map((p) => p.id);
    expect(ids).toContain(soon.id);
    expect(ids).not.toContain(later.id);
    const other = (await t.signIn('ambassador')).headers;
    expect((await t.app.inject({ method: 'GET', url: `/api/posts/${soon.id}`, headers: other })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/posts/${soon.id}`, headers: moderator })).statusCode).toBe(200);
  });
});
