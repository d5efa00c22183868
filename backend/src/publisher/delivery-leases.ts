import type { ChannelStatus, ChannelType, PostStatus } from '@welcome-ruhr/contracts';
import type { DataSource } from 'typeorm';
import { rowsOf } from '../database/query-result';

/** A delivery this process holds the lease of, with what sending it needs. */
export interface ClaimedDelivery {
  id: string;
  postId: string;
  status: 'pending' | 'sending' | 'unknown';
  attempts: number;
  /** When this delivery was first sent: the channel is searched for the post from then on. */
  firstSentAt: Date | null;
  post: { text: string; link: string | null; imageUpdatedAt: Date | null };
  channel: {
    id: string;
    type: ChannelType;
    name: string;
    externalId: string;
    instanceUrl: string | null;
    status: ChannelStatus;
    statusReason: string | null;
    tokenEncrypted: string | null;
  };
}

export interface SettledPost {
  status: PostStatus;
  userId: string;
  text: string;
  errors: string[];
}

interface ClaimedRow {
  id: string;
  post_id: string;
  status: ClaimedDelivery['status'];
  attempts: number;
  first_sent_at: Date | string | null;
  text: string;
  link: string | null;
  image_updated_at: Date | string | null;
  channel_id: string;
  channel_type: ChannelType;
  channel_name: string;
  external_id: string;
  instance_url: string | null;
  channel_status: ChannelStatus;
  status_reason: string | null;
  access_token_encrypted: string | null;
}

const date = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

/**
 * The publisher's SQL. A delivery's lease is its `lease_owner` and `lease_expires_at`, claimed with
 * `FOR UPDATE SKIP LOCKED` together with the post row, so two processes never take the same delivery,
 * and an edit or cancel (which lock the post row) never interleaves with the start of publishing. A
 * crashed process's deliveries come back when their leases expire — as `sending`, i.e. outcome unknown.
 */
export class DeliveryLeases {
  constructor(
    private readonly dataSource: DataSource,
    readonly owner: string,
    private readonly leaseSeconds: number,
  ) {}

  /**
   * Up to `limit` due deliveries of approved posts, the longest waiting first; their posts become
   * `publishing`. Due: the post's time has come, and the delivery's next try (after a failure) too.
   */
  async claimDue(limit: number, types: ChannelType[]): Promise<ClaimedDelivery[]> {
    if (limit <= 0 || types.length === 0) return [];
    const claimed: { id: string }[] = rowsOf(
      await this.dataSource.query(
        `WITH due AS (
           SELECT d.id, d.post_id FROM post_deliveries d
           JOIN posts p ON p.id = d.post_id
           JOIN channels c ON c.id = d.channel_id
           WHERE d.status IN ('pending', 'sending', 'unknown') AND d.next_attempt_at <= now()
             AND (d.lease_expires_at IS NULL OR d.lease_expires_at < now())
             AND p.status IN ('scheduled', 'publishing') AND p.scheduled_at <= now()
             AND (c.blocked_until IS NULL OR c.blocked_until <= now())
             AND c.type = ANY(string_to_array($4, ','))
           ORDER BY GREATEST(p.scheduled_at, d.next_attempt_at)
           LIMIT $3
           FOR UPDATE OF d, p SKIP LOCKED
         ), started AS (
           UPDATE posts SET status = 'publishing', updated_at = now()
           WHERE id IN (SELECT post_id FROM due) AND status = 'scheduled'
         )
         UPDATE post_deliveries d SET lease_owner = $1, lease_expires_at = now() + make_interval(secs => $2), updated_at = now()
         FROM due WHERE d.id = due.id
         RETURNING d.id`,
        [this.owner, this.leaseSeconds, limit, types.join(',')],
      ),
    );
    if (claimed.length === 0) return [];
    const rows: ClaimedRow[] = await this.dataSource.query(
      `SELECT d.id, d.post_id, d.status, d.attempts, d.first_sent_at, p.text, p.link, p.image_updated_at,
              c.id AS channel_id, c.type AS channel_type, c.name AS channel_name, c.external_id, c.instance_url,
              c.status AS channel_status, c.status_reason, c.access_token_encrypted
       FROM post_deliveries d JOIN posts p ON p.id = d.post_id JOIN channels c ON c.id = d.channel_id
       WHERE d.id IN (SELECT value::uuid FROM json_array_elements_text($1::json)) AND d.lease_owner = $2
       ORDER BY d.next_attempt_at`,
      [JSON.stringify(claimed.map((c) => c.id)), this.owner],
    );
    return rows.map((r) => ({
      id: r.id,
      postId: r.post_id,
      status: r.status,
      attempts: r.attempts,
      firstSentAt: date(r.first_sent_at),
      post: { text: r.text, link: r.link, imageUpdatedAt: date(r.image_updated_at) },
      channel: {
        id: r.channel_id,
        type: r.channel_type,
        name: r.channel_name,
        externalId: r.external_id,
        instanceUrl: r.instance_url,
        status: r.channel_status,
        statusReason: r.status_reason,
        tokenEncrypted: r.access_token_encrypted,
      },
    }));
  }

