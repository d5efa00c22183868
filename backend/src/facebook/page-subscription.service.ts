import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SourceWebhookState } from '@welcome-ruhr/contracts';
import { DataSource } from 'typeorm';
import { SecretBox } from '../common/crypto/secret-box';
import { rowsOf } from '../database/query-result';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { GraphClient } from './graph-client';
import { GraphError } from './graph-error';
import { channelPageToken } from './page-tokens';

/** Saving a source or channel waits for this at most; the subscription is tried again later anyway. */
const SUBSCRIBE_TIMEOUT_MS = 10_000;
/** A page that is not subscribed is tried again once this long after its last try (retryDue). */
export const RETRY_AFTER_HOURS = 24;
/** Pages tried per hourly round, so that a long outage does not make one round call Facebook for every page. */
const RETRY_BATCH = 50;

interface PageSourceRow {
  id: string;
  type: string;
  external_id: string | null;
  access_token_encrypted: string | null;
  ambassador_id: string | null;
}

/**
 * Subscribes our app to a Facebook page's updates (`POST /{page-id}/subscribed_apps`, field `feed`), so
 * that the webhook makes its source due at once. Only pages read as `facebook_page` sources are
 * subscribed: the webhook does nothing for other pages. The outcome is written on the source
 * (`webhook_state`, `webhook_message`, `webhook_checked_at`); nothing here ever throws, so saving a
 * source or channel never fails because of it.
 */
@Injectable()
export class PageSubscriptionService {
  private readonly logger = new Logger(PageSubscriptionService.name);
  private readonly secrets: SecretBox;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly graph: GraphClient,
  ) {
    this.secrets = new SecretBox(config.secretKey);
  }

  /** Webhooks need both: the verify token for the handshake and the app secret for the signatures. */
  get configured(): boolean {
    return Boolean(this.config.facebookWebhookVerifyToken && this.config.facebookAppSecret);
  }

  /** Subscribes the page of a facebook_page source with its token, else a connected channel's token. */
  async subscribeSource(sourceId: string): Promise<void> {
    try {
      const [source]: PageSourceRow[] = await this.dataSource.query(
        'SELECT id, type, external_id, access_token_encrypted, ambassador_id FROM sources WHERE id = $1',
        [sourceId],
      );
      if (!source || source.type !== 'facebook_page' || !source.external_id) return;
      if (!this.configured) {
        await this.record(source.id, 'not_configured', 'Webhooks are not set up on this server (FACEBOOK_WEBHOOK_VERIFY_TOKEN and FACEBOOK_APP_SECRET); the page is read on its schedule only.');
        return;
      }
      const sealed = source.access_token_encrypted ?? (await channelPageToken(this.dataSource, source.external_id, source.ambassador_id));
      if (!sealed) {
        await this.record(
          source.id,
          'no_page_token',
          'No page token to subscribe the page with: give the source the page token, or let the page’s ambassador connect the page. Until then the page is read on its schedule only.',
        );
        return;
      }
      await this.subscribe(source.id, source.external_id, this.secrets.open(sealed));
    } catch (error) {
      this.logger.error({ err: error, sourceId }, 'could not subscribe the page of a source to webhooks');
    }
  }

  /**
   * A channel of the page was connected with this page token: when the page is also read as a source,
   * the page is subscribed (again) with it — a reconnect may follow the app's removal from the page,
   * which ends the subscription. A source subscribed with its own token is left alone: the channel's token
   * may lack pages_manage_metadata, and its refusal would overwrite a working subscription with `failed`.
   */
  async pageTokenKnown(pageId: string, pageToken: string): Promise<void> {
    try {
      if (!this.configured) return;
      const sources: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM sources
          WHERE type = 'facebook_page' AND external_id = $1
            AND NOT (access_token_encrypted IS NOT NULL AND webhook_state = 'subscribed')`,
        [pageId],
      );
      for (const source of sources) await this.subscribe(source.id, pageId, pageToken);
    } catch (error) {
      this.logger.error({ err: error, pageId }, 'could not subscribe a connected page to webhooks');
    }
  }

  /**
   * Tries again the active page sources that are not subscribed and were last tried RETRY_AFTER_HOURS ago or
   * more (an outage, a token since renewed, webhooks since configured). The rows are claimed by moving their
   * `webhook_checked_at`, so replicas running the same round do not try one page twice. Returns how many.
   */
  async retryDue(limit = RETRY_BATCH): Promise<number> {
    const due = rowsOf<{ id: string }>(
      await this.dataSource.query(
        `UPDATE sources SET webhook_checked_at = now()
          WHERE id IN (SELECT id FROM sources
                        WHERE type = 'facebook_page' AND active AND external_id IS NOT NULL
                          AND webhook_state IS DISTINCT FROM 'subscribed'
                          AND (webhook_checked_at IS NULL OR webhook_checked_at < now() - make_interval(hours => $1))
                        ORDER BY webhook_checked_at NULLS FIRST
                        LIMIT $2
                        FOR UPDATE SKIP LOCKED)
          RETURNING id`,
        [RETRY_AFTER_HOURS, limit],
      ),
    );
    for (const { id } of due) await this.subscribeSource(id);
    return due.length;
  }

  @Cron(CronExpression.EVERY_HOUR, { name: 'page-subscription-retry' })
  async retryOnSchedule(): Promise<void> {
    if (!this.config.schedulerEnabled) return;
    try {
      const tried = await this.retryDue();
      if (tried > 0) this.logger.log({ tried }, 'page webhook subscriptions tried again');
    } catch (error) {
      this.logger.error({ err: error }, 'trying page webhook subscriptions again failed');
    }
  }

  private async subscribe(sourceId: string, pageId: string, pageToken: string): Promise<void> {
    try {
      await this.graph.subscribePage(pageId, pageToken, ['feed'], SUBSCRIBE_TIMEOUT_MS);
      await this.record(sourceId, 'subscribed', null);
      this.logger.log({ sourceId, pageId }, 'page subscribed to webhooks');
    } catch (error) {
      if (!(error instanceof GraphError)) throw error;
      const message = describe(error);
      this.logger.warn({ sourceId, pageId, graphCode: error.code, kind: error.kind }, `subscribing the page to webhooks failed: ${error.message}`);
      await this.record(sourceId, 'failed', message);
    }
  }

  private async record(sourceId: string, state: SourceWebhookState, message: string | null): Promise<void> {
    await this.dataSource.query('UPDATE sources SET webhook_state = $2, webhook_message = $3, webhook_checked_at = now() WHERE id = $1', [
      sourceId,
      state,
      message,
    ]);
  }
}

const TRY_AGAIN = 'It is tried again daily; save the source or use “fetch now” to try at once.';

function describe(error: GraphError): string {
  switch (error.kind) {
    case 'token':
      return `Facebook refused the page token (${error.message}). Give the source a new page token or reconnect the page; the subscription is then tried again.`;
    case 'permission':
      return `The page token may not subscribe the app to the page (${error.message}). It needs the pages_manage_metadata permission of someone who manages the page. ${TRY_AGAIN}`;
    case 'rate_limit':
    case 'transient':
    case 'no_response':
      return `Facebook could not take the subscription right now (${error.message}). ${TRY_AGAIN}`;
    default:
      return `Facebook refused the subscription: ${error.message}. Check the page id. ${TRY_AGAIN}`;
  }
}
