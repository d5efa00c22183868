import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SourceFetchSummary, SourceType } from '@welcome-ruhr/contracts';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '../../common/errors/domain-error';
import { feedUrlOf } from '../../sources/source-urls';
import { FeedFetcher, FetchError, FetchErrorCode, type FetchResult } from '../fetch';
import { FeedParseError, parseFeed, type ParsedFeed } from '../parse';
import { FeedIngestService, type IngestCounts } from '../pipeline/feed-ingest.service';
import {
  adaptInterval,
  delayAfterFailure,
  delayAfterSuccess,
  PAUSE_AFTER_FAILURES,
  pausedReason,
} from './fetch-policy';
import { FETCHABLE_TYPES, SourceLeases, type ClaimedSource, type FetchStateUpdate } from './source-leases';

/** Long enough for the slowest fetch (30 s) plus parsing and storing a 10 MB feed; short enough that a crashed process's sources come back soon. */
export const LEASE_SECONDS = 180;

const ETAG_MAX = 500;
const LAST_MODIFIED_MAX = 100;
const UNEXPECTED_ERROR = 'Something went wrong on our side while reading this feed; it will be tried again.';

export interface FetchOutcome {
  summary: SourceFetchSummary;
  /** The error in words, as stored with the source; null on success. */
  error: string | null;
  /** The lease expired and another process took the source meanwhile; the outcome was not written. */
  leaseLost: boolean;
}

/** Optional provider of the lease owner name; by default each instance makes its own. */
export const LEASE_OWNER = Symbol('LEASE_OWNER');