  /**
   * Records the attempt BEFORE the call: `sending`, a new attempt id, the lease renewed for the call.
   * Null when the lease is gone (expired, taken): then nothing may be sent.
   */
  async begin(deliveryId: string, attemptId: string): Promise<{ firstSentAt: Date } | null> {
    const rows: { first_sent_at: Date | string }[] = rowsOf(
      await this.dataSource.query(
        `UPDATE post_deliveries SET status = 'sending', attempt_id = $3, attempt_started_at = now(),
           first_sent_at = COALESCE(first_sent_at, now()), attempts = attempts + 1,
           lease_expires_at = now() + make_interval(secs => $4), updated_at = now()
         WHERE id = $1 AND lease_owner = $2 AND lease_expires_at > now() AND status IN ('pending', 'sending', 'unknown')
         RETURNING first_sent_at`,
        [deliveryId, this.owner, attemptId, this.leaseSeconds],
      ),
    );
    return rows[0] ? { firstSentAt: new Date(rows[0].first_sent_at) } : null;
  }

  /** Completes the attempt AFTER the call; false when the attempt is no longer the current one. */
  async complete(deliveryId: string, attemptId: string, external: { id: string; url: string | null }): Promise<boolean> {
    const rows = rowsOf(
      await this.dataSource.query(
        `UPDATE post_deliveries SET status = 'published', external_id = $3, external_url = $4, published_at = now(),
           error = NULL, error_code = NULL, lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
         WHERE id = $1 AND attempt_id = $2 AND status = 'sending'
         RETURNING id`,
        [deliveryId, attemptId, external.id, external.url],
      ),
    );
    return rows.length > 0;
  }

  /** The post was found on the channel (an earlier attempt reached it): published, nothing sent. */
  async found(deliveryId: string, external: { id: string; url: string | null }): Promise<boolean> {
    const rows = rowsOf(
      await this.dataSource.query(
        `UPDATE post_deliveries SET status = 'published', external_id = $3, external_url = $4, published_at = now(),
           error = NULL, error_code = NULL, lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
         WHERE id = $1 AND lease_owner = $2 AND status IN ('sending', 'unknown')
         RETURNING id`,
        [deliveryId, this.owner, external.id, external.url],
      ),
    );
    return rows.length > 0;
  }

