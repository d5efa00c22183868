import { Logger } from '@nestjs/common';
import type { ChannelType } from '@welcome-ruhr/contracts';
import { randomUUID } from 'node:crypto';
import type { ChannelHealthService } from '../channels/channel-health.service';
import { MastodonError } from '../channels/mastodon/mastodon-client';
import type { SecretBox } from '../common/crypto/secret-box';
import { GraphError } from '../facebook/graph-error';
import type { NotificationsService } from '../ambassadors/notifications/notifications.service';
import type { ChannelSender, ExternalPost, SendContext } from './channel-sender';
import type { ClaimedDelivery, DeliveryLeases } from './delivery-leases';
import { explain, retryDelayMs, type PublisherOptions } from './publish-policy';

/** Test hooks around the call; a fault test makes `afterSend` end the process abruptly. */
export interface PublisherHooks {
  /** Runs after the attempt is recorded, right before the call. */
  beforeSend?(delivery: ClaimedDelivery): void | Promise<void>;
  /** Runs right after the channel answered, before the answer is recorded. */
  afterSend?(delivery: ClaimedDelivery): void | Promise<void>;
}

export interface EngineDependencies {
  leases: DeliveryLeases;
  senders: Record<ChannelType, ChannelSender>;
  secrets: SecretBox;
  health: Pick<ChannelHealthService, 'markNeedsReconnect'>;
  notifications: Pick<NotificationsService, 'notify'>;
  publicUrl: string;
  options: PublisherOptions;
  hooks?: PublisherHooks;
}

export type DeliveryOutcome = 'published' | 'found' | 'retry' | 'failed' | 'lease_lost';

/**
 * Publishes one claimed delivery exactly once:
 * 1. An attempt that may have reached the channel before (`sending` left by a crash, or `unknown`
 *    after a timeout or 5xx) is looked for on the channel first; found, it is recorded and nothing is sent.
 * 2. The attempt is recorded (`sending`, attempt id, lease renewed) BEFORE the call.
 * 3. The answer is recorded AFTER the call, only for that attempt.
 * Refusals that waiting cannot fix (a revoked token, missing permission, a duplicate) fail the delivery
 * with a reason in words; rate limits wait as long as the platform says; other trouble retries with backoff.
 */
export class PublishEngine {
  private readonly logger = new Logger(PublishEngine.name);

  constructor(private readonly deps: EngineDependencies) {}

  get leases(): DeliveryLeases {
    return this.deps.leases;
  }

  async process(delivery: ClaimedDelivery): Promise<DeliveryOutcome> {
    const { leases, senders, secrets } = this.deps;
    const channel = delivery.channel;
    if (channel.status !== 'connected' || !channel.tokenEncrypted) {
      const reason = channel.status === 'disconnected' ? 'The channel was disconnected.' : (channel.statusReason ?? 'The channel needs reconnecting.');
      await leases.fail(delivery.id, `“${channel.name}” needs reconnecting (${reason.replace(/\.$/, '')}). Reconnect it, then press “Retry”.`, 'channel_needs_reconnect');
      return this.finish(delivery, 'failed');
    }
    let accessToken: string;
    try {
      accessToken = secrets.open(channel.tokenEncrypted);
    } catch {
      // Sealed under another SECRET_KEY: no retry can read it.
      await leases.fail(delivery.id, `The stored connection to “${channel.name}” cannot be read any more. Reconnect it, then press “Retry”.`, 'token_unreadable');
      await this.deps.health.markNeedsReconnect(channel.id, 'the stored token cannot be read with this server’s SECRET_KEY');
      return this.finish(delivery, 'failed');
    }
    const sender = senders[channel.type];
    const context: SendContext = {
      delivery,
      accessToken,
      imageUrl: delivery.post.imageUpdatedAt ? `${this.deps.publicUrl}/api/public/posts/${delivery.postId}/image?v=${delivery.post.imageUpdatedAt.getTime()}` : null,
      timeoutMs: this.deps.options.callTimeoutMs,
    };

    if (delivery.status !== 'pending' && delivery.firstSentAt) {
      try {
        const found = await this.find(sender, context, delivery.firstSentAt);
        if (found) {
          await leases.found(delivery.id, found);
          this.logger.log({ deliveryId: delivery.id, externalId: found.id }, 'an earlier attempt had reached the channel');
          return this.finish(delivery, 'found');
        }
      } catch (error) {
        return this.afterError(delivery, error, 'search');
      }
    }

    const attemptId = randomUUID();
    const begun = await leases.begin(delivery.id, attemptId);
    if (!begun) return 'lease_lost';
    await this.deps.hooks?.beforeSend?.(delivery);
    let posted: ExternalPost;
    try {
      posted = await sender.send(context);
    } catch (error) {
      if (error instanceof GraphError && error.kind === 'duplicate' && delivery.attempts > 0) {
        // Facebook calls it a duplicate after an earlier attempt of ours: perhaps that one got through.
        const found = await this.find(sender, context, begun.firstSentAt).catch(() => null);
        if (found && (await leases.complete(delivery.id, attemptId, found))) return this.finish(delivery, 'found');
      }
      return this.afterError({ ...delivery, attempts: delivery.attempts + 1 }, error, 'send');
    }
    await this.deps.hooks?.afterSend?.(delivery);
    if (!(await leases.complete(delivery.id, attemptId, posted))) {
      // Only possible when this process stalled past its lease and another one took over.
      this.logger.error({ deliveryId: delivery.id, externalId: posted.id }, 'the attempt was superseded after the call; the post may be on the channel twice');
      return 'lease_lost';
    }
    return this.finish(delivery, 'published');
  }

