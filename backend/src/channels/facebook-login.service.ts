import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ChannelDto, FacebookLoginPagesDto, FacebookLoginStartDto } from '@welcome-ruhr/contracts';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource, MoreThan, QueryFailedError } from 'typeorm';
import { AmbassadorsService } from '../ambassadors/ambassadors.service';
import type { AuthUser } from '../auth/auth-user';
import { SecretBox } from '../common/crypto/secret-box';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { GraphClient } from '../facebook/graph-client';
import { GraphError } from '../facebook/graph-error';
import { toChannelDto } from './channel-dto';
import { ChannelHealthService } from './channel-health.service';
import { ChannelsService } from './channels.service';
import { FacebookLoginEntity, type ListedFacebookPage } from './facebook-login.entity';

/**
 * The permissions a channel needs: list the pages, read them, publish to them, and subscribe the app
 * to their updates (webhooks) when the page is also read as a source.
 */
export const FACEBOOK_LOGIN_SCOPES = ['pages_show_list', 'pages_read_engagement', 'pages_manage_posts', 'pages_manage_metadata'];
/** Where the browser goes in the dashboard after the dialog; register it as a Valid OAuth Redirect URI. */
export const FACEBOOK_REDIRECT_PATH = '/channels/facebook/callback';
const FACEBOOK_DIALOG_ORIGIN = 'https://www.facebook.com';
const STATE_TTL_MS = 15 * 60 * 1000;
const LOGIN_TTL_MS = 30 * 60 * 1000;
const MAX_PAGE_REQUESTS = 5;

interface StatePayload {
  u: string;
  n: string;
  e: number;
}

interface AccountsAnswer {
  data?: { id: string; name: string; category?: string; access_token?: string; tasks?: string[] }[];
  paging?: { next?: string };
}

/**
 * Facebook Login for channels: a dialog address with a signed, expiring, single-use state; the callback
 * exchanges the code for a user token, that for a long-lived one, and lists the pages it manages
 * (`/me/accounts`) with their page tokens, which are kept sealed until the ambassador picks a page.
 * Page tokens obtained from a long-lived user token do not expire.
 */
