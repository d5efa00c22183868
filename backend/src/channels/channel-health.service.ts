import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ChannelType } from '@welcome-ruhr/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { NotificationsService } from '../ambassadors/notifications/notifications.service';
import { SecretBox } from '../common/crypto/secret-box';
import { DomainError } from '../common/errors/domain-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { GraphClient } from '../facebook/graph-client';
import { GraphError } from '../facebook/graph-error';
import { ChannelEntity } from './channel.entity';
import { MastodonClient, MastodonError } from './mastodon/mastodon-client';
import { rowsOf } from '../database/query-result';

/** Warn this long before a token runs out. */
export const EXPIRY_WARNING_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;
/** A check that could not reach the platform is repeated sooner than a day. */
const RECHECK_AFTER_TROUBLE_MS = 60 * 60 * 1000;
const TICK_MS = 10 * 60 * 1000;
const CLAIM_BATCH = 20;

/** What a token is good for, as the platform says. */
export interface TokenFacts {
  /** The page's or account's name. */
  name: string;
  /** facebook_page: the page id; mastodon: `accountId@host`. */
  externalId: string;
  /** null: does not expire (or the platform did not say). */
  expiresAt: Date | null;
}

/** ok; refused: the platform says no to the token; unreachable: it could not be asked (try later). */
export type CheckResult = { status: 'ok'; facts: TokenFacts } | { status: 'refused' | 'unreachable'; reason: string };

/**
 * Channel health: tokens are checked when connected, daily afterwards (debug_token when the app's
 * credentials are configured, else a cheap page call; verify_credentials on Mastodon), and whenever
 * publishing meets a refused token. A refused token turns the channel to needs_reconnect and tells the
 * ambassador; a token that runs out within a week is announced once.
 */
