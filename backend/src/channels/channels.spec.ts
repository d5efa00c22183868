import type { ChannelDto, FacebookLoginPagesDto, FacebookLoginStartDto, NotificationDto } from '@welcome-ruhr/contracts';
import { ChannelHealthService } from './channel-health.service';
import { FakeGraphApi, fakeGraphEnv } from '../testing/fake-graph-api';
import { FakeMastodon } from '../testing/fake-mastodon';
import { createTestApp, type TestApp } from '../testing/test-app';

describe('channels', () => {
  let t: TestApp;
  let fb: FakeGraphApi;
  let mastodon: FakeMastodon;
  beforeAll(async () => {
    fb = await new FakeGraphApi().start();
    mastodon = await new FakeMastodon().start();
    t = await createTestApp(fakeGraphEnv(fb));
  });
  afterAll(async () => {
    await t.close();
    await fb.stop();
    await mastodon.stop();
  });

  const ambassador = async () => (await t.signIn('ambassador', { cities: ['dortmund'] })).headers;
  const notifications = async (headers: { authorization: string }) =>
    (await t.app.inject({ method: 'GET', url: '/api/notifications', headers })).json<NotificationDto[]>();

  it('connects a Facebook page with its page token, checked first, and never shows the token', async () => {
    const headers = await ambassador();
    const page = fb.addPage({ name: 'Ayşe hilft in Dortmund' });
    const response = await t.app.inject({ method: 'POST', url: '/api/channels', headers, payload: { type: 'facebook_page', externalId: page.id, accessToken: page.accessToken } });
    expect(response.statusCode).toBe(201);
    const channel = response.json<ChannelDto>();
    expect(channel).toMatchObject({ type: 'facebook_page', externalId: page.id, name: 'Ayşe hilft in Dortmund', status: 'connected', tokenExpiresAt: null });
    expect(fb.callsTo('GET', '/debug_token').at(-1)?.query['input_token']).toBe(page.accessToken);

    const list = await t.app.inject({ method: 'GET', url: '/api/channels', headers });
    expect(list.json<ChannelDto[]>().map((c) => c.id)).toEqual([channel.id]);
    expect(list.body).not.toContain(page.accessToken);
    const [row] = await t.dataSource.query('SELECT access_token_encrypted FROM channels WHERE id = $1', [channel.id]);
    expect(row.access_token_encrypted).toMatch(/^v1\./);
    expect(row.access_token_encrypted).not.toContain(page.accessToken);
  });

  it('refuses a token Facebook refuses, naming the field', async () => {
    const headers = await ambassador();
    const page = fb.addPage();
    const response = await t.app.inject({ method: 'POST', url: '/api/channels', headers, payload: { type: 'facebook_page', externalId: page.id, accessToken: 'EAAwrong' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0]).toMatchObject({ field: 'accessToken' });
    const missing = await t.app.inject({ method: 'POST', url: '/api/channels', headers, payload: { type: 'facebook_page', accessToken: 'x' } });
    expect(missing.json().fields).toContainEqual({ field: 'externalId', problem: 'externalId must be the numeric id of the Facebook page' });
  });

  it('connects a Mastodon account by instance and token', async () => {
    const headers = await ambassador();
    const account = mastodon.addAccount('olena');
    const response = await t.app.inject({ method: 'POST', url: '/api/channels', headers, payload: { type: 'mastodon', instanceUrl: mastodon.url, accessToken: account.token } });
    expect(response.statusCode).toBe(201);
    const host = new URL(mastodon.url).host;
    expect(response.json<ChannelDto>()).toMatchObject({ type: 'mastodon', name: `@olena@${host}`, externalId: `${account.id}@${host}`, instanceUrl: mastodon.url });
    const refused = await t.app.inject({ method: 'POST', url: '/api/channels', headers, payload: { type: 'mastodon', instanceUrl: mastodon.url, accessToken: 'nope' } });
    expect(refused.statusCode).toBe(400);
  });

  it('runs the Facebook Login flow: dialog address, code exchange, long-lived token, pages to choose', async () => {
    const headers = await ambassador();
    const mine = fb.addPage({ name: 'Ukrainische Gemeinde Herne' });
    const other = fb.addPage({ name: 'Second page' });
    const user = fb.addUser({ pageIds: [mine.id, other.id] });

    const start = (await t.app.inject({ method: 'GET', url: '/api/channels/facebook/login', headers })).json<FacebookLoginStartDto>();
    const dialog = new URL(start.url);
    expect(dialog.origin + dialog.pathname).toMatch(/^https:\/\/www\.facebook\.com\/v\d+\.\d+\/dialog\/oauth$/);
    expect(dialog.searchParams.get('client_id')).toBe(fb.appId);
    expect(dialog.searchParams.get('redirect_uri')).toBe('https://welcome.ruhr.example/channels/facebook/callback');
    expect(dialog.searchParams.get('scope')).toBe('pages_show_list,pages_read_engagement,pages_manage_posts,pages_manage_metadata');
    const state = dialog.searchParams.get('state')!;

    const forged = await t.app.inject({ method: 'GET', url: `/api/channels/facebook/callback?code=${user.code}&state=${state.slice(0, -2)}xx`, headers });
    expect(forged.statusCode).toBe(400);
    const someoneElse = await t.app.inject({ method: 'GET', url: `/api/channels/facebook/callback?code=${user.code}&state=${encodeURIComponent(state)}`, headers: await ambassador() });
    expect(someoneElse.statusCode).toBe(400);

    const callback = await t.app.inject({ method: 'GET', url: `/api/channels/facebook/callback?code=${user.code}&state=${encodeURIComponent(state)}`, headers });
    expect(callback.statusCode).toBe(200);
    const listed = callback.json<FacebookLoginPagesDto>();
    expect(listed.pages).toEqual([
      { id: mine.id, name: 'Ukrainische Gemeinde Herne', category: 'Community', canPublish: true },
      { id: other.id, name: 'Second page', category: 'Community', canPublish: true },
    ]);
    expect(callback.body).not.toContain(mine.accessToken);
    const exchange = fb.callsTo('GET', '/oauth/access_token');
    expect(exchange.at(-2)?.query).toMatchObject({ code: user.code, redirect_uri: 'https://welcome.ruhr.example/channels/facebook/callback' });
    expect(exchange.at(-1)?.query).toMatchObject({ grant_type: 'fb_exchange_token', fb_exchange_token: user.shortToken });

    const replay = await t.app.inject({ method: 'GET', url: `/api/channels/facebook/callback?code=${user.code}&state=${encodeURIComponent(state)}`, headers });
    expect(replay.statusCode).toBe(409);

    const chosen = await t.app.inject({ method: 'POST', url: '/api/channels/facebook/pages', headers, payload: { pageId: mine.id } });
    expect(chosen.statusCode).toBe(201);
    expect(chosen.json<ChannelDto>()).toMatchObject({ externalId: mine.id, name: 'Ukrainische Gemeinde Herne', status: 'connected' });
    const notListed = await t.app.inject({ method: 'POST', url: '/api/channels/facebook/pages', headers, payload: { pageId: '999' } });
    expect(notListed.statusCode).toBe(400);
  });

  it('marks a channel whose token Facebook refuses (190) as needing reconnect, tells the ambassador once, and a reconnect heals it', async () => {
    const headers = await ambassador();
    const page = fb.addPage({ name: 'Revoked page' });
    const channel = (await t.app.inject({ method: 'POST', url: '/api/channels', headers, payload: { type: 'facebook_page', externalId: page.id, accessToken: page.accessToken } })).json<ChannelDto>();
    fb.revokeToken(page.accessToken);
    await t.dataSource.query(`UPDATE channels SET next_check_at = now() - interval '1 minute' WHERE id = $1`, [channel.id]);
    await t.app.get(ChannelHealthService).checkDue();
    await t.app.get(ChannelHealthService).check(channel.id);

    const [checked] = (await t.app.inject({ method: 'GET', url: '/api/channels', headers })).json<ChannelDto[]>();
    expect(checked.status).toBe('needs_reconnect');
    expect(checked.statusReason).toMatch(/session/i);
    const told = (await notifications(headers)).filter((n) => n.kind === 'channel_needs_reconnect');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ channelId: channel.id, readAt: null });
    expect(told[0].message).toContain('Revoked page');
    const [mail] = await t.dataSource.query(`SELECT subject FROM outbox WHERE kind = 'notification.channel_needs_reconnect'`);
    expect(mail?.subject).toBe('Please reconnect Revoked page');

    const renewed = `${page.accessToken}-new`;
    page.accessToken = renewed;
    const again = await t.app.inject({ method: 'POST', url: '/api/channels', headers, payload: { type: 'facebook_page', externalId: page.id, accessToken: renewed } });
    expect(again.json<ChannelDto>()).toMatchObject({ id: channel.id, status: 'connected', statusReason: null });

    const read = await t.app.inject({ method: 'POST', url: `/api/notifications/${told[0].id}/read`, headers });
    expect(read.json<NotificationDto>().readAt).not.toBeNull();
    expect(await (await t.app.inject({ method: 'GET', url: '/api/notifications?unread=true', headers })).json()).toEqual([]);
  });

  it('warns once, a week ahead, when a token runs out', async () => {
    const headers = await ambassador();
    const page = fb.addPage({ name: 'Expiring page' });
    fb.setTokenExpiry(page.accessToken, new Date(Date.now() + 3 * 24 * 3600_000));
    const channel = (await t.app.inject({ method: 'POST', url: '/api/channels', headers, payload: { type: 'facebook_page', externalId: page.id, accessToken: page.accessToken } })).json<ChannelDto>();
    expect(channel.tokenExpiresAt).not.toBeNull();
    await t.app.inject({ method: 'POST', url: `/api/channels/${channel.id}/check`, headers });
    await t.app.inject({ method: 'POST', url: `/api/channels/${channel.id}/check`, headers });
    const warnings = (await notifications(headers)).filter((n) => n.kind === 'channel_token_expiring');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].message).toMatch(/runs out on \d{4}-\d{2}-\d{2} \(in 3 days\)/);
  });

  it('disconnects: the token is deleted and the channel leaves the list', async () => {
    const headers = await ambassador();
    const page = fb.addPage();
    const channel = (await t.app.inject({ method: 'POST', url: '/api/channels', headers, payload: { type: 'facebook_page', externalId: page.id, accessToken: page.accessToken } })).json<ChannelDto>();
    expect((await t.app.inject({ method: 'DELETE', url: `/api/channels/${channel.id}`, headers })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/channels', headers })).json()).toEqual([]);
    const [row] = await t.dataSource.query('SELECT status, access_token_encrypted FROM channels WHERE id = $1', [channel.id]);
    expect(row).toEqual({ status: 'disconnected', access_token_encrypted: null });
    // Someone else's channel is not found.
    expect((await t.app.inject({ method: 'DELETE', url: `/api/channels/${channel.id}`, headers: await ambassador() })).statusCode).toBe(404);
  });
});