@Injectable()
export class FacebookLoginService {
  private readonly logger = new Logger(FacebookLoginService.name);
  private readonly secrets: SecretBox;
  private readonly stateKey: Buffer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly graph: GraphClient,
    private readonly ambassadors: AmbassadorsService,
    private readonly channels: ChannelsService,
    private readonly health: ChannelHealthService,
  ) {
    this.secrets = new SecretBox(config.secretKey);
    this.stateKey = createHmac('sha256', config.secretKey).update('facebook-login-state').digest();
  }

  get redirectUri(): string {
    return `${this.config.publicUrl}${FACEBOOK_REDIRECT_PATH}`;
  }

  async start(user: AuthUser): Promise<FacebookLoginStartDto> {
    await this.ambassadors.ofUser(user);
    const appId = this.requireApp().appId;
    const state = this.sign({ u: user.id, n: randomBytes(16).toString('base64url'), e: Date.now() + STATE_TTL_MS });
    const url = new URL(`${FACEBOOK_DIALOG_ORIGIN}/${this.graph.version}/dialog/oauth`);
    url.searchParams.set('client_id', appId);
    url.searchParams.set('redirect_uri', this.redirectUri);
    url.searchParams.set('state', state);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('scope', FACEBOOK_LOGIN_SCOPES.join(','));
    return { url: url.toString(), redirectUri: this.redirectUri };
  }

  async callback(user: AuthUser, code: string, state: string): Promise<FacebookLoginPagesDto> {
    await this.ambassadors.ofUser(user);
    const { appId, appSecret, appToken } = this.requireApp();
    const payload = this.verify(state);
    if (payload.u !== user.id) throw DomainError.invalidField('state', 'state belongs to another sign-in; start the Facebook connection again');
    if (await this.dataSource.getRepository(FacebookLoginEntity).exists({ where: { stateNonce: payload.n } })) throw completedAlready();

    try {
      const short = await this.graph.get<{ access_token: string }>(
        'oauth/access_token',
        { client_id: appId, client_secret: appSecret, redirect_uri: this.redirectUri, code },
        appToken,
      );
      const long = await this.graph.get<{ access_token: string; expires_in?: number }>(
        'oauth/access_token',
        { grant_type: 'fb_exchange_token', client_id: appId, client_secret: appSecret, fb_exchange_token: short.data.access_token },
        appToken,
      );
      const pages = await this.listPages(long.data.access_token);
      const now = Date.now();
      const login = await this.dataSource.getRepository(FacebookLoginEntity).save({
        userId: user.id,
        stateNonce: payload.n,
        pages,
        userTokenExpiresAt: long.data.expires_in ? new Date(now + long.data.expires_in * 1000) : null,
        expiresAt: new Date(now + LOGIN_TTL_MS),
      });
      this.logger.log({ userId: user.id, pages: pages.length }, 'Facebook login completed');
      return toPagesDto(login);
    } catch (error) {
      if (error instanceof QueryFailedError && /facebook_logins_state_nonce_key/.test(`${error.message} ${(error as { constraint?: string }).constraint ?? ''}`)) {
        throw completedAlready();
      }
      if (error instanceof GraphError) {
        if (error.transient) throw new DomainError(ErrorCode.ServiceUnavailable, `Facebook could not be asked right now (${error.message}). Please try again.`);
        throw DomainError.invalidField('code', `code was refused by Facebook (${error.message}); start the connection again`);
      }
      throw error;
    }
  }

  /** Stores the chosen page's token as a channel (or renews the channel of that page: a reconnect). */
  async choosePage(user: AuthUser, pageId: string, loginId?: string): Promise<ChannelDto> {
    const ambassador = await this.ambassadors.ofUser(user);
    const repository = this.dataSource.getRepository(FacebookLoginEntity);
    const login = await repository.findOne({
      where: { userId: user.id, expiresAt: MoreThan(new Date()), ...(loginId ? { id: loginId } : {}) },
      order: { createdAt: 'DESC' },
    });
    if (!login) throw new DomainError(ErrorCode.NotFound, 'There is no recent Facebook login to choose a page from. Connect with Facebook again.');
    const page = login.pages.find((p) => p.id === pageId);
    if (!page) throw DomainError.invalidField('pageId', 'pageId must be one of the pages the Facebook login listed');
    if (!page.canPublish) {
      throw DomainError.invalidField('pageId', 'pageId names a page you may not publish to; you need the role that can create content on it');
    }
    const result = await this.health.inspect('facebook_page', this.secrets.open(page.accessTokenEncrypted), { pageId: page.id });
    const facts = result.status === 'ok' ? result.facts : { name: page.name, externalId: page.id, expiresAt: null };
    const channel = await this.channels.connect(ambassador.id, 'facebook_page', { ...facts, name: page.name }, page.accessTokenEncrypted);
    return toChannelDto(channel);
  }

  private async listPages(userToken: string): Promise<ListedFacebookPage[]> {
    const pages: ListedFacebookPage[] = [];
    let answer = await this.graph.get<AccountsAnswer>('me/accounts', { fields: 'id,name,category,access_token,tasks', limit: 100 }, userToken);
    for (let requests = 1; ; requests++) {
      for (const page of answer.data.data ?? []) {
        if (!page.access_token) continue;
        const tasks = page.tasks ?? [];
        pages.push({
          id: page.id,
          name: page.name,
          category: page.category ?? null,
          canPublish: tasks.length === 0 || tasks.includes('CREATE_CONTENT') || tasks.includes('MANAGE'),
          accessTokenEncrypted: this.secrets.seal(page.access_token),
        });
      }
      const next = answer.data.paging?.next;
      if (!next || requests >= MAX_PAGE_REQUESTS) return pages;
      answer = await this.graph.getNext<AccountsAnswer>(next, userToken);
    }
  }

  private requireApp(): { appId: string; appSecret: string; appToken: string } {
    const appToken = this.graph.appAccessToken();
    if (!appToken || !this.graph.appId || !this.graph.appSecret) {
      throw new DomainError(
        ErrorCode.ServiceUnavailable,
        'Connecting with Facebook is not set up on this server (FACEBOOK_APP_ID and FACEBOOK_APP_SECRET). Add the page with its page token instead.',
      );
    }
    return { appId: this.graph.appId, appSecret: this.graph.appSecret, appToken };
  }

  private sign(payload: StatePayload): string {
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return `${body}.${createHmac('sha256', this.stateKey).update(body).digest('base64url')}`;
  }

  private verify(state: string): StatePayload {
    const [body, signature] = state.split('.');
    const expected = body ? createHmac('sha256', this.stateKey).update(body).digest() : Buffer.alloc(0);
    const given = Buffer.from(signature ?? '', 'base64url');
    if (!body || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw DomainError.invalidField('state', 'state is not one this server made; start the Facebook connection again');
    }
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as StatePayload;
    if (typeof payload.e !== 'number' || payload.e < Date.now()) {
      throw DomainError.invalidField('state', 'state has expired; start the Facebook connection again');
    }
    return payload;
  }
}

function completedAlready(): DomainError {
  return new DomainError(ErrorCode.Conflict, 'This Facebook login was completed already. Start the connection again to choose another page.');
}

function toPagesDto(login: FacebookLoginEntity): FacebookLoginPagesDto {
  return {
    loginId: login.id,
    pages: login.pages.map(({ id, name, category, canPublish }) => ({ id, name, category, canPublish })),
    expiresAt: login.expiresAt.toISOString(),
  };
}