  /**
   * Gives the delivery back for a later try: `pending` when the call surely did not take effect (a
   * refusal, a rate limit), `unknown` when it may have (no answer, a 5xx) — then the channel is
   * searched before the next send.
   */
  async later(deliveryId: string, status: 'pending' | 'unknown', at: Date, error: string, errorCode: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE post_deliveries SET status = $3, next_attempt_at = $4, error = $5, error_code = $6,
         lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
       WHERE id = $1 AND lease_owner = $2`,
      [deliveryId, this.owner, status, at.toISOString(), error, errorCode],
    );
  }

  async fail(deliveryId: string, error: string, errorCode: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE post_deliveries SET status = 'failed', error = $3, error_code = $4, lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
       WHERE id = $1 AND lease_owner = $2`,
      [deliveryId, this.owner, error, errorCode],
    );
  }

  /** A rate limit of the platform: no delivery to this channel is claimed before `until`. */
  async blockChannel(channelId: string, until: Date): Promise<void> {
    await this.dataSource.query(`UPDATE channels SET blocked_until = GREATEST(COALESCE(blocked_until, $2), $2) WHERE id = $1`, [channelId, until.toISOString()]);
  }

  /** External ids of this channel that other deliveries recorded already (a search must not take them). */
  async takenExternalIds(channelId: string, deliveryId: string, candidates: string[]): Promise<Set<string>> {
    if (candidates.length === 0) return new Set();
    const rows: { external_id: string }[] = await this.dataSource.query(
      `SELECT external_id FROM post_deliveries
       WHERE channel_id = $1 AND id <> $2 AND external_id IN (SELECT value FROM json_array_elements_text($3::json))`,
      [channelId, deliveryId, JSON.stringify(candidates)],
    );
    return new Set(rows.map((r) => r.external_id));
  }

  /**
   * Once no delivery of the post is open any more: `published` when all reached their channel, else
   * `failed`. The post row is locked first, so of two processes finishing the last two deliveries at
   * once the second sees both outcomes. Returns the new state when this call changed it.
   */
  async settle(postId: string): Promise<SettledPost | null> {
    return this.dataSource.transaction(async (manager) => {
      const posts: { status: PostStatus; text: string; user_id: string }[] = await manager.query(
        `SELECT p.status, p.text, a.user_id FROM posts p JOIN ambassadors a ON a.id = p.ambassador_id WHERE p.id = $1 FOR UPDATE OF p`,
        [postId],
      );
      const post = posts[0];
      if (!post || post.status !== 'publishing') return null;
      const deliveries: { status: string; error: string | null; name: string }[] = await manager.query(
        `SELECT d.status, d.error, c.name FROM post_deliveries d JOIN channels c ON c.id = d.channel_id WHERE d.post_id = $1`,
        [postId],
      );
      if (deliveries.some((d) => d.status === 'pending' || d.status === 'sending' || d.status === 'unknown')) return null;
      const failed = deliveries.filter((d) => d.status === 'failed');
      const status: PostStatus = failed.length > 0 ? 'failed' : 'published';
      await manager.query(
        `UPDATE posts SET status = $2::text, published_at = CASE WHEN $2::text = 'published' THEN now() ELSE published_at END, updated_at = now() WHERE id = $1`,
        [postId, status],
      );
      return { status, userId: post.user_id, text: post.text, errors: failed.map((d) => `${d.name}: ${d.error ?? 'failed'}`) };
    });
  }

  /** Posts left in `publishing` with nothing open (a settle lost in a crash). */
  async unsettled(limit = 50): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT p.id FROM posts p
       WHERE p.status = 'publishing' AND p.updated_at < now() - interval '1 minute'
         AND NOT EXISTS (SELECT 1 FROM post_deliveries d WHERE d.post_id = p.id AND d.status IN ('pending', 'sending', 'unknown'))
       LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }

  /** Gives leases back untouched (shutdown). A delivery already `sending` stays so: its outcome is unknown. */
  async release(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.query(
      `UPDATE post_deliveries SET lease_owner = NULL, lease_expires_at = NULL
       WHERE lease_owner = $1 AND status = 'pending' AND id IN (SELECT value::uuid FROM json_array_elements_text($2::json))`,
      [this.owner, JSON.stringify(ids)],
    );
  }
}