/** A stand-in process id for leases: host, pid and a random part (two apps in one process differ). */
export function newLeaseOwner(): string {
  return `${hostname().slice(0, 60)}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/**
 * Fetches one source that this process holds the lease of: conditional GET, parse, the pipeline,
 * then the outcome and the next fetch time written back with the lease released. Never throws for a
 * feed's problems: they become the source's `last_error`.
 */
@Injectable()
export class SourceFetchService {
  private readonly logger = new Logger(SourceFetchService.name);
  readonly leases: SourceLeases;
  /** Readers of the types the feed fetcher does not read, by type; the Facebook module registers facebook_page. */
  private readonly readers = new Map<SourceType, (source: ClaimedSource) => Promise<FetchOutcome>>();

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly ingest: FeedIngestService,
    private readonly fetcher: FeedFetcher,
    @Optional() @Inject(LEASE_OWNER) owner?: string,
  ) {
    this.leases = new SourceLeases(dataSource, owner ?? newLeaseOwner(), LEASE_SECONDS);
  }

  get owner(): string {
    return this.leases.owner;
  }

  /** Hands "fetch now" of `type` to an integration; it gets the source with the lease held and must finish it. */
  registerReader(type: SourceType, read: (source: ClaimedSource) => Promise<FetchOutcome>): void {
    this.readers.set(type, read);
  }

  claimDue(limit: number): Promise<ClaimedSource[]> {
    return this.leases.claimDue(limit);
  }

  /** "Fetch now": claims the source whatever its schedule (resuming it if paused) and fetches it. */
  async fetchNow(id: string): Promise<FetchOutcome> {
    const claimed = await this.leases.claimOne(id);
    if (claimed === 'missing') throw DomainError.notFound('The source');
    if (claimed === 'busy') {
      throw new DomainError(ErrorCode.Conflict, 'This source is being fetched right now; its state will update when that fetch ends.');
    }
    if (!FETCHABLE_TYPES.includes(claimed.type)) {
      const read = this.readers.get(claimed.type);
      if (read) return read(claimed);
      await this.leases.release([claimed.id]);
      throw new DomainError(ErrorCode.Conflict, 'Facebook pages are read by the Facebook integration, not fetched as feeds.');
    }
    return this.run(claimed);
  }

  async run(source: ClaimedSource, signal?: AbortSignal): Promise<FetchOutcome> {
    const startedAt = new Date();
    const started = performance.now();
    const feedUrl = feedUrlOf(source);
    let response: FetchResult | undefined;
    try {
      if (!feedUrl) throw new FetchError(FetchErrorCode.InvalidUrl, 'This source has no feed address to fetch');
      response = await this.fetcher.fetch(feedUrl, {
        etag: source.etag ?? undefined,
        lastModified: source.lastModified ?? undefined,
        signal,
      });
      if (response.notModified) {
        return await this.succeed(source, startedAt, started, response, null, null);
      }
      const feed = await parseFeed(response.body ?? '', { url: response.finalUrl, fetchedAt: startedAt });
      const counts = await this.ingest.ingest(source, feed.items, { feedUrl: response.finalUrl, fetchedAt: startedAt });
      return await this.succeed(source, startedAt, started, response, feed, counts);
    } catch (error) {
      if (error instanceof FetchError && error.code === FetchErrorCode.Aborted) {
        await this.leases.release([source.id]);
        return { summary: summary(startedAt, started, 'failed', null, []), error: error.message, leaseLost: false };
      }
      return this.fail(source, startedAt, started, error, response?.status ?? null);
    }
  }

  private async succeed(
    source: ClaimedSource,
    startedAt: Date,
    started: number,
    response: FetchResult,
    feed: ParsedFeed | null,
    counts: IngestCounts | null,
  ): Promise<FetchOutcome> {
    const secondsSincePrevious = source.lastFetchedAt ? (startedAt.getTime() - source.lastFetchedAt.getTime()) / 1000 : null;
    const interval = adaptInterval({
      previousIntervalSeconds: source.fetchIntervalSeconds,
      newItems: counts?.new ?? 0,
      secondsSincePreviousFetch: secondsSincePrevious,
    });
    // A 304 carries no <ttl>: the one from the last document read still applies.
    const ttlSeconds = feed ? (feed.ttlMinutes ? Math.round(feed.ttlMinutes * 60) : null) : source.feedTtlSeconds;
    const delay = delayAfterSuccess(interval, { ttlSeconds, maxAgeSeconds: response.cacheControlMaxAge });
    const result = summary(startedAt, started, feed ? 'ok' : 'not_modified', counts, feed?.warnings ?? []);
    const update: FetchStateUpdate = {
      lastFetchedAt: startedAt,
      lastSuccessAt: startedAt,
      lastHttpStatus: response.status,
      lastError: null,
      consecutiveFailures: 0,
      pausedReason: null,
      nextFetchAt: new Date(Date.now() + delay * 1000),
      fetchIntervalSeconds: interval,
      etag: fits(response.etag, ETAG_MAX),
      lastModified: fits(response.lastModified, LAST_MODIFIED_MAX),
      feedTtlSeconds: feed ? ttlSeconds : undefined,
      lastFetch: result,
    };
    const written = await this.leases.finish(source.id, update);
    return { summary: result, error: null, leaseLost: !written };
  }

  private async fail(source: ClaimedSource, startedAt: Date, started: number, error: unknown, status: number | null): Promise<FetchOutcome> {
    const failures = source.consecutiveFailures + 1;
    const message = describe(error);
    if (!(error instanceof FetchError) && !(error instanceof FeedParseError)) {
      this.logger.error({ err: error, sourceId: source.id }, 'fetching a source failed unexpectedly');
    }
    const retryAfter = error instanceof FetchError ? error.retryAfterSeconds : undefined;
    const result = summary(startedAt, started, 'failed', null, []);
    const update: FetchStateUpdate = {
      lastFetchedAt: startedAt,
      lastHttpStatus: error instanceof FetchError ? (error.status ?? null) : status,
      lastError: message,
      consecutiveFailures: failures,
      pausedReason: failures >= PAUSE_AFTER_FAILURES ? pausedReason(failures, message) : null,
      nextFetchAt: new Date(Date.now() + delayAfterFailure(failures, retryAfter) * 1000),
      fetchIntervalSeconds: source.fetchIntervalSeconds,
      lastFetch: result,
    };
    let written = false;
    try {
      written = await this.leases.finish(source.id, update);
    } catch (writeError) {
      // The database itself is in trouble: the lease expires on its own and the source comes back.
      this.logger.error({ err: writeError, sourceId: source.id }, 'could not record a failed fetch');
    }
    return { summary: result, error: message, leaseLost: !written };
  }
}

function describe(error: unknown): string {
  if (error instanceof FetchError || error instanceof FeedParseError) return error.message;
  return UNEXPECTED_ERROR;
}

function fits(value: string | undefined, max: number): string | null {
  return value && value.length <= max ? value : null;
}

function summary(
  at: Date,
  started: number,
  outcome: SourceFetchSummary['outcome'],
  counts: IngestCounts | null,
  warnings: string[],
): SourceFetchSummary {
  return {
    at: at.toISOString(),
    outcome,
    durationMs: Math.round(performance.now() - started),
    items: counts?.items ?? 0,
    new: counts?.new ?? 0,
    updated: counts?.updated ?? 0,
    unchanged: counts?.unchanged ?? 0,
    approved: counts?.approved ?? 0,
    held: counts?.held ?? 0,
    duplicates: counts?.duplicates ?? 0,
    warnings,
  };
}
