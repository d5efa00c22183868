import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { feedUrlOf } from '../../sources/source-urls';
import type { ClaimedSource } from './source-leases';
import { LEASE_SECONDS, SourceFetchService } from './source-fetch.service';

export interface FetchSchedulerOptions {
  /** How often to look for due sources when idle. */
  tickMs: number;
  /** Fetches running at once in this process. */
  maxConcurrent: number;
  /** Fetches running at once against one host (name and port) in this process. */
  maxPerHost: number;
}

export const FETCH_SCHEDULER_DEFAULTS: FetchSchedulerOptions = { tickMs: 5000, maxConcurrent: 8, maxPerHost: 2 };
export const FETCH_SCHEDULER_OPTIONS = Symbol('FETCH_SCHEDULER_OPTIONS');
const INTERVAL_NAME = 'source-fetch-tick';
/** A source that waited this long for a slot gets its lease renewed before its fetch starts. */
const RENEW_AFTER_MS = (LEASE_SECONDS * 1000) / 3;
/** Waiting for running fetches at shutdown; they were aborted, so this is only their cleanup. */
const SHUTDOWN_WAIT_MS = 5000;

function hostOf(source: ClaimedSource): string {
  try {
    return new URL(feedUrlOf(source) ?? '').host;
  } catch {
    return '';
  }
}

/**
 * Claims due sources in the database and fetches them: at most `maxConcurrent` at once, `maxPerHost`
 * per host. Each process claims only what it can start soon (a backlog of one more round), so several
 * processes share the work. A finished fetch claims the next source at once; when nothing is due the
 * tick (every 5 s) looks again.
 */
@Injectable()
export class FetchScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(FetchScheduler.name);
  private readonly options: FetchSchedulerOptions;
  private readonly running = new Map<string, Promise<void>>();
  private readonly runningPerHost = new Map<string, number>();
  private readonly waiting: ClaimedSource[] = [];
  private readonly abort = new AbortController();
  private claiming: Promise<void> | null = null;
  /** A tick arrived while claiming: room may have opened after that claim counted it. */
  private claimAgain = false;
  private stopped = false;

  constructor(
    private readonly fetches: SourceFetchService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'schedulerEnabled'>,
    @Optional() private readonly registry?: SchedulerRegistry,
    @Optional() @Inject(FETCH_SCHEDULER_OPTIONS) options?: Partial<FetchSchedulerOptions>,
  ) {
    this.options = { ...FETCH_SCHEDULER_DEFAULTS, ...options };
  }

  onApplicationBootstrap(): void {
    if (!this.config.schedulerEnabled || !this.registry) {
      this.logger.log('Scheduler disabled (SCHEDULER_ENABLED=false): sources are fetched only on "fetch now"');
      return;
    }
    this.registry.addInterval(INTERVAL_NAME, setInterval(() => void this.tick(), this.options.tickMs));
    this.logger.log(`Scheduler on as ${this.fetches.owner}: ${this.options.maxConcurrent} fetches at once, ${this.options.maxPerHost} per host`);
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  /** Fetches running or waiting for a slot in this process. */
  get busy(): number {
    return this.running.size + this.waiting.length;
  }

  /** Claims what there is room for and starts what may start. Returns when the claiming is done, not the fetches. */
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
    while (this.claiming || this.running.size > 0) {
      await Promise.all([this.claiming, ...this.running.values()]);
    }
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.registry?.doesExist('interval', INTERVAL_NAME)) this.registry.deleteInterval(INTERVAL_NAME);
    this.abort.abort();
    await this.claiming;
    const queued = this.waiting.splice(0).map((source) => source.id);
    const drained = Promise.all([...this.running.values()]);
    await Promise.race([drained, new Promise((resolve) => setTimeout(resolve, SHUTDOWN_WAIT_MS).unref())]);
    await this.fetches.leases.release(queued).catch((error) => this.logger.warn({ err: error }, 'could not release queued leases'));
  }

  private async claim(): Promise<void> {
    try {
      for (;;) {
        const room = this.options.maxConcurrent * 2 - this.busy;
        if (room <= 0 || this.stopped) return;
        const claimed = await this.fetches.claimDue(room);
        this.waiting.push(...claimed);
        this.startWhatMay();
        if (claimed.length < room) return;
      }
    } catch (error) {
      this.logger.error({ err: error }, 'claiming due sources failed');
    }
  }

  private startWhatMay(): void {
    if (this.stopped) return;
    for (let i = 0; i < this.waiting.length && this.running.size < this.options.maxConcurrent; ) {
      const source = this.waiting[i];
      const host = hostOf(source);
      if ((this.runningPerHost.get(host) ?? 0) >= this.options.maxPerHost) {
        i++;
        continue;
      }
      this.waiting.splice(i, 1);
      this.start(source, host);
    }
  }

  private async runClaimed(source: ClaimedSource): Promise<void> {
    // Behind a busy host a claimed source may wait; its lease must outlast the fetch that follows.
    if (Date.now() - source.claimedAt > RENEW_AFTER_MS && !(await this.fetches.leases.renew(source.id))) {
      this.logger.warn({ sourceId: source.id }, 'fetch lease expired while waiting for a slot; another process has the source');
      return;
    }
    const outcome = await this.fetches.run(source, this.abort.signal);
    if (outcome.leaseLost) this.logger.warn({ sourceId: source.id }, 'fetch lease expired before the fetch ended');
  }

  private start(source: ClaimedSource, host: string): void {
    this.runningPerHost.set(host, (this.runningPerHost.get(host) ?? 0) + 1);
    const run = this.runClaimed(source)
      .catch((error) => this.logger.error({ err: error, sourceId: source.id }, 'fetch failed unexpectedly'))
      .finally(() => {
        const left = (this.runningPerHost.get(host) ?? 1) - 1;
        if (left > 0) this.runningPerHost.set(host, left);
        else this.runningPerHost.delete(host);
        this.running.delete(source.id);
        this.startWhatMay();
        if (!this.stopped) void this.tick();
      });
    this.running.set(source.id, run);
  }
}
