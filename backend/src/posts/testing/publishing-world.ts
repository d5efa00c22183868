import type { ChannelDto, PostDto } from '@welcome-ruhr/contracts';
import type { FakeGraphApi, FakePage } from '../../testing/fake-graph-api';
import type { FakeAccount, FakeMastodon } from '../../testing/fake-mastodon';
import type { TestApp } from '../../testing/test-app';

export type Headers = { authorization: string };

export interface AmbassadorWorld {
  headers: Headers;
  ambassadorId: string;
  page: FakePage;
  facebook: ChannelDto;
  account?: FakeAccount;
  mastodon?: ChannelDto;
}

/** An ambassador of `cities` with a connected Facebook page (and a Mastodon account when given an instance). */
export async function ambassadorWithChannels(t: TestApp, fb: FakeGraphApi, mastodon?: FakeMastodon, cities = ['dortmund']): Promise<AmbassadorWorld> {
  const { headers, login } = await t.signIn('ambassador', { cities });
  const page = fb.addPage();
  const facebook = await connect(t, headers, { type: 'facebook_page', externalId: page.id, accessToken: page.accessToken });
  const world: AmbassadorWorld = { headers, ambassadorId: login.user.ambassadorId!, page, facebook };
  if (mastodon) {
    world.account = mastodon.addAccount();
    world.mastodon = await connect(t, headers, { type: 'mastodon', instanceUrl: mastodon.url, accessToken: world.account.token });
  }
  return world;
}

async function connect(t: TestApp, headers: Headers, payload: object): Promise<ChannelDto> {
  const response = await t.app.inject({ method: 'POST', url: '/api/channels', headers, payload });
  if (response.statusCode !== 201) throw new Error(`connecting failed: ${response.body}`);
  return response.json<ChannelDto>();
}

export async function createPost(t: TestApp, headers: Headers, payload: object): Promise<PostDto> {
  const response = await t.app.inject({ method: 'POST', url: '/api/posts', headers, payload });
  if (response.statusCode !== 201) throw new Error(`creating the post failed: ${response.body}`);
  return response.json<PostDto>();
}

export async function approve(t: TestApp, moderator: Headers, id: string): Promise<PostDto> {
  const response = await t.app.inject({ method: 'POST', url: `/api/moderation/posts/${id}/approve`, headers: moderator });
  if (response.statusCode !== 200) throw new Error(`approving failed: ${response.body}`);
  return response.json<PostDto>();
}

export async function getPost(t: TestApp, headers: Headers, id: string): Promise<PostDto> {
  return (await t.app.inject({ method: 'GET', url: `/api/posts/${id}`, headers })).json<PostDto>();
}

export const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