  private find(sender: ChannelSender, context: SendContext, since: Date): Promise<ExternalPost | null> {
    const { leases } = this.deps;
    return sender.find({ ...context, since, taken: (ids) => leases.takenExternalIds(context.delivery.channel.id, context.delivery.id, ids) });
  }

  /**
   * What an error means: wait and try again, or fail with a reason. A refused send (rate limit) surely
   * made no post: `pending`. Anything else may have (no answer, 5xx), and a failed search knows nothing
   * new: `unknown`, so the channel is searched again before the next send.
   */
  private async afterError(delivery: ClaimedDelivery, error: unknown, phase: 'search' | 'send'): Promise<DeliveryOutcome> {
    const { leases, options } = this.deps;
    const channel = delivery.channel;
    const kind = errorKind(error);
    const words = explain(kind, channel.type, channel.name, error instanceof Error ? error.message : String(error));
    if (!(error instanceof GraphError) && !(error instanceof MastodonError)) {
      this.logger.error({ err: error, deliveryId: delivery.id }, 'publishing failed unexpectedly');
    }

    if (kind === 'rate_limit') {
      const seconds = error instanceof GraphError ? error.retryAfterSeconds : ((error as MastodonError).retryAfterSeconds ?? 300);
      const at = new Date(Date.now() + seconds * 1000);
      await leases.blockChannel(channel.id, at);
      await leases.later(delivery.id, phase === 'send' ? 'pending' : 'unknown', at, words.replace('{time}', clock(at)), 'rate_limit');
      return 'retry';
    }
    if (kind === 'transient' || kind === 'no_response') {
      if (delivery.attempts >= options.maxAttempts) {
        await leases.fail(delivery.id, explain('gave_up', channel.type, channel.name, words), 'gave_up');
        return this.finish(delivery, 'failed');
      }
      const at = new Date(Date.now() + Math.max(retryDelayMs(delivery.attempts, options), options.unknownGraceMs));
      await leases.later(delivery.id, 'unknown', at, words.replace('{time}', clock(at)), kind);
      return 'retry';
    }
    await leases.fail(delivery.id, words, kind);
    if (kind === 'token' || kind === 'permission') {
      await this.deps.health.markNeedsReconnect(channel.id, error instanceof Error ? error.message : 'the token was refused');
    }
    return this.finish(delivery, 'failed');
  }

  private async finish(delivery: ClaimedDelivery, outcome: DeliveryOutcome): Promise<DeliveryOutcome> {
    const settled = await this.deps.leases.settle(delivery.postId);
    if (settled?.status === 'failed') {
      await this.deps.notifications.notify({
        userId: settled.userId,
        kind: 'post_failed',
        postId: delivery.postId,
        message: `Your post “${excerpt(settled.text)}” could not be published everywhere. ${settled.errors.join(' ')}`,
        email: { subject: 'A post could not be published' },
      });
    } else if (settled?.status === 'published') {
      await this.deps.notifications.notify({
        userId: settled.userId,
        kind: 'post_published',
        postId: delivery.postId,
        message: `Your post “${excerpt(settled.text)}” is published.`,
      });
    }
    return outcome;
  }
}

export type PublishErrorKind = 'token' | 'permission' | 'duplicate' | 'rate_limit' | 'transient' | 'no_response' | 'invalid';

function errorKind(error: unknown): PublishErrorKind {
  if (error instanceof GraphError) return error.kind;
  if (error instanceof MastodonError) return error.kind;
  return 'transient';
}

function clock(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function excerpt(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}