@Injectable()
export class ChannelHealthService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ChannelHealthService.name);
  private readonly secrets: SecretBox;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly graph: GraphClient,
    private readonly mastodon: MastodonClient,
    private readonly notifications: NotificationsService,
  ) {
    this.secrets = new SecretBox(config.secretKey);
  }

  onApplicationBootstrap(): void {
    if (!this.config.schedulerEnabled) return;
    this.timer = setInterval(() => void this.checkDue(), TICK_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Asks the platform about a token; never throws for the platform's answers. */
  async inspect(type: ChannelType, token: string, target: { pageId?: string; instanceUrl?: string }): Promise<CheckResult> {
    try {
      if (type === 'facebook_page') return await this.inspectPage(target.pageId ?? '', token);
      return await this.inspectMastodon(target.instanceUrl ?? '', token);
    } catch (error) {
      if (error instanceof GraphError || error instanceof MastodonError) {
        const refused = error.kind === 'token' || error.kind === 'permission' || error.kind === 'invalid';
        return { status: refused ? 'refused' : 'unreachable', reason: error.message };
      }
      throw error;
    }
  }

  private async inspectPage(pageId: string, token: string): Promise<CheckResult> {
    const page = await this.graph.get<{ id: string; name: string }>(pageId, { fields: 'id,name' }, token);
    let expiresAt: Date | null = null;
    const appToken = this.graph.appAccessToken();
    if (appToken) {
      const debug = await this.graph.get<{ data: { is_valid?: boolean; expires_at?: number; error?: { message?: string } } }>(
        'debug_token',
        { input_token: token },
        appToken,
      );
      if (debug.data.data?.is_valid === false) {
        return { status: 'refused', reason: debug.data.data.error?.message ?? 'Facebook says the token is no longer valid' };
      }
      const seconds = debug.data.data?.expires_at ?? 0;
      expiresAt = seconds > 0 ? new Date(seconds * 1000) : null;
    }
    return { status: 'ok', facts: { name: page.data.name, externalId: page.data.id, expiresAt } };
  }

  private async inspectMastodon(instanceUrl: string, token: string): Promise<CheckResult> {
    const account = await this.mastodon.verifyCredentials(instanceUrl, token);
    const host = new URL(instanceUrl).host;
    return { status: 'ok', facts: { name: `@${account.username}@${host}`, externalId: `${account.id}@${host}`, expiresAt: null } };
  }

  /** Checks due channels (daily each); returns how many were checked. */
  checkDue(): Promise<number> {
    if (this.running) return this.running;
    this.running = this.claimAndCheck().finally(() => (this.running = null));
    return this.running;
  }

  private async claimAndCheck(): Promise<number> {
    let checked = 0;
    try {
      // Logins nobody finished take their sealed page tokens with them.
      await this.dataSource.query('DELETE FROM facebook_logins WHERE expires_at < now()');
      for (;;) {
        // Claimed by moving next_check_at a day on: another process skips these rows, and a crash costs one day's check.
        const ids: { id: string }[] = rowsOf(
          await this.dataSource.query(
            `UPDATE channels SET next_check_at = now() + interval '1 day'
             WHERE id IN (SELECT id FROM channels WHERE status <> 'disconnected' AND next_check_at <= now()
                          ORDER BY next_check_at LIMIT $1 FOR UPDATE SKIP LOCKED)
             RETURNING id`,
            [CLAIM_BATCH],
          ),
        );
        for (const { id } of ids) {
          await this.check(id).catch((error) => this.logger.error({ err: error, channelId: id }, 'channel check failed'));
          checked++;
        }
        if (ids.length < CLAIM_BATCH) return checked;
      }
    } catch (error) {
      this.logger.error({ err: error }, 'claiming channels to check failed');
      return checked;
    }
  }

  /** Checks one channel now and records the outcome. */
  async check(channelId: string): Promise<ChannelEntity> {
    const repository = this.dataSource.getRepository(ChannelEntity);
    const channel = await repository.findOne({ where: { id: channelId } });
    if (!channel) throw DomainError.notFound('The channel');
    if (channel.status === 'disconnected' || !channel.accessTokenEncrypted) return channel;
    const result = await this.inspect(channel.type, this.secrets.open(channel.accessTokenEncrypted), {
      pageId: channel.externalId,
      instanceUrl: channel.instanceUrl ?? undefined,
    });
    const now = new Date();
    if (result.status === 'ok') {
      await repository.update(
        { id: channel.id },
        {
          lastCheckedAt: now,
          tokenExpiresAt: result.facts.expiresAt,
          ...(channel.status === 'needs_reconnect' ? {} : { statusReason: null }),
        },
      );
      await this.warnOfExpiry(channel.id, result.facts.expiresAt, now);
    } else if (result.status === 'refused') {
      await repository.update({ id: channel.id }, { lastCheckedAt: now });
      await this.markNeedsReconnect(channel.id, result.reason);
    } else {
      await repository.update({ id: channel.id }, { lastCheckedAt: now, nextCheckAt: new Date(now.getTime() + RECHECK_AFTER_TROUBLE_MS) });
    }
    return repository.findOneOrFail({ where: { id: channel.id } });
  }

  /**
   * The platform refused the channel's token: the channel needs reconnecting, and its ambassador hears
   * of it once (in the dashboard and by mail) — when the status flips, not on every refusal after.
   */
  async markNeedsReconnect(channelId: string, reason: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows: { name: string; type: ChannelType; user_id: string }[] = rowsOf(
      await manager.query(
        `UPDATE channels c SET status = 'needs_reconnect', status_reason = $2, updated_at = now()
         FROM ambassadors a
         WHERE c.id = $1 AND c.status = 'connected' AND a.id = c.ambassador_id
         RETURNING c.name, c.type, a.user_id`,
        [channelId, reason],
      ),
    );
    const row = rows[0];
    if (!row) return false;
    const platform = row.type === 'facebook_page' ? 'Facebook' : 'Mastodon';
    await this.notifications.notify(
      {
        userId: row.user_id,
        kind: 'channel_needs_reconnect',
        channelId,
        message: `${platform} no longer accepts the connection to “${row.name}” (${reason.replace(/\.$/, '')}). Connect it again; posts waiting for it can then be retried.`,
        email: { subject: `Please reconnect ${row.name}` },
      },
      manager,
    );
    this.logger.warn({ channelId, reason }, 'channel needs reconnecting');
    return true;
  }

  private async warnOfExpiry(channelId: string, expiresAt: Date | null, now: Date): Promise<void> {
    if (!expiresAt || expiresAt.getTime() - now.getTime() > EXPIRY_WARNING_DAYS * DAY_MS) return;
    const rows: { name: string; user_id: string }[] = rowsOf(
      await this.dataSource.query(
        `UPDATE channels c SET expiry_warned_for = $2
         FROM ambassadors a
         WHERE c.id = $1 AND a.id = c.ambassador_id AND c.expiry_warned_for IS DISTINCT FROM $2
         RETURNING c.name, a.user_id`,
        [channelId, expiresAt.toISOString()],
      ),
    );
    if (!rows[0]) return;
    const days = Math.max(0, Math.ceil((expiresAt.getTime() - now.getTime()) / DAY_MS));
    await this.notifications.notify({
      userId: rows[0].user_id,
      kind: 'channel_token_expiring',
      channelId,
      dedupeKey: `token-expiry:${channelId}:${expiresAt.toISOString()}`,
      message: `The connection to “${rows[0].name}” runs out on ${expiresAt.toISOString().slice(0, 10)} (in ${days} day${days === 1 ? '' : 's'}). Connect it again before then so that scheduled posts still appear.`,
      email: { subject: `${rows[0].name}: connection runs out in ${days} day${days === 1 ? '' : 's'}` },
    });
  }
}
