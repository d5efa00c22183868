import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ChannelType } from '@welcome-ruhr/contracts';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { DataSource } from 'typeorm';
import { NotificationsService } from '../ambassadors/notifications/notifications.service';
import { ChannelHealthService } from '../channels/channel-health.service';
import { MastodonClient } from '../channels/mastodon/mastodon-client';
import { SecretBox } from '../common/crypto/secret-box';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { GraphClient } from '../facebook/graph-client';
import { PostImagesService } from '../posts/post-images.service';
import type { ChannelSender } from './channel-sender';
import { DeliveryLeases, type ClaimedDelivery } from './delivery-leases';
import { FacebookSender } from './facebook-sender';
import { MastodonSender } from './mastodon-sender';
import { PublishEngine, type PublisherHooks } from './publish-engine';
import { PUBLISHER_DEFAULTS, withCallTimeout, type PublisherOptions } from './publish-policy';

export const PUBLISHER_OPTIONS = Symbol('PUBLISHER_OPTIONS');
export const PUBLISHER_HOOKS = Symbol('PUBLISHER_HOOKS');
const SETTLE_SWEEP_MS = 30_000;
const ALL_TYPES: ChannelType[] = ['facebook_page', 'mastodon'];

export function newPublisherOwner(): string {
  return `${hostname().slice(0, 60)}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/**
 * Runs the publishing in this process: claims due deliveries (PUBLISHER_ENABLED), sends up to
 * PUBLISHER_CONCURRENCY at once through the engine, and claims more as they finish. Any number of
 * processes may do this against one database; the leases keep them apart.
 */
@Injectable()
export class PublisherService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(PublisherService.name);
  readonly options: PublisherOptions;
  readonly engine: PublishEngine;
  readonly senders: Record<ChannelType, ChannelSender>;
  private readonly running = new Map<string, Promise<void>>();
  private readonly waiting: ClaimedDelivery[] = [];
  private claiming: Promise<void> | null = null;
  private claimAgain = false;
  private timer: NodeJS.Timeout | null = null;
  private lastSweep = 0;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    graph: GraphClient,
    mastodon: MastodonClient,
    images: PostImagesService,
    private readonly health: ChannelHealthService,
    private readonly notifications: NotificationsService,
    @Optional() @Inject(PUBLISHER_OPTIONS) options?: Partial<PublisherOptions>,
    @Optional() @Inject(PUBLISHER_HOOKS) private readonly hooks?: PublisherHooks,
  ) {
    this.options = withCallTimeout({
      ...PUBLISHER_DEFAULTS,
      concurrency: config.publisherConcurrency,
      leaseSeconds: config.publisherLeaseSeconds,
      ...options,
    });
    this.senders = { facebook_page: new FacebookSender(graph), mastodon: new MastodonSender(mastodon, (postId) => images.imageOf(postId)) };
    this.engine = this.newEngine(newPublisherOwner(), hooks);
  }

  /** An engine with its own lease owner (a second "process" in tests). */
  newEngine(owner: string, hooks?: PublisherHooks, options: Partial<PublisherOptions> = {}): PublishEngine {
    const merged = withCallTimeout({ ...this.options, ...options });
    return new PublishEngine({
      leases: new DeliveryLeases(this.dataSource, owner, merged.leaseSeconds),
      senders: this.senders,
      secrets: new SecretBox(this.config.secretKey),
      health: this.health,
      notifications: this.notifications,
      publicUrl: this.config.publicUrl,
      options: merged,
      hooks,
    });
  }

  onApplicationBootstrap(): void {
    if (!this.config.publisherEnabled) {
      this.logger.log('Publisher disabled (PUBLISHER_ENABLED=false): this process publishes nothing');
      return;
    }
    this.timer = setInterval(() => void this.tick(), this.options.tickMs);
    this.timer.unref();
    void this.tick();
    this.logger.log(`Publisher on as ${this.engine.leases.owner}: ${this.options.concurrency} deliveries at once`);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.claiming;
    const queued = this.waiting.splice(0).map((d) => d.id);
    await Promise.allSettled([...this.running.values()]);
    await this.engine.leases.release(queued).catch(() => undefined);
  }

  get busy(): number {
    return this.running.size + this.waiting.length;
  }

  /** Claims what there is room for and starts it; resolves when claiming is done. */
  tick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.claiming) {
      this.claimAgain = true;
      return this.claiming;
    }
    this.claiming = (async () => {
      do {
        this.claimAgain = false;
        await this.claim();
      } while (this.claimAgain && !this.stopped);
    })().finally(() => (this.claiming = null));
    return this.claiming;
  }

  /** Waits until nothing runs or waits in this process (tests, benchmarks). */
  async idle(): Promise<void> {
    while (this.claiming || this.running.size > 0 || this.waiting.length > 0) {
      await Promise.allSettled([this.claiming, ...this.running.values()]);
    }
  }

  private async claim(): Promise<void> {
    try {
      await this.sweep();
      for (;;) {
        const room = this.options.concurrency * 2 - this.busy;
        if (room <= 0 || this.stopped) return;
        const claimed = await this.engine.leases.claimDue(room, ALL_TYPES);
        this.waiting.push(...claimed);
        this.startWhatMay();
        if (claimed.length < room) return;
      }
    } catch (error) {
      this.logger.error({ err: error }, 'claiming due deliveries failed');
    }
  }

  private startWhatMay(): void {
    while (this.running.size < this.options.concurrency && !this.stopped) {
      const delivery = this.waiting.shift();
      if (!delivery) return;
      this.start(delivery);
    }
  }

  private start(delivery: ClaimedDelivery): void {
    const run = this.engine
      .process(delivery)
      .then(() => undefined)
      .catch((error) => this.logger.error({ err: error, deliveryId: delivery.id }, 'publishing a delivery failed unexpectedly'))
      .finally(() => {
        this.running.delete(delivery.id);
        this.startWhatMay();
        if (!this.stopped && this.waiting.length === 0) void this.tick();
      });
    this.running.set(delivery.id, run);
  }

  /** Settles posts whose last delivery finished in a process that died before settling them. */
  private async sweep(): Promise<void> {
    if (Date.now() - this.lastSweep < SETTLE_SWEEP_MS) return;
    this.lastSweep = Date.now();
    for (const postId of await this.engine.leases.unsettled()) await this.engine.leases.settle(postId);
  }
}
